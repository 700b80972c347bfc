// The Airbyte export, checked against declarative_component_schema.yaml for the Link-header,
// body-next-URL, offset, page-number, cursor and GraphQL styles of the demo API and the in-house API:
// component types, required and allowed fields, enums.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportSpecs } from '../../demo/export-specs.ts';
import { airbyteManifest } from './export-airbyte.ts';

const { specs } = exportSpecs();

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
