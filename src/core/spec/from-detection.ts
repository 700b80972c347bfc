/**
 * specFromDetection: the spec a detection stands for — where its next link, cursor, flag and totals
 * were read — found in the page itself, so the spec of page 1 alone crawls what detection crawls.
 */
import { headerValues, type Exchange } from '../exchange.ts';
import type { Detection } from '../detect/types.ts';
import { parseLinkHeader, pageLinks } from '../link.ts';
import { queryEntries, queryValue } from '../detect/query.ts';
import { locateRecords } from '../detect/records.ts';
import { isCredentialHeader } from '../crawl/credentials.ts';
import { isObject, parseJson } from '../json.ts';
import { inferIdKey } from '../record-id.ts';
import { resolveUrl } from '../url.ts';
import { nextUrlOf } from './detection.ts';
import { asCount, formatSpecPath, readPath, resolveSegments } from './path.ts';
import {
  SPEC_VERSION,
  type EndRules,
  type NextRule,
  type PaginationSpec,
  type SpecRequest,
  type ValueSource,
} from './types.ts';

/** Request headers a browser or client adds on its own: not part of what the API needs. */
const INCIDENTAL =
  /^(:|sec-|accept-(encoding|language)$|user-agent$|referer$|origin$|host$|connection$|content-length$|cache-control$|pragma$|dnt$|priority$|te$|upgrade-insecure-requests$|if-|x-requested-with$)/i;

/** The request part of a spec: secret headers by name only, incidental browser headers left out. */
export function specRequest(exchange: Exchange): SpecRequest {
  const { method, url, headers, postData } = exchange.request;
  const req: SpecRequest = { method: (method || 'GET').toUpperCase(), url };
  const keep: { name: string; value: string }[] = [];
  const supply: string[] = [];
  for (const h of headers ?? []) {
    if (INCIDENTAL.test(h.name)) continue;
    if (isCredentialHeader(h.name)) {
      if (!supply.some((n) => n.toLowerCase() === h.name.toLowerCase())) supply.push(h.name);
    } else if (!(h.name.toLowerCase() === 'accept' && /^\*\/\*$|^application\/json$/i.test(h.value.trim())))
      keep.push({ name: h.name, value: h.value });
  }
  if (keep.length) req.headers = keep;
  if (supply.length) req.supply = supply;
  if (postData?.text !== undefined && req.method !== 'GET') req.body = postData.text;
  return req;
}

/** Shallowest body path (arrays not entered) whose value satisfies `pred`. */
function findInBody(
  json: unknown,
  pred: (v: unknown, key: string) => boolean,
  maxDepth = 6,
): string[] | null {
  let level: { v: unknown; path: string[] }[] = [{ v: json, path: [] }];
  for (let depth = 0; depth < maxDepth && level.length; depth++) {
    const nextLevel: typeof level = [];
    for (const { v, path } of level) {
      if (!isObject(v)) continue;
      for (const [k, child] of Object.entries(v)) {
        if (pred(child, k)) return [...path, k];
        if (isObject(child)) nextLevel.push({ v: child, path: [...path, k] });
      }
    }
    level = nextLevel;
  }
  return null;
}

const same = (a: unknown, b: string) => (typeof a === 'string' || typeof a === 'number') && String(a) === b;

/** Where `value` came from: a body path, a header, or the last record's field. */
function sourceOf(exchange: Exchange, json: unknown, records: unknown[], value: string): ValueSource | null {
  const path = findInBody(json, (v) => same(v, value));
  if (path) return { in: 'body', path: formatSpecPath(path) };
  const h = exchange.response.headers.find((x) => x.value.trim() === value);
  if (h) return { in: 'header', name: h.name };
  const last = records[records.length - 1];
  const inRecord = findInBody(last, (v) => same(v, value), 3);
  return inRecord ? { in: 'last-record', path: formatSpecPath(inRecord) } : null;
}

/** The path of the JSON body field whose value differs between two request bodies (the cursor's place). */
function changedBodyField(
  before: string | undefined,
  after: string | undefined,
): { path: string; value: string } | null {
  const a = parseJson(before ?? '{}');
  const b = parseJson(after);
  if (!a.ok || !b.ok) return null;
  const walk = (x: unknown, y: unknown, path: string[]): { path: string; value: string } | null => {
    if (isObject(y)) {
      for (const [k, v] of Object.entries(y)) {
        const r = walk(isObject(x) ? x[k] : undefined, v, [...path, k]);
        if (r) return r;
      }
      return null;
    }
    return (typeof y === 'string' || typeof y === 'number') && x !== y
      ? { path: formatSpecPath(path), value: String(y) }
      : null;
  };
  return walk(a.value, b.value, []);
}

