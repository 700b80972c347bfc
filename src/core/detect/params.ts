/**
 * Which query parameters carry the page, offset, size and cursor — inferred from the request URL and
 * the links a response gives — and building the request for page N or the next page from them.
 */
import type { Detection, PageParams, PaginationKind, RequestSpec } from './types.ts';
import { queryEntries, queryValue, setQueryParam } from './query.ts';

export { queryEntries, queryValue, setQueryParam } from './query.ts';

const norm = (name: string) => name.toLowerCase();
const PAGE = new Set([
  'page',
  'pagenumber',
  'page_number',
  'p',
  'page[number]',
  'pageno',
  'page_no',
  'pageindex',
  'currentpage',
  '_page',
]);
const OFFSET = new Set([
  'offset',
  'skip',
  '$skip',
  'start',
  '_start',
  'startindex',
  'start_index',
  'from',
  'page[offset]',
]);
const SIZE = new Set([
  'limit',
  'per_page',
  'perpage',
  'pagesize',
  'page_size',
  'size',
  'page[size]',
  'page[limit]',
  '$top',
  '_limit',
  'maxresults',
  'max_results',
  'count',
  'top',
]);
const CURSOR = new Set([
  'cursor',
  'after',
  'before',
  'page[after]',
  'page[before]',
  'page[cursor]',
  'starting_after',
  'ending_before',
  'pagetoken',
  'page_token',
  'nextpagetoken',
  'next_page_token',
  'next_cursor',
  'continuation',
  'continuationtoken',
  'since_id',
  'max_id',
  'page_info',
  'marker',
  '$skiptoken',
  'skiptoken',
  'scroll_id',
]);

/** Outer names whose nested parameters are data, never pagination. */
const NOT_PAGING = /^(filters?|where|q|query|search|fields?|sort|include|expand|populate)$/i;

/** Which role a parameter name plays by itself, if any. */
export function roleOfName(name: string): keyof Omit<PageParams, 'pageBase'> | undefined {
  const n = norm(name);
  if (PAGE.has(n)) return 'page';
  if (OFFSET.has(n)) return 'offset';
  if (SIZE.has(n)) return 'size';
  if (CURSOR.has(n)) return 'cursor';
  // Spellings beyond the lists: GitLab keyset `id_after`, `nextToken`, `page_num`, `pageIndex`, ...
  if (/(^|[_.[-])(after|before|cursor|token|marker)\]?$|(after|cursor|token)$/i.test(name)) return 'cursor';
  if (/^(page|pg)[_-]?(num|no|nr|idx|index)$/i.test(name)) return 'page';
  // Nested names (qs style) play their last part's role: Strapi `pagination[page]`,
  // `pagination[start]`, Magento `searchCriteria[currentPage]`, `searchCriteria[pageSize]` — but
  // not inside a filter (`filter[count]`, `where[from]` are data).
  const m = /^([\w.-]+)(?:\[[\w-]+\])*\[([A-Za-z_-]+)\]$/.exec(name);
  const inner = m && !NOT_PAGING.test(m[1]) ? m[2] : undefined;
  if (inner) {
    const n = norm(inner);
    if (PAGE.has(n)) return 'page';
    if (OFFSET.has(n)) return 'offset';
    if (SIZE.has(n)) return 'size';
  }
  return undefined;
}

const isInt = (v: string | undefined): v is string => v !== undefined && /^-?\d{1,15}$/.test(v);

/** What a detector already knows, which sharpens the guess. */
export type ParamHints = { kind?: PaginationKind; pageSize?: number; params?: PageParams };

/**
 * Infers the pagination parameters. Parameters whose value differs between the request URL and a
 * next/prev/first/last link decide first (numeric → page, or offset when the step is a multiple of the
 * page size; opaque → cursor); well-known names (`page`, `per_page`, `$skip`, `page[after]`, …) fill the
 * rest; `hints.params` from the detector win over both. When the kind is page or offset and no
 * parameter was seen, the common name (`page`, `offset`) is assumed.
 */
