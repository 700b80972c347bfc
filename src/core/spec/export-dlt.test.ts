// The dlt export, checked against the structure dlt's own definitions give, for the Link-header,
// body-next-URL, offset, page-number, cursor and GraphQL styles of the demo API and the in-house API:
// paginator types, required and allowed fields (each rule cites its source).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportSpecs } from '../../demo/export-specs.ts';
import { dltConfig, PyCode } from './export-dlt.ts';

const { specs } = exportSpecs();

// --- dlt: dlt-hub/dlt dlt/sources/rest_api/typing.py (RESTAPIConfigBase, ClientConfig, Endpoint,
// EndpointResource, PaginatorType and the *PaginatorConfig TypedDicts) and the REST client docs
// (docs/website/docs/general-usage/http/rest-client.md: page_body_path, offset_body_path, has_more_path;
// "You must provide either cursor_param or cursor_body_path, but not both"; OffsetPaginator's limit).
const DLT_CLIENT = ['base_url', 'headers', 'auth', 'paginator', 'session'];
const DLT_ENDPOINT = [
  'path',
  'method',
  'params',
  'json',
  'paginator',
  'data_selector',
  'response_actions',
  'incremental',
  'auth',
  'headers',
];
const DLT_RESOURCE = [
  'name',
  'endpoint',
  'primary_key',
  'write_disposition',
  'table_name',
  'columns',
  'max_table_nesting',
  'selected',
  'parallelized',
];
const DLT_PAGINATORS: Record<string, string[]> = {
  page_number: [
    'base_page',
    'page',
    'page_param',
    'total_path',
    'maximum_page',
    'stop_after_empty_page',
    'page_body_path',
    'has_more_path',
  ],
  offset: [
    'limit',
    'offset',
    'offset_param',
    'limit_param',
    'total_path',
    'maximum_offset',
    'stop_after_empty_page',
    'offset_body_path',
    'limit_body_path',
    'has_more_path',
  ],
  header_link: ['links_next_key'],
  json_link: ['next_url_path'],
  cursor: ['cursor_path', 'cursor_param', 'cursor_body_path'],
  header_cursor: ['cursor_key', 'cursor_param'],
  single_page: [],
};

function checkDlt(style: string, config: Record<string, unknown>): string[] {
  const bad: string[] = [];
  const keys = (o: unknown) => Object.keys(o as object);
  const only = (o: unknown, allowed: string[], at: string) =>
    keys(o)
      .filter((k) => !allowed.includes(k))
      .forEach((k) => bad.push(`${style}: ${at}.${k} is not a dlt field`));
  if (!config.client || !Array.isArray(config.resources))
    bad.push(`${style}: client and resources are required`);
  only(config, ['client', 'resources', 'resource_defaults'], 'config');
  const client = config.client as Record<string, unknown>;
  only(client, DLT_CLIENT, 'client');
  if (typeof client.base_url !== 'string' || !/^https?:\/\/.+\/$/.test(client.base_url))
    bad.push(`${style}: client.base_url`);
  const res = (config.resources as Record<string, unknown>[])[0];
  only(res, DLT_RESOURCE, 'resource');
  const ep = res.endpoint as Record<string, unknown>;
  only(ep, DLT_ENDPOINT, 'endpoint');
  if (typeof ep.path !== 'string' || ep.path.startsWith('/'))
    bad.push(`${style}: endpoint.path relative to base_url`);
  if (typeof ep.data_selector !== 'string') bad.push(`${style}: data_selector`);
  const p = ep.paginator;
  if (!(p instanceof PyCode)) {
    const pg = p as Record<string, unknown>;
    const allowed = DLT_PAGINATORS[pg.type as string];
    if (!allowed) bad.push(`${style}: paginator type ${String(pg.type)} is not a PaginatorType`);
    else only(pg, ['type', ...allowed], `paginator(${String(pg.type)})`);
    if (pg.type === 'cursor' && (pg.cursor_param === undefined) === (pg.cursor_body_path === undefined))
      bad.push(`${style}: cursor needs cursor_param or cursor_body_path, not both`);
    if (pg.type === 'offset' && typeof pg.limit !== 'number') bad.push(`${style}: offset needs limit`);
  }
  return bad;
}

test('dlt configs follow rest_api typing.py for every style', () => {
  const bad: string[] = [];
  const types = new Set<string>();
  for (const [style, spec] of specs) {
    const { config } = dltConfig(spec);
    bad.push(...checkDlt(style, config));
    const p = ((config.resources as Record<string, unknown>[])[0].endpoint as Record<string, unknown>)
      .paginator;
    types.add(p instanceof PyCode ? 'custom' : String((p as { type: string }).type));
  }
  assert.deepEqual(bad, []);
  for (const t of ['header_link', 'json_link', 'offset', 'page_number', 'cursor', 'custom'])
    assert.ok(types.has(t), `covers ${t}`);
});