function nextRule(exchange: Exchange, d: Detection, json: unknown, records: unknown[]): NextRule {
  const url = exchange.request.url;
  const link = d.links.next;
  if (link) {
    const lh = pageLinks(parseLinkHeader(headerValues(exchange.response.headers, 'link')), url);
    if (lh.next) return { type: 'link-header' };
    const h = exchange.response.headers.find(
      (x) => x.name.toLowerCase() !== 'link' && resolveUrl(url, x.value) === link,
    );
    if (h) return { type: 'next-url', from: { in: 'header', name: h.name } };
    // The URL string itself (HAL's `_links.next.href`, not the link object), so every target reads it;
    // a query-only link (`?after=…`, HubSpot) is this request with those parameters, as detection reads it.
    const path = findInBody(json, (v) => typeof v === 'string' && nextUrlOf(url, v) === link);
    if (path) return { type: 'next-url', from: { in: 'body', path: formatSpecPath(path) } };
  }
  const next = d.next;
  if (next && d.params.cursor) {
    const inBody =
      next.method !== 'GET' && next.body !== undefined && !queryEntries(next.url).has(d.params.cursor);
    const changed = inBody ? changedBodyField(exchange.request.postData?.text, next.body) : null;
    const value = changed ? changed.value : queryValue(next.url, d.params.cursor);
    const from = value ? sourceOf(exchange, json, records, value) : null;
    if (from && changed) return { type: 'cursor', from, param: changed.path, in: 'body' };
    if (from) return { type: 'cursor', from, param: d.params.cursor, in: 'query' };
  }
  // A last page: no link any more, but the field that held it is there, empty (`next_page_url: null`).
  const empty = !next ? findInBody(json, (v, k) => (v === null || v === '') && NEXT_URL_KEY.test(k)) : null;
  if (empty) return { type: 'next-url', from: { in: 'body', path: formatSpecPath(empty) } };
  const bodyParam = (name: string) =>
    d.method.toUpperCase() !== 'GET' && !queryEntries(d.url).has(name) ? ('body' as const) : undefined;
  if (d.kind === 'page' && d.params.page) {
    const r: NextRule = { type: 'page', param: d.params.page, start: d.params.pageBase ?? 1 };
    const where = bodyParam(d.params.page);
    return where ? { ...r, in: where } : r;
  }
  if (d.kind === 'offset' && d.params.offset) {
    const r: NextRule = { type: 'offset', param: d.params.offset };
    const where = bodyParam(d.params.offset);
    return where ? { ...r, in: where } : r;
  }
  return { type: 'none' };
}

const NEXT_URL_KEY = /^(next|next_?(page_?)?(url|link|href|uri)|@odata\.nextlink)$/i;
const HAS_MORE = /^(has_?more(_?\w+)?|has_?next(_?page)?|more(_?\w+)?)$/i;
const IS_LAST = /^(is_?last(_?page)?|last_?page|is_?done|done)$/i;

function endRules(exchange: Exchange, d: Detection, json: unknown): EndRules {
  const end: EndRules = {
    emptyPage: d.emptyPageEnds !== false,
    shortPage: d.emptyPageEnds === true && !!d.pageSize,
  };
  const flag = findInBody(json, (v, k) => typeof v === 'boolean' && HAS_MORE.test(k));
  const last = flag ? null : findInBody(json, (v, k) => typeof v === 'boolean' && IS_LAST.test(k));
  if (flag) end.hasMore = formatSpecPath(flag);
  else if (last) end.hasMore = '!' + formatSpecPath(last);
  const total = (n: number | undefined, names: RegExp): ValueSource | undefined => {
    if (n === undefined) return undefined;
    for (const e of d.evidence) {
      if (e.where === 'body' && asCount(readPath(json, e.path)) === n)
        return { in: 'body', path: formatSpecPath(resolveSegments(json, e.path)) };
      if (e.where === 'header' && (e.value.trim() === String(n) || e.value.trim().endsWith('/' + n)))
        return { in: 'header', name: e.path };
    }
    const path = findInBody(json, (v, k) => asCount(v) === n && names.test(k));
    return path ? { in: 'body', path: formatSpecPath(path) } : undefined;
  };
  const pages = total(d.totalPages, /pages|last_?page/i);
  const recs = total(d.totalRecords, /total|count|results|elements/i);
  // The same number can be both (1 page of 1 record): a path read as pages is not also the record total.
  if (pages) end.totalPages = pages;
  if (recs && JSON.stringify(recs) !== JSON.stringify(pages)) end.totalRecords = recs;
  return end;
}

/**
 * The spec of `exchange` as `detection` reads it: the request (secret headers by name only), the
 * records path, the next rule (Link header; a next URL in a header or at a body path; a cursor found
 * at a body path, header or the last record, sent as a query parameter or at a body path; page or
 * offset parameters), the end rules (has-more flag, totals, empty and short pages) and the record id.
 * With a null detection the spec has the records path and `next: none`.
 */
export function specFromDetection(exchange: Exchange, detection: Detection | null): PaginationSpec {
  const parsed = parseJson(exchange.response.bodyText);
  const json = parsed.ok ? parsed.value : undefined;
  const recordsPath = detection?.recordsPath ?? locateRecords(json)?.path ?? [];
  const at = readPath(json, recordsPath);
  const records = Array.isArray(at) ? at : [];
  const spec: PaginationSpec = {
    version: SPEC_VERSION,
    request: specRequest(exchange),
    records: formatSpecPath(recordsPath),
    next: detection ? nextRule(exchange, detection, json, records) : { type: 'none' },
    end: detection ? endRules(exchange, detection, json) : { emptyPage: true, shortPage: false },
  };
  const idKey = inferIdKey(records);
  if (idKey) spec.recordId = idKey;
  if (detection) {
    const param = detection.params.size;
    const value = detection.pageSize ?? asCount(param ? queryValue(detection.url, param) : undefined);
    if (param || value !== undefined) {
      spec.pageSize = {};
      if (param) spec.pageSize.param = param;
      if (value !== undefined) spec.pageSize.value = value;
    }
  }
  return spec;
}