export function inferParams(
  requestUrl: string,
  links: Detection['links'],
  hints: ParamHints = {},
): PageParams {
  const out: PageParams = {};
  const cur = queryEntries(requestUrl);
  const linkList = [links.next, links.prev, links.first, links.last].filter((l): l is string => !!l);
  const linkQs = linkList.map(queryEntries);
  for (const lq of linkQs) {
    for (const name of new Set([...cur.keys(), ...lq.keys()])) {
      const a = cur.get(name);
      const b = lq.get(name);
      if (a === b) continue;
      const role = roleOfName(name);
      if (role === 'size') continue;
      if (role === 'cursor') out.cursor ??= name;
      else if ((isInt(a) || a === undefined) && isInt(b)) {
        const step = Math.abs(Number(b) - Number(a ?? (role === 'offset' ? 0 : 1)));
        const offsetLike =
          role === 'offset' ||
          (!role && !!hints.pageSize && hints.pageSize > 1 && step % hints.pageSize === 0 && step > 0);
        if (offsetLike) out.offset ??= name;
        else out.page ??= name;
      } else if (b !== undefined && b.length >= 4 && !role) out.cursor ??= name;
    }
  }
  for (const q of [cur, ...linkQs]) {
    for (const [name, v] of q) {
      const role = roleOfName(name);
      if (role === 'cursor') out.cursor ??= name;
      else if (role && isInt(v)) out[role] ??= name;
    }
  }
  const base = [cur, ...linkQs].some((q) => out.page !== undefined && q.get(out.page) === '0');
  if (base) out.pageBase = 0;
  for (const [k, v] of Object.entries(hints.params ?? {}))
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  if (hints.kind === 'page') out.page ??= 'page';
  if (hints.kind === 'offset') out.offset ??= 'offset';
  return out;
}

/** What nextRequest needs from a (partial) detection. */
export type PagingState = Pick<
  Detection,
  'kind' | 'method' | 'url' | 'links' | 'params' | 'position' | 'recordCount'
> &
  Partial<Pick<Detection, 'pageSize' | 'totalRecords' | 'totalPages' | 'hasMore'>> & {
    /** The cursor that fetches the next page, when the response gives one and no next link. */
    nextCursor?: string;
  };

function numberIn(url: string, param: string | undefined): number | undefined {
  const v = param ? queryValue(url, param) : undefined;
  return isInt(v) ? Number(v) : undefined;
}

function pageSizeOf(d: PagingState): number | undefined {
  return d.pageSize ?? numberIn(d.url, d.params.size) ?? (d.recordCount > 0 ? d.recordCount : undefined);
}

/**
 * The request for page `n`, counted as the API counts (the first page is `params.pageBase`, default 1).
 * For offset APIs the offset is `(n - base) * pageSize`. Null for cursor and link chains (no random
 * access), non-GET requests, or when the needed parameter or page size is unknown.
 */
export function pageRequest(d: PagingState, n: number): RequestSpec | null {
  if (d.method !== 'GET' || !Number.isInteger(n)) return null;
  const base = d.params.pageBase ?? 1;
  if (n < base) return null;
  if (d.kind === 'page' && d.params.page)
    return { method: 'GET', url: setQueryParam(d.url, d.params.page, String(n)) };
  if (d.kind === 'offset' && d.params.offset) {
    const size = pageSizeOf(d);
    return size
      ? { method: 'GET', url: setQueryParam(d.url, d.params.offset, String((n - base) * size)) }
      : null;
  }
  return null;
}

/** The request for the same URL with the cursor parameter set (replacing any earlier value). */
export function cursorRequest(url: string, param: string, cursor: string): RequestSpec {
  return { method: 'GET', url: setQueryParam(url, param, cursor) };
}

/**
 * The next page's request: the next link when there is one; else the next cursor; else page+1 (or
 * offset+size) when the totals say there is more (page < totalPages, offset+size < totalRecords) or
 * `hasMore` is true. Null on the last page or when it cannot be told.
 */
export function nextRequest(d: PagingState): RequestSpec | null {
  if (d.links.next) return { method: 'GET', url: d.links.next };
  if (d.hasMore === false) return null;
  if (d.nextCursor !== undefined) {
    return d.params.cursor && d.method === 'GET' ? cursorRequest(d.url, d.params.cursor, d.nextCursor) : null;
  }
  if (d.kind === 'page') {
    const base = d.params.pageBase ?? 1;
    const page = d.position.page ?? numberIn(d.url, d.params.page) ?? base;
    const more = d.totalPages !== undefined ? page < d.totalPages - 1 + base : d.hasMore === true;
    return more ? pageRequest(d, page + 1) : null;
  }
  if (d.kind === 'offset') {
    const offset = d.position.offset ?? numberIn(d.url, d.params.offset) ?? 0;
    const size = pageSizeOf(d);
    if (!size) return null;
    const more = d.totalRecords !== undefined ? offset + size < d.totalRecords : d.hasMore === true;
    return more ? offsetAfter(d) : null;
  }
  return null;
}

/**
 * The request right after an offset page by arithmetic alone (offset + page size), whatever the
 * totals say — what a probe past a chain's end asks. Null for non-GET requests or when the offset
 * parameter or the page size is unknown.
 */
export function offsetAfter(d: PagingState): RequestSpec | null {
  if (!d.params.offset || d.method !== 'GET') return null;
  const offset = d.position.offset ?? numberIn(d.url, d.params.offset) ?? 0;
  const size = pageSizeOf(d);
  return size ? { method: 'GET', url: setQueryParam(d.url, d.params.offset, String(offset + size)) } : null;
}
