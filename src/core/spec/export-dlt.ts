/**
 * A runnable dlt pipeline (Python) from a spec: a `rest_api` source config dict whose fields follow
 * dlt's own definitions — `dlt/sources/rest_api/typing.py` (ClientConfig.base_url/headers,
 * Endpoint.path/method/params/json/data_selector/paginator, the paginator config TypedDicts) and the
 * REST client docs for the paginators' parameters. Secrets are `dlt.secrets[...]` look-ups, never values.
 */
import { jsonBody, jsonPath, pagingParams, resourceName, secretKey, urlParts } from './export-parts.ts';
import { parsePath } from './path.ts';
import type { PaginationSpec, ValueSource } from './types.ts';

/** Python source for a value that is code, not data (`dlt.secrets["…"]`). */
export class PyCode {
  constructor(readonly code: string) {}
}

type DltPaginator = { type: string; [key: string]: unknown };

/** The paginator dict dlt's rest_api reads, and notes on what dlt cannot express. */
function dltPaginator(spec: PaginationSpec): { paginator: DltPaginator | PyCode; notes: string[] } {
  const notes: string[] = [];
  const n = spec.next;
  const bodyTotal = (s: ValueSource | undefined, what: string): string | null => {
    if (!s) return null;
    if (s.in === 'body') return jsonPath(s.path);
    notes.push(
      `dlt reads ${what} from the JSON body only; this API sends it in the ${s.in === 'header' ? `${s.name} header` : 'records'}, so the paginator stops on an empty page instead.`,
    );
    return null;
  };
  const hasMore = () => {
    const h = spec.end.hasMore;
    if (h === undefined) return {};
    if (!h.startsWith('!')) return { has_more_path: jsonPath(h) };
    notes.push(
      `dlt's has_more_path reads a flag that is true while more pages follow; ${h.slice(1)} says the opposite, so it is left out.`,
    );
    return {};
  };
  if (spec.end.shortPage)
    notes.push(
      'The API ends on a page shorter than the page size; dlt asks once more and stops on the empty page.',
    );
  switch (n.type) {
    case 'link-header':
      return { paginator: { type: 'header_link' }, notes };
    case 'next-url':
      if (n.from.in === 'body')
        return { paginator: { type: 'json_link', next_url_path: jsonPath(n.from.path) }, notes };
      notes.push(
        `dlt has no paginator for a next URL in a ${n.from.in === 'header' ? `${n.from.name} header` : 'record'}: HeaderNextUrlPaginator below is a small BasePaginator subclass that reads it.`,
      );
      return {
        paginator: new PyCode(
          `HeaderNextUrlPaginator(${JSON.stringify(n.from.in === 'header' ? n.from.name : 'link')})`,
        ),
        notes,
      };
    case 'cursor': {
      if (spec.end.hasMore !== undefined)
        notes.push(
          `dlt's cursor paginators stop when the cursor is missing, not on ${spec.end.hasMore}: the last request may return an empty page.`,
        );
      if (n.from.in === 'header') {
        const p: DltPaginator = { type: 'header_cursor', cursor_key: n.from.name, cursor_param: n.param };
        if (n.in === 'body')
          notes.push('dlt sends a header cursor as a query parameter only; the API wants it in the body.');
        return { paginator: p, notes };
      }
      let cursorPath: string;
      if (n.from.in === 'last-record') {
        cursorPath = `${jsonPath(spec.records)}[-1:].${jsonPath(n.from.path)}`.replace(/^\$\[/, '$[');
        notes.push(
          `The cursor is the last record's ${n.from.path}; dlt reads it with the JSONPath slice ${cursorPath}.`,
        );
      } else cursorPath = jsonPath(n.from.path);
      const p: DltPaginator = { type: 'cursor', cursor_path: cursorPath };
      if (n.in === 'body') p.cursor_body_path = jsonPath(n.param);
      else p.cursor_param = n.param;
      return { paginator: p, notes };
    }
    case 'page': {
      const p: DltPaginator = { type: 'page_number', base_page: n.start, page: n.start };
      if (n.in === 'body') p.page_body_path = jsonPath(n.param);
      else p.page_param = n.param;
      const total = bodyTotal(spec.end.totalPages, 'the total of pages');
      if (!total && spec.end.totalRecords)
        notes.push(
          "dlt's page_number total_path counts pages; this API gives a total of records, so the paginator stops on an empty page.",
        );
      p.total_path = total;
      if (!total && !spec.end.emptyPage)
        notes.push('Pages may be empty mid-chain here; dlt stops on the first empty page.');
      return { paginator: { ...p, ...hasMore() }, notes };
    }
    case 'offset': {
      const limit = spec.pageSize?.request ?? spec.pageSize?.value;
      const p: DltPaginator = { type: 'offset', limit: limit ?? 100, offset: 0 };
      if (limit === undefined)
        notes.push("The page size is unknown; limit 100 is a guess: set the API's own.");
      if (n.in === 'body') p.offset_body_path = jsonPath(n.param);
      else p.offset_param = n.param;
      if (spec.pageSize?.param) p.limit_param = spec.pageSize.param;
      p.total_path = bodyTotal(spec.end.totalRecords, 'the total of records');
      return { paginator: { ...p, ...hasMore() }, notes };
    }
    case 'none':
      return { paginator: { type: 'single_page' }, notes };
  }
}

/** The rest_api config as plain data (PyCode for secrets and custom paginators) and the notes. */
export function dltConfig(spec: PaginationSpec): { config: Record<string, unknown>; notes: string[] } {
  const owned = pagingParams(spec);
  const { base, path, params } = urlParts(spec, owned);
  const { paginator, notes } = dltPaginator(spec);
  const headers: Record<string, unknown> = {};
  for (const h of spec.request.headers ?? []) headers[h.name] = h.value;
  for (const name of spec.request.supply ?? [])
    headers[name] = new PyCode(`dlt.secrets["sources.pagescope.${secretKey(name)}"]`);
  const endpoint: Record<string, unknown> = { path };
  if (spec.request.method !== 'GET') endpoint.method = spec.request.method;
  const query: Record<string, unknown> = { ...params };
  if (
    spec.pageSize?.param &&
    owned.has(spec.pageSize.param) &&
    spec.next.type === 'page' &&
    spec.pageSize.value
  )
    query[spec.pageSize.param] = spec.pageSize.value;
  // A raised page size: asked for on every request (dlt's first request too).
  const ask = spec.pageSize?.request;
  if (ask !== undefined && spec.pageSize?.param && !owned.has(spec.pageSize.param))
    query[spec.pageSize.param] = ask;
  if (Object.keys(query).length) endpoint.params = query;
  const body = jsonBody(spec);
  if (body) endpoint.json = body;
  else if (spec.request.body !== undefined)
    notes.push("The request body is not a JSON object; dlt's endpoint.json cannot hold it as sent.");
  endpoint.data_selector = jsonPath(spec.records, parsePath(spec.records));
  endpoint.paginator = paginator;
  const client: Record<string, unknown> = { base_url: base };
  if (Object.keys(headers).length) client.headers = headers;
  const resource: Record<string, unknown> = { name: resourceName(spec) };
  if (spec.recordId) resource.primary_key = spec.recordId;
  resource.endpoint = endpoint;
  return { config: { client, resources: [resource] }, notes };
}

/** A Python literal for plain data (dicts, lists, strings, numbers, booleans, None) and PyCode. */
function py(v: unknown, indent = 0): string {
  const pad = ' '.repeat(indent + 4);
  if (v instanceof PyCode) return v.code;
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v))
    return v.length
      ? `[\n${v.map((x) => pad + py(x, indent + 4)).join(',\n')},\n${' '.repeat(indent)}]`
      : '[]';
  const entries = Object.entries(v as Record<string, unknown>);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, x]) => `${pad}${JSON.stringify(k)}: ${py(x, indent + 4)}`).join(',\n')},\n${' '.repeat(indent)}}`;
}

const HEADER_PAGINATOR = `from dlt.sources.helpers.rest_client.paginators import BaseNextUrlPaginator


