// The dlt and Airbyte exports, checked against the structure their own definitions give, for the
// Link-header, body-next-URL, offset, page-number, cursor and GraphQL styles of the demo API and the
// in-house API: component types, required and allowed fields (each rule cites its source), the
// parameters named the same as the crawler's own requests, and the files read back by Python.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { styles } from '../../demo/catalog.ts';
import { INHOUSE_PATH } from '../../demo/inhouse.ts';
import { detect } from '../detect/index.ts';
import { realFetch as httpFetch } from '../crawl/testing/real-io.ts';
import type { Exchange } from '../exchange.ts';
import { detectionFromSpec } from './detection.ts';
import { airbyteManifest, exportAirbyte } from './export-airbyte.ts';
import { exportCommand } from './export-command.ts';
import { dltConfig, exportDlt, PyCode } from './export-dlt.ts';
import { specFromDetection } from './from-detection.ts';
import { applyOverrides } from './overrides.ts';
import type { PaginationSpec } from './types.ts';

let demo: DemoServer;
const specs = new Map<string, PaginationSpec>();
const firsts = new Map<string, Exchange>();
const STYLES = [
  'github',
  'drf',
  'offset-limit',
  'page-number',
  'vend',
  'slack',
  'stripe',
  'relay',
  'postgrest',
  'vanilla',
  'hal',
  'odata',
];

before(async () => {
  demo = await startDemoServer();
  const pages = styles
    .filter((s) => STYLES.includes(s.style))
    .map((s) => [s.style, s.firstPage, s.request] as const);
  pages.push(['inhouse', INHOUSE_PATH + '?limit=20', undefined]);
  for (const [style, path, req] of pages) {
    const url = demo.origin + path;
    const method = req?.method ?? 'GET';
    const headers = [
      ...Object.entries(req?.headers ?? {}).map(([name, value]) => ({ name, value })),
      { name: 'X-Api-Key', value: 'k-SECRET-123' },
    ];
    const res = await httpFetch({ method, url, headers, body: req?.body });
    const exchange: Exchange = {
      request: { method, url, headers, postData: req?.body ? { text: req.body } : undefined },
      response: {
        status: res.status,
        headers: res.headers,
        mimeType: 'application/json',
        bodyText: res.bodyText,
      },
    };
    let spec = specFromDetection(exchange, detect(exchange));
    if (style === 'inhouse')
      spec = applyOverrides(spec, { cursor: 'meta.continuation', cursorParam: 'from' });
    specs.set(style, spec);
    firsts.set(style, exchange);
  }
});
after(() => demo.close());

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

// --- Airbyte: airbytehq/airbyte-python-cdk airbyte_cdk/sources/declarative/declarative_component_schema.yaml
// (required fields and enums per definition, as the schema lists them).
const AIRBYTE: Record<string, { required: string[]; allowed?: string[] }> = {
  DeclarativeSource: {
    required: ['type', 'check', 'version', 'streams'],
    allowed: [
      'type',
      'check',
      'version',
      'streams',
      'spec',
      'schemas',
      'definitions',
      'metadata',
      'description',
      'concurrency_level',
      'api_budget',
      'dynamic_streams',
      'max_concurrent_async_job_count',
    ],
  },
  CheckStream: { required: ['type'], allowed: ['type', 'stream_names', 'dynamic_streams_check_configs'] },
  DeclarativeStream: { required: ['type', 'retriever'] },
  SimpleRetriever: {
    required: ['type', 'record_selector', 'requester'],
    allowed: [
      'type',
      'requester',
      'decoder',
      'record_selector',
      'paginator',
      'pagination_reset',
      'ignore_stream_slicer_parameters_on_paginated_requests',
      'partition_router',
      '$parameters',
    ],
  },
  HttpRequester: {
    required: ['type'],
    allowed: [
      'type',
      'url_base',
      'url',
      'path',
      'http_method',
      'authenticator',
      'request_parameters',
      'request_headers',
      'request_body_json',
      'request_body_data',
      'request_body',
      'error_handler',
      'use_cache',
      'fetch_properties_from_endpoint',
      'query_properties',
      '$parameters',
    ],
  },
  RecordSelector: {
    required: ['type', 'extractor'],
    allowed: [
      'type',
      'extractor',
      'record_filter',
      'schema_normalization',
      'transform_before_filtering',
      '$parameters',
    ],
  },
  DpathExtractor: { required: ['type', 'field_path'], allowed: ['type', 'field_path', '$parameters'] },
  DefaultPaginator: {
    required: ['type', 'pagination_strategy'],
    allowed: ['type', 'pagination_strategy', 'page_size_option', 'page_token_option', '$parameters'],
  },
  NoPagination: { required: ['type'], allowed: ['type'] },
  CursorPagination: {
    required: ['type', 'cursor_value'],
    allowed: ['type', 'cursor_value', 'page_size', 'stop_condition', '$parameters'],
  },
  OffsetIncrement: {
    required: ['type'],
    allowed: ['type', 'page_size', 'inject_on_first_request', '$parameters'],
  },
  PageIncrement: {
    required: ['type'],
    allowed: ['type', 'page_size', 'start_from_page', 'inject_on_first_request', '$parameters'],
  },
  RequestOption: {
    required: ['type', 'inject_into'],
    allowed: ['type', 'inject_into', 'field_name', 'field_path'],
  },
  RequestPath: { required: ['type'], allowed: ['type'] },
  Spec: {
    required: ['type', 'connection_specification'],
    allowed: [
      'type',
      'connection_specification',
      'documentation_url',
      'advanced_auth',
      'config_normalization_rules',
    ],
  },
};

