/**
 * Offset/limit bodies: `{offset, limit, total}` (or `skip`/`take`, `skip`/`limit`, `start`) at the
 * root or under `meta`/`pagination`/`paging`, beside a records array. The next page is offset+limit
 * while that is below total. DummyJSON (`{products, total, skip, limit}`) and Spotify-style paging
 * objects (`{items, limit, offset, total, next, previous}`) are this shape.
 * Docs: dummyjson.com/docs (Limit and skip), developer.spotify.com/documentation/web-api/concepts/api-calls
 * (paging object), Atlassian Jira REST v3 "Pagination" (`startAt`/`maxResults`/`total`/`isLast`, PageBean
 * `nextPage`), Contentful CDA "Collection resources and pagination" (`skip`/`limit`/`total`/`items`),
 * Box "Offset-based pagination" (`offset`/`limit`/`total_count`/`entries`), Bitbucket Data Center "Paged
 * APIs" (`start`/`limit`/`isLastPage`/`nextPageStart`), Medusa "Pagination" (`count` is the total).
 * Fixtures: fixtures/body-apis.ts (offset-limit), fixtures/body-saas-apis.ts, fixtures/public-apis-offset.ts.
 */
import { isObject } from '../json.ts';
import { count, field, isUrlLike, namedCollection, type Obj } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link, nextGet } from './next-request.ts';
import type { Detector, Evidence } from './types.ts';

const WRAPPERS = ['meta', 'pagination', 'paging', 'page_info'];

function holders(json: Obj): { obj: Obj; path: string[] }[] {
  const out = [{ obj: json, path: [] as string[] }];
  for (const w of WRAPPERS) {
    const f = field(json, w);
    if (f && isObject(f.value)) out.push({ obj: f.value, path: [f.key] });
  }
  // Spotify search wraps each paging object under its type: {tracks: {items, offset, limit, ...}}.
  for (const [k, v] of Object.entries(json))
    if (isObject(v) && !WRAPPERS.includes(k)) out.push({ obj: v, path: [k] });
  return out;
}

/**
 * Medusa's `count` beside `offset` and `limit` is the total ("the total count of products"); as
 * this page's length it would equal the records, so only one that differs from it and reaches past
 * this page (at least offset + records) is read as a total.
 */
function countAsTotal(obj: Obj, limitKey: string, offset: number, length: number) {
  const f = limitKey === 'count' ? undefined : field(obj, 'count');
  const n = count(f?.value);
  return f && n !== undefined && n >= offset + length && n !== length ? f : undefined;
}

export const offsetLimit: Detector = {
  name: 'offset-limit',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.object,
  detect(ctx) {
    if (!isObject(ctx.json)) return null;
    for (const { obj, path } of holders(ctx.json)) {
      const offF = field(obj, 'offset', 'skip', 'start', 'start_at');
      const limF = field(obj, 'limit', 'take', 'max_results', 'per_page', 'page_size', 'count');
      const offset = count(offF?.value);
      const limit = count(limF?.value);
      if (!offF || !limF || offset === undefined || limit === undefined) continue;
      // A body that numbers its pages is a page chain, whatever index it prints (Twilio's `start`).
      if (count(field(obj, 'page', 'current_page', 'page_number')?.value) !== undefined) continue;
      const records = namedCollection(obj) ?? (path.length ? namedCollection(ctx.json, path) : undefined);
      if (!records) continue;
      const totF =
        field(obj, 'total', 'total_count', 'total_results', 'total_records', 'total_items') ??
        countAsTotal(obj, limF.key, offset, records.records.length);
      const total = count(totF?.value);
      // `count` as a limit only next to a total; alone it is usually the number of records.
      if (limF.key === 'count' && total === undefined) continue;
      const recordsPath = namedCollection(obj) ? [...path, records.key] : [records.key];
      const at = (k: string) => [...path, k].join('.');
      const evidence: Evidence[] = [
        ev(at(offF.key), offF.value, 'offset'),
        ev(at(limF.key), limF.value, 'page size'),
      ];
      if (totF) evidence.push(ev(at(totF.key), totF.value, 'total records'));
      evidence.push(ev(recordsPath.join('.'), `${records.records.length} records`, 'records'));
      // Spotify `next`, Jira's PageBean `nextPage`, Twilio's old `next_page_uri`: null at the end.
      const nextF = field(obj, 'next', 'next_page', 'next_page_url', 'next_page_uri');
      const nextLink = isUrlLike(nextF?.value) ? link(ctx, nextF!.value) : undefined;
      const endKey = ['next', 'nextPage', 'next_page', 'next_page_url', 'next_page_uri'].find(
        (k) => k in obj && obj[k] === null,
      );
      // Jira says `isLast` (PageBean); its search results give only startAt/maxResults/total.
      const isLastF = field(obj, 'is_last', 'is_last_page');
      const isLast = isLastF?.value;
      const step = limit > 0 ? limit : records.records.length;
      const hasMore = nextLink
        ? true
        : typeof isLast === 'boolean'
          ? !isLast
          : total !== undefined
            ? offset + step < total
            : endKey
              ? false
              : undefined;
      if (nextLink) evidence.push(ev(at(nextF!.key), nextF!.value, 'next page'));
      // Spotify's `previous` (null on the first page), Twilio's old `previous_page_uri`: the prev link.
      const prevF = field(obj, 'previous', 'prev', 'previous_page', 'previous_page_url', 'previous_page_uri');
      const prevLink = isUrlLike(prevF?.value) ? link(ctx, prevF!.value) : undefined;
      if (prevLink) evidence.push(ev(at(prevF!.key), prevF!.value, 'previous page'));
      if (typeof isLast === 'boolean') evidence.push(ev(at(isLastF!.key), isLast, 'last page flag'));
      // Bitbucket Data Center: "a client should always use nextPageStart" (ids need not be contiguous).
      const nextStartF = field(obj, 'next_page_start', 'next_start');
      const nextStart = count(nextStartF?.value);
      if (nextStart !== undefined) evidence.push(ev(at(nextStartF!.key), nextStart, 'next offset'));
      // An offset and a size beside a list say nothing alone (a UTC offset, a display limit): they
      // need a total, a link, a flag, or the request's own offset parameter.
      const echoed = ctx.url.searchParams.get(offF.key) === String(offset);
      if (total === undefined && !nextLink && typeof isLast !== 'boolean' && !endKey && !echoed) continue;
      // The body echoes the request's own parameter names (offset/limit, skip/take, start/count).
      const offsetParam = offF.key;
      const sizeParam = limF.key;
      return {
        kind: 'offset',
        style: 'offset-limit',
        confidence: total !== undefined ? 0.8 : 0.65,
        evidence,
        position: { offset },
        pageSize: limit || undefined,
        totalRecords: total,
        totalPages: total !== undefined && limit > 0 ? Math.ceil(total / limit) : undefined,
        hasMore,
        links: { ...(prevLink ? { prev: prevLink } : {}), ...(nextLink ? { next: nextLink } : {}) },
        next: nextLink
          ? { method: 'GET', url: nextLink }
          : hasMore && step > 0
            ? nextGet(ctx, { [offsetParam]: nextStart ?? offset + step })
            : undefined,
        params: { offset: offsetParam, size: sizeParam },
        recordsPath,
        recordCount: records.records.length,
      };
    }
    return null;
  },
};
