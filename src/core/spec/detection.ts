/**
 * Reading a page by a spec: the Detection the crawl engine consumes, built from the spec's paths and
 * rules alone (no detector runs). `specDetector(spec)` is what the engine calls on every page.
 */
import { headerValue, headerValues, type Exchange } from '../exchange.ts';
import type { Detection, PaginationKind, RequestSpec } from '../detect/types.ts';
import { parseLinkHeader, pageLinks } from '../link.ts';
import { queryEntries, queryValue, setQueryParam } from '../detect/query.ts';
import { isObject, parseJson, type ParseResult } from '../json.ts';
import { resolveUrl } from '../url.ts';
import { asCount, parsePath, readPath, resolveSegments, writePath } from './path.ts';
import type { PaginationSpec, ValueSource } from './types.ts';

/** The page read by the spec: body, records and a value reader. */
type Page = {
  url: string;
  json: unknown;
  records: unknown[];
  read(src: ValueSource): unknown;
};

function readPage(spec: PaginationSpec, exchange: Exchange, body?: ParseResult): Page {
  const parsed = body ?? parseJson(exchange.response.bodyText);
  const json = parsed.ok ? parsed.value : undefined;
  const at = readPath(json, spec.records);
  const records = Array.isArray(at) ? at : [];
  const headers = exchange.response.headers;
  return {
    url: exchange.request.url,
    json,
    records,
    read(src) {
      if (src.in === 'header') return headerValue(headers, src.name);
      if (src.in === 'body') return readPath(json, src.path);
      return records.length ? readPath(records[records.length - 1], src.path) : undefined;
    },
  };
}

/** A count from a body number, a header number, or a `Content-Range: 0-24/237` total. */
function countOf(v: unknown): number | undefined {
  const n = asCount(v);
  if (n !== undefined) return n;
  const m = typeof v === 'string' ? /\/\s*(\d{1,15})\s*$/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}

/** The value of a page/offset/cursor parameter in the request: query string or JSON body path. */
function paramValue(url: string, body: string | undefined, param: string, where: 'query' | 'body'): unknown {
  if (where === 'query') return queryValue(url, param);
  const parsed = parseJson(body);
  return parsed.ok ? readPath(parsed.value, param) : undefined;
}

/** The request with `param` set to `value`, in the query string or at a path of the JSON body. */
function withParam(
  spec: PaginationSpec,
  url: string,
  param: string,
  value: string | number,
  where: 'query' | 'body',
): RequestSpec | null {
  const method = spec.request.method.toUpperCase();
  const body = spec.request.body;
  if (where === 'query') {
    const next = setQueryParam(url, param, String(value));
    return body !== undefined && method !== 'GET' ? { method, url: next, body } : { method, url: next };
  }
  const parsed = parseJson(body ?? '{}');
  if (!parsed.ok || !isObject(parsed.value)) return null;
  const old = readPath(parsed.value, param);
  const typed =
    typeof old === 'number' && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return {
    method: method === 'GET' ? 'POST' : method,
    url,
    body: JSON.stringify(writePath(parsed.value, param, typed)),
    headers: [{ name: 'Content-Type', value: 'application/json' }],
  };
}

/**
 * A next URL as printed, made absolute: resolved against the request, except a query-only link
 * (`?after=…&limit=2`, HubSpot, BigCommerce), which is this request with those parameters set — the
 * APIs printing such links mean to keep the request's others, as detection reads them.
 */
export function nextUrlOf(requestUrl: string, ref: string): string | undefined {
  const t = ref.trim();
  if (!t.startsWith('?')) return resolveUrl(requestUrl, t);
  let out = requestUrl;
  for (const [k, v] of queryEntries(t)) out = setQueryParam(out, k, v);
  return resolveUrl(requestUrl, out);
}

const KIND: Record<PaginationSpec['next']['type'], PaginationKind> = {
  'link-header': 'link',
  'next-url': 'link',
  cursor: 'cursor',
  page: 'page',
  offset: 'offset',
  none: 'link',
};

/**
 * The Detection of one page read by `spec`: records at its records path, the next request by its
 * next rule, and the end by its end rules (has-more false, an empty or short page, the totals, or no
 * next link / cursor). `body` is the page's body already parsed, when the caller has it. The request
 * body of a POST page is the spec's own with the paginated field set, so only that field changes.
 */
