/**
 * An Airbyte low-code (declarative) manifest from a spec. Component types and fields follow
 * airbytehq/airbyte-python-cdk `airbyte_cdk/sources/declarative/declarative_component_schema.yaml`:
 * DeclarativeSource (type, check, version, streams), DeclarativeStream (type, retriever),
 * SimpleRetriever (type, requester, record_selector, paginator), HttpRequester (url, http_method,
 * request_parameters, request_headers, request_body_json), RecordSelector + DpathExtractor(field_path),
 * DefaultPaginator (pagination_strategy, page_token_option, page_size_option) with CursorPagination
 * (cursor_value, stop_condition), OffsetIncrement or PageIncrement (start_from_page), RequestOption
 * (inject_into, field_name / field_path) and RequestPath.
 */
import { jinja, jsonBody, pagingParams, resourceName, secretKey, urlParts } from './export-parts.ts';
import { parsePath } from './path.ts';
import type { PaginationSpec, ValueSource } from './types.ts';

type Obj = Record<string, unknown>;

/** Jinja for a value the response gives (body path, header, last record's field). */
function valueOf(s: ValueSource): string {
  if (s.in === 'header') return `headers[${JSON.stringify(s.name.toLowerCase()).replace(/"/g, "'")}]`;
  if (s.in === 'last-record') return jinja('last_record', s.path);
  return jinja('response', s.path);
}

/** The paginator component and notes on what Airbyte cannot express. */
function airbytePaginator(spec: PaginationSpec): { paginator: Obj; notes: string[] } {
  const notes: string[] = [];
  const n = spec.next;
  const stops: string[] = [];
  const h = spec.end.hasMore;
  if (h !== undefined)
    stops.push(
      h.startsWith('!') ? `${jinja('response', h.slice(1))} is true` : `${jinja('response', h)} is false`,
    );
  const sizeOption = (): Obj | undefined =>
    spec.pageSize?.param
      ? { type: 'RequestOption', inject_into: 'request_parameter', field_name: spec.pageSize.param }
      : undefined;
  const cursor = (value: string, tokenOption: Obj, extraStop: string): Obj => {
    const stop = [extraStop, ...stops].join(' or ');
    return {
      type: 'DefaultPaginator',
      pagination_strategy: {
        type: 'CursorPagination',
        cursor_value: `{{ ${value} }}`,
        stop_condition: `{{ ${stop} }}`,
      },
      page_token_option: tokenOption,
    };
  };
  const requestPath = { type: 'RequestPath' };
  switch (n.type) {
    case 'link-header':
      return {
        paginator: cursor("headers['link']['next']['url']", requestPath, "'next' not in headers['link']"),
        notes,
      };
    case 'next-url': {
      const v = valueOf(n.from);
      return { paginator: cursor(v, requestPath, `not ${v}`), notes };
    }
    case 'cursor': {
      const v = valueOf(n.from);
      const option: Obj =
        n.in === 'body'
          ? { type: 'RequestOption', inject_into: 'body_json', field_path: parsePath(n.param) }
          : { type: 'RequestOption', inject_into: 'request_parameter', field_name: n.param };
      return {
        paginator: cursor(v, option, n.from.in === 'last-record' ? 'not last_record' : `not ${v}`),
        notes,
      };
    }
    case 'page':
    case 'offset': {
      if (n.in === 'body') notes.push('The page/offset goes in the JSON body (RequestOption body_json).');
      const token: Obj =
        n.in === 'body'
          ? { type: 'RequestOption', inject_into: 'body_json', field_path: parsePath(n.param) }
          : { type: 'RequestOption', inject_into: 'request_parameter', field_name: n.param };
      const size = spec.pageSize?.request ?? spec.pageSize?.value;
      const strategy: Obj =
        n.type === 'page'
          ? { type: 'PageIncrement', start_from_page: n.start, inject_on_first_request: true }
          : { type: 'OffsetIncrement', inject_on_first_request: true };
      if (size !== undefined) strategy.page_size = size;
      else
        notes.push(
          "The page size is unknown: set page_size to the API's own, or the increment stops after one page.",
        );
      if (spec.end.totalPages || spec.end.totalRecords || spec.end.hasMore)
        notes.push(
          `Airbyte's ${strategy.type} ignores totals and has-more flags: it stops on a page shorter than page_size (this API says when it ends by ${[spec.end.hasMore && 'a has-more flag', spec.end.totalPages && 'a total of pages', spec.end.totalRecords && 'a total of records'].filter(Boolean).join(', ')}).`,
        );
      const paginator: Obj = {
        type: 'DefaultPaginator',
        pagination_strategy: strategy,
        page_token_option: token,
      };
      const so = sizeOption();
      if (so) paginator.page_size_option = so;
      return { paginator, notes };
    }
    case 'none':
      return { paginator: { type: 'NoPagination' }, notes };
  }
}