class HeaderNextUrlPaginator(BaseNextUrlPaginator):
    """The next page's URL from a response header (absolute or relative)."""

    def __init__(self, header):
        super().__init__()
        self.header = header

    def update_state(self, response, data=None):
        self._next_reference = response.headers.get(self.header) or None

`;

/** The Python file: imports, the config dict with notes as comments, and a pipeline run under __main__. */
export function exportDlt(spec: PaginationSpec): string {
  const { config, notes } = dltConfig(spec);
  const name = resourceName(spec);
  const secrets = (spec.request.supply ?? []).map(
    (h) => `#   [sources.pagescope]\n#   ${secretKey(h)} = "…"   # the ${h} header's value`,
  );
  const custom = /HeaderNextUrlPaginator/.test(py(config));
  return [
    `"""dlt pipeline for ${spec.request.method} ${spec.request.url.split('?')[0]}, exported by Pagescope from its pagination spec.`,
    '',
    'Run: pip install "dlt[duckdb]" && python this_file.py',
    '"""',
    'import dlt',
    'from dlt.sources.rest_api import rest_api_source',
    '',
    custom ? HEADER_PAGINATOR : '',
    ...(secrets.length
      ? [
          '# Secrets come from .dlt/secrets.toml (or environment variables), never from this file:',
          ...secrets,
          '',
        ]
      : []),
    ...notes.map((t) => `# NOTE: ${t}`),
    `config = ${py(config)}`,
    '',
    '',
    'if __name__ == "__main__":',
    `    pipeline = dlt.pipeline(pipeline_name="pagescope_${name}", destination="duckdb", dataset_name="pagescope")`,
    '    print(pipeline.run(rest_api_source(config)))',
    '',
  ]
    .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
    .join('\n');
}