function checkAirbyte(style: string, m: Record<string, unknown>): string[] {
  const bad: string[] = [];
  if (m.type !== 'DeclarativeSource') bad.push(`${style}: root type`);
  const walk = (o: unknown, at: string, parentKey: string) => {
    if (Array.isArray(o)) return o.forEach((x, i) => walk(x, `${at}[${i}]`, parentKey));
    if (!o || typeof o !== 'object') return;
    const obj = o as Record<string, unknown>;
    const t = obj.type;
    // Inside connection_specification and request bodies `type` is JSON Schema / API data, not a component.
    if (
      typeof t === 'string' &&
      !['connection_specification', 'request_body_json', 'properties'].includes(parentKey) &&
      /^[A-Z]/.test(t)
    ) {
      const rule = AIRBYTE[t];
      if (!rule) bad.push(`${style}: ${at} has unknown component type ${t}`);
      else {
        for (const r of rule.required)
          if (obj[r] === undefined) bad.push(`${style}: ${t} at ${at} lacks ${r}`);
        if (rule.allowed)
          for (const k of Object.keys(obj))
            if (!rule.allowed.includes(k)) bad.push(`${style}: ${t}.${k} is not in the schema`);
      }
      if (
        t === 'RequestOption' &&
        !['request_parameter', 'header', 'body_data', 'body_json'].includes(obj.inject_into as string)
      )
        bad.push(`${style}: RequestOption.inject_into ${String(obj.inject_into)}`);
      if (t === 'HttpRequester' && !['GET', 'POST'].includes(obj.http_method as string))
        bad.push(`${style}: http_method`);
      if (
        t === 'DpathExtractor' &&
        !(Array.isArray(obj.field_path) && obj.field_path.every((x) => typeof x === 'string'))
      )
        bad.push(`${style}: field_path is a list of strings`);
    }
    for (const [k, v] of Object.entries(obj)) if (k !== 'request_body_json') walk(v, `${at}.${k}`, k);
  };
  walk(m, '$', '');
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

test('Airbyte manifests follow declarative_component_schema.yaml for every style', () => {
  const bad: string[] = [];
  const strategies = new Set<string>();
  for (const [style, spec] of specs) {
    const { manifest } = airbyteManifest(spec);
    bad.push(...checkAirbyte(style, manifest));
    const retriever = (manifest.streams as Record<string, unknown>[])[0].retriever as Record<string, unknown>;
    const pag = retriever.paginator as Record<string, Record<string, unknown>>;
    strategies.add(String(pag.pagination_strategy?.type ?? pag.type));
  }
  assert.deepEqual(bad, []);
  for (const t of ['CursorPagination', 'OffsetIncrement', 'PageIncrement'])
    assert.ok(strategies.has(t), `covers ${t}`);
});

test('exports name the parameters the crawler sends', () => {
  for (const style of ['offset-limit', 'page-number', 'slack', 'inhouse', 'relay', 'stripe']) {
    const spec = specs.get(style)!;
    const d = detectionFromSpec(spec, firsts.get(style)!);
    assert.ok(d.next, `${style}: the crawler has a next request`);
    const { config } = dltConfig(spec);
    const p = ((config.resources as Record<string, unknown>[])[0].endpoint as Record<string, unknown>)
      .paginator as Record<string, unknown>;
    const { manifest } = airbyteManifest(spec);
    const pag = ((manifest.streams as Record<string, unknown>[])[0].retriever as Record<string, unknown>)
      .paginator as Record<string, Record<string, unknown>>;
    const sent = new URL(d.next.url).searchParams;
    const n = spec.next;
    if (n.type === 'cursor' && n.in === 'body') {
      assert.equal(p.cursor_body_path, 'variables.after');
      assert.deepEqual(pag.page_token_option.field_path, ['variables', 'after']);
      assert.ok(JSON.parse(d.next.body!).variables.after, `${style}: the crawler writes variables.after`);
      continue;
    }
    const param = (p.page_param ?? p.offset_param ?? p.cursor_param) as string;
    assert.ok(sent.has(param), `${style}: dlt's ${param} is in the crawler's next request ${d.next.url}`);
    assert.equal(pag.page_token_option.field_name, param, `${style}: Airbyte injects ${param}`);
    if (p.limit_param) {
      assert.ok(sent.has(p.limit_param as string), `${style}: limit param ${String(p.limit_param)}`);
      assert.equal(pag.page_size_option.field_name, p.limit_param);
    }
  }
  assert.equal(specs.get('inhouse')!.next.type, 'cursor');
  const inhouse = dltConfig(specs.get('inhouse')!).config;
  const ip = ((inhouse.resources as Record<string, unknown>[])[0].endpoint as Record<string, unknown>)
    .paginator;
  assert.deepEqual(ip, { type: 'cursor', cursor_path: 'meta.continuation', cursor_param: 'from' });
});

test('no export carries a secret value; each asks for it by name', () => {
  for (const [style, spec] of specs) {
    for (const text of [exportDlt(spec), exportAirbyte(spec), exportCommand(spec), JSON.stringify(spec)]) {
      assert.ok(!text.includes('k-SECRET-123'), `${style}: the key value leaked`);
    }
    assert.match(exportDlt(spec), /"X-Api-Key": dlt\.secrets\["sources\.pagescope\.x_api_key"\]/);
    assert.match(exportAirbyte(spec), /X-Api-Key: "\{\{ config\['x_api_key'\] \}\}"/);
    assert.match(exportCommand(spec), /-H "X-Api-Key: \$X_API_KEY"/);
  }
});

// Python reads the files back: the dlt file runs (with dlt stubbed, capturing the config) and gives the
// same dict; the YAML loads (PyYAML) as the same manifest.
const HARNESS = `
import sys, json, types, importlib.util
mods = ['dlt', 'dlt.sources', 'dlt.sources.rest_api', 'dlt.sources.helpers', 'dlt.sources.helpers.rest_client', 'dlt.sources.helpers.rest_client.paginators']
for name in mods: sys.modules[name] = types.ModuleType(name)
class Secrets:
    def __getitem__(self, k): return '<secret:%s>' % k
sys.modules['dlt'].secrets = Secrets()
sys.modules['dlt.sources.rest_api'].rest_api_source = lambda c: c
class BaseNextUrlPaginator:
    def __init__(self): pass
sys.modules['dlt.sources.helpers.rest_client.paginators'].BaseNextUrlPaginator = BaseNextUrlPaginator
out = {}
import yaml
for path in sys.argv[1:]:
    if path.endswith('.py'):
        spec = importlib.util.spec_from_file_location('exported', path)
        m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
        out[path] = m.config
    else:
        out[path] = yaml.safe_load(open(path))
print(json.dumps(out, default=lambda o: {'$class': type(o).__name__, 'header': o.header}))
`;

test('Python runs the dlt files and loads the Airbyte YAML as the same data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagescope-export-'));
  writeFileSync(join(dir, 'harness.py'), HARNESS);
  const files: string[] = [];
  const want: Record<string, unknown> = {};
  const plain = (v: unknown): unknown =>
    JSON.parse(
      JSON.stringify(v, (_k, x) => {
        if (!(x instanceof PyCode)) return x;
        const secret = /^dlt\.secrets\["(.+)"\]$/.exec(x.code);
        if (secret) return `<secret:${secret[1]}>`;
        const custom = /^HeaderNextUrlPaginator\((".*")\)$/.exec(x.code);
        return { $class: 'HeaderNextUrlPaginator', header: JSON.parse(custom![1]) };
      }),
    );
  for (const [style, spec] of specs) {
    const py = join(dir, `${style.replace(/-/g, '_')}.py`);
    const yml = join(dir, `${style}.yaml`);
    writeFileSync(py, exportDlt(spec));
    writeFileSync(yml, exportAirbyte(spec));
    files.push(py, yml);
    want[py] = plain(dltConfig(spec).config);
    want[yml] = airbyteManifest(spec).manifest;
  }
  const r = spawnSync('python3', [join(dir, 'harness.py'), ...files], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), want);
});