/** The manifest as plain data, and the notes. */
export function airbyteManifest(spec: PaginationSpec): { manifest: Obj; notes: string[] } {
  const owned = pagingParams(spec);
  const { base, path, params } = urlParts(spec, owned);
  const { paginator, notes } = airbytePaginator(spec);
  const name = resourceName(spec);
  const requester: Obj = {
    type: 'HttpRequester',
    url: base + path,
    http_method: spec.request.method === 'POST' ? 'POST' : 'GET',
  };
  if (spec.request.method !== 'GET' && spec.request.method !== 'POST')
    notes.push(
      `Airbyte's HttpRequester sends GET or POST only; this API is read with ${spec.request.method}.`,
    );
  const ask = spec.pageSize?.request;
  if (ask !== undefined && spec.pageSize?.param && !owned.has(spec.pageSize.param))
    params[spec.pageSize.param] = String(ask);
  if (Object.keys(params).length) requester.request_parameters = params;
  const headers: Obj = {};
  for (const h of spec.request.headers ?? []) headers[h.name] = h.value;
  const secrets = (spec.request.supply ?? []).map((h) => [h, secretKey(h)] as const);
  for (const [h, key] of secrets) headers[h] = `{{ config['${key}'] }}`;
  if (Object.keys(headers).length) requester.request_headers = headers;
  const body = jsonBody(spec);
  if (body) requester.request_body_json = body;
  else if (spec.request.body !== undefined)
    notes.push('The request body is not a JSON object; request_body_json cannot hold it as sent.');
  const stream: Obj = { type: 'DeclarativeStream', name };
  if (spec.recordId) stream.primary_key = spec.recordId;
  stream.retriever = {
    type: 'SimpleRetriever',
    requester,
    record_selector: {
      type: 'RecordSelector',
      extractor: { type: 'DpathExtractor', field_path: parsePath(spec.records) },
    },
    paginator,
  };
  const properties: Obj = {};
  for (const [h, key] of secrets) properties[key] = { type: 'string', title: h, airbyte_secret: true };
  const manifest: Obj = {
    version: '6.0.0',
    type: 'DeclarativeSource',
    check: { type: 'CheckStream', stream_names: [name] },
    streams: [stream],
    spec: {
      type: 'Spec',
      connection_specification: {
        type: 'object',
        required: secrets.map(([, k]) => k),
        properties,
      },
    },
  };
  return { manifest, notes };
}

/** YAML for plain data: block style, every string double-quoted (valid YAML, no surprises). */
function yaml(v: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  const scalar = (x: unknown) =>
    typeof x === 'string' ? JSON.stringify(x) : x === null || x === undefined ? 'null' : String(x);
  const isBlock = (x: unknown) => x !== null && typeof x === 'object' && Object.keys(x).length > 0;
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return v
      .map((x) => {
        if (!isBlock(x)) return `${pad}- ${scalar(x)}`;
        const inner = yaml(x, indent + 2);
        return `${pad}- ${inner.slice(indent + 2)}`;
      })
      .join('\n');
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Obj);
    if (!entries.length) return '{}';
    return entries
      .map(([k, x]) => {
        const key = /^[A-Za-z_][A-Za-z0-9_$-]*$/.test(k) ? k : JSON.stringify(k);
        if (isBlock(x)) return `${pad}${key}:\n${yaml(x, indent + 2)}`;
        return `${pad}${key}: ${Array.isArray(x) || (x && typeof x === 'object') ? (Array.isArray(x) ? '[]' : '{}') : scalar(x)}`;
      })
      .join('\n');
  }
  return scalar(v);
}

/** The manifest file: a header comment, the notes as comments, then the YAML. */
export function exportAirbyte(spec: PaginationSpec): string {
  const { manifest, notes } = airbyteManifest(spec);
  return [
    `# Airbyte low-code manifest for ${spec.request.method} ${spec.request.url.split('?')[0]}, exported by Pagescope.`,
    '# Load it in the Connector Builder (YAML view) or run it with airbyte-cdk source-declarative-manifest.',
    ...((spec.request.supply ?? []).length
      ? ['# Secrets are asked for in the connector config (airbyte_secret), never stored here.']
      : []),
    ...notes.map((t) => `# NOTE: ${t}`),
    yaml(manifest),
    '',
  ].join('\n');
}