export function detectionFromSpec(spec: PaginationSpec, exchange: Exchange, body?: ParseResult): Detection {
  const page = readPage(spec, exchange, body);
  const { url, records } = page;
  const rule = spec.next;
  const recordCount = records.length;
  const sizeParam = spec.pageSize?.param;
  const size =
    (sizeParam ? asCount(queryValue(url, sizeParam)) : undefined) ?? spec.pageSize?.value ?? undefined;
  let hasMore: boolean | undefined;
  if (spec.end.hasMore !== undefined) {
    // `!isLastPage`: a flag that says the opposite (true on the last page).
    const not = spec.end.hasMore.startsWith('!');
    const v = readPath(page.json, not ? spec.end.hasMore.slice(1) : spec.end.hasMore);
    const b = typeof v === 'boolean' ? v : v === 'true' || v === 'false' ? v === 'true' : undefined;
    if (b !== undefined) hasMore = not ? !b : b;
  }
  const totalRecords = spec.end.totalRecords ? countOf(page.read(spec.end.totalRecords)) : undefined;
  const totalPages = spec.end.totalPages ? countOf(page.read(spec.end.totalPages)) : undefined;

  const d: Detection = {
    kind: KIND[rule.type],
    style: 'spec',
    confidence: 1,
    evidence: [],
    method: exchange.request.method || 'GET',
    url,
    position: {},
    links: {},
    params: sizeParam ? { size: sizeParam } : {},
    recordsPath: resolveSegments(page.json, spec.records),
    recordCount,
    spec,
  };
  if (size !== undefined) d.pageSize = size;
  if (totalRecords !== undefined) d.totalRecords = totalRecords;
  if (totalPages !== undefined) d.totalPages = totalPages;
  if (!spec.end.emptyPage) d.emptyPageEnds = false;
  // What the spec read, where, as evidence the panel can point at (a click shows it highlighted).
  const said = (src: ValueSource, value: unknown, note: string) => {
    if (value === undefined || value === null) return;
    const path =
      src.in === 'header' ? src.name : src.in === 'body' ? src.path : `${spec.records}[last].${src.path}`;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    d.evidence.push({
      where: src.in === 'header' ? 'header' : 'body',
      path,
      value: text.slice(0, 120),
      note,
    });
  };
  said({ in: 'body', path: spec.records }, `${recordCount} records`, 'records (spec)');
  if (spec.end.hasMore !== undefined && hasMore !== undefined)
    said(
      { in: 'body', path: spec.end.hasMore.replace(/^!/, '') },
      !!hasMore !== spec.end.hasMore.startsWith('!'),
      'has-more flag (spec)',
    );
  if (spec.end.totalRecords)
    said(spec.end.totalRecords, page.read(spec.end.totalRecords), 'total records (spec)');
  if (spec.end.totalPages) said(spec.end.totalPages, page.read(spec.end.totalPages), 'total pages (spec)');

  let more = hasMore !== false;
  const why = (ok: boolean, text: string) => {
    if (!ok) return;
    more = false;
    d.evidence.push({ where: 'body', path: spec.records, value: text, note: 'end of the chain (spec)' });
  };
  why(spec.end.emptyPage && recordCount === 0, 'empty page');
  why(spec.end.shortPage && size !== undefined && recordCount < size, 'short page');
  let next: RequestSpec | null = null;

  if (rule.type === 'link-header' || rule.type === 'next-url') {
    if (rule.type === 'link-header') {
      d.links = pageLinks(parseLinkHeader(headerValues(exchange.response.headers, 'link')), url);
    } else {
      let v = page.read(rule.from);
      said(rule.from, v, 'next URL (spec)');
      if (isObject(v) && typeof v.href === 'string') v = v.href; // HAL / JSON:API link objects
      const abs = typeof v === 'string' ? nextUrlOf(url, v) : undefined;
      if (abs) d.links = { next: abs };
    }
    if (d.links.next) next = { method: 'GET', url: d.links.next };
  } else if (rule.type === 'cursor') {
    d.params.cursor = rule.in === 'query' ? rule.param : parsePath(rule.param).at(-1);
    const v = page.read(rule.from);
    const cursor = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    said(rule.from, v, 'next cursor (spec)');
    if (cursor !== '') next = withParam(spec, url, rule.param, cursor, rule.in);
  } else if (rule.type === 'page' || rule.type === 'offset') {
    const where = rule.in ?? 'query';
    const reqBody = exchange.request.postData?.text ?? spec.request.body;
    const cur = asCount(paramValue(url, reqBody, rule.param, where));
    if (rule.type === 'page') {
      const n = cur ?? rule.start;
      d.position = { page: n };
      if (where === 'query') d.params.page = rule.param;
      d.params.pageBase = (rule.start === 0 ? 0 : 1) as 0 | 1;
      why(
        totalPages !== undefined && n >= rule.start + totalPages - 1,
        `last page by the total (${totalPages} pages)`,
      );
      why(
        totalPages === undefined &&
          totalRecords !== undefined &&
          !!size &&
          (n - rule.start + 1) * size >= totalRecords,
        `last page by the total (${totalRecords} records)`,
      );
      next = withParam(spec, url, rule.param, n + 1, where);
    } else {
      const n = cur ?? 0;
      d.position = { offset: n };
      if (where === 'query') d.params.offset = rule.param;
      why(
        totalRecords !== undefined && n + recordCount >= totalRecords,
        `last page by the total (${totalRecords} records)`,
      );
      const step = size ?? recordCount;
      next = step > 0 ? withParam(spec, url, rule.param, n + step, where) : null;
    }
  }
  const ask = spec.pageSize?.request;
  if (next && ask !== undefined && sizeParam && rule.type !== 'page') {
    const linked = rule.type === 'link-header' || rule.type === 'next-url';
    if (!linked || queryEntries(next.url).has(sizeParam))
      next = { ...next, url: setQueryParam(next.url, sizeParam, String(ask)) };
  }
  if (!next) more = false;
  d.hasMore = more;
  if (more && next) d.next = next;
  return d;
}

/** The engine's per-page reader for a crawl run from `spec` (CrawlOptions.detectPage). */
export function specDetector(
  spec: PaginationSpec,
): (exchange: Exchange, options?: { body?: ParseResult }) => Detection {
  return (exchange, options) => detectionFromSpec(spec, exchange, options?.body);
}
