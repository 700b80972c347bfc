/**
 * chainKey: which chain an exchange belongs to. Page 1 and page 2 of one endpoint must share a key,
 * while `?status=open` and `?status=closed` must not, so only pagination parameters are dropped.
 */
import type { Exchange } from '../exchange.ts';
import type { Detection } from '../detect/types.ts';

/**
 * Query parameters that carry pagination state in common APIs (compared case-insensitively).
 * Deliberately no `start`/`since`/`count`: those are filters as often as they are positions.
 */
const COMMON_PAGE_PARAMS: readonly string[] = [
  'page',
  'pagenumber',
  'page_number',
  'pageno',
  'pagenum',
  'pageindex',
  'page_index',
  'per_page',
  'perpage',
  'page_size',
  'pagesize',
  'limit',
  'offset',
  'skip',
  '$skip',
  '$top',
  'startat',
  'maxresults',
  'first_result',
  'cursor',
  'after',
  'before',
  'starting_after',
  'ending_before',
  'next_cursor',
  'pagetoken',
  'page_token',
  'nextpagetoken',
  'next_page_token',
  'next_token',
  'continuation',
  'continuationtoken',
  'continuation_token',
  '$skiptoken',
  'marker',
  'scroll_id',
];

/** True for `page[number]`, `page[size]`, `page[cursor]`, `page[after]` (JSON:API style families). */
function isBracketPageParam(name: string): boolean {
  return /^page\[[a-z_]+\]$/i.test(name);
}

/** The pagination parameter names of this detection plus the common ones, lower-cased. */
export function paginationParamNames(detection: Pick<Detection, 'params'> | null | undefined): Set<string> {
  const names = new Set(COMMON_PAGE_PARAMS);
  const p = detection?.params;
  for (const n of [p?.page, p?.size, p?.offset, p?.cursor]) if (n) names.add(n.toLowerCase());
  return names;
}

/** The URL's query without pagination parameters, sorted so parameter order does not split chains. */
function filterQuery(url: URL, drop: Set<string>): string {
  const kept = [...url.searchParams.entries()]
    .filter(([k]) => !drop.has(k.toLowerCase()) && !isBracketPageParam(k))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return kept.length ? '?' + new URLSearchParams(kept).toString() : '';
}

/**
 * Method + origin + path + the query without pagination parameters (the detection's own and the
 * common ones). An unparsable URL is its own key.
 */
export function chainKey(
  exchange: Pick<Exchange, 'request'>,
  detection: Pick<Detection, 'params'> | null,
): string {
  const method = (exchange.request.method || 'GET').toUpperCase();
  let url: URL;
  try {
    url = new URL(exchange.request.url);
  } catch {
    return `${method} ${exchange.request.url}`;
  }
  return `${method} ${url.origin}${url.pathname}${filterQuery(url, paginationParamNames(detection))}`;
}

/** `GET /api/items`: a chain's title for people. */
export function chainTitle(method: string, url: string): string {
  try {
    return `${method.toUpperCase()} ${new URL(url).pathname}`;
  } catch {
    return `${method.toUpperCase()} ${url}`;
  }
}

/**
 * A URL normalised for comparing pages: query parameters sorted, fragment dropped. Two links to the
 * same page that differ only in parameter order compare equal.
 */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    const sorted = [...u.searchParams.entries()].sort(([a, av], [b, bv]) =>
      a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
    );
    u.search = sorted.length ? '?' + new URLSearchParams(sorted).toString() : '';
    return u.href;
  } catch {
    return url;
  }
}
