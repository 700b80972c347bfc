/**
 * Laravel paginators, as JSON: the API-resource form `data` + `links{first,last,prev,next}` +
 * `meta{current_page,last_page,per_page,total,from,to,path}` (some APIs camelCase these, seed 002),
 * the plain form `{current_page, data, first_page_url, next_page_url, last_page, ...}`, simplePaginate
 * (no totals), and cursorPaginate (`next_cursor`/`prev_cursor`, base64 JSON, `?cursor=`).
 * Docs: laravel.com/docs/pagination "Converting Results to JSON", API resources (seed 002).
 * Fixtures: fixtures/body-seeds.ts (laravel, laravel-cursor).
 */
import { isObject } from '../json.ts';
import { count, field, hasKey, text, type Obj } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link, nextGet, pageParamIn, cursorParamIn } from './next-request.ts';
import type { Detector, Evidence } from './types.ts';

const LINK_KEYS = ['first', 'last', 'prev', 'next'] as const;

export const laravel: Detector = {
  name: 'laravel',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('data'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !Array.isArray(json.data)) return null;
    const resource =
      isObject(json.meta) && isObject(json.links) && LINK_KEYS.some((k) => k in (json.links as Obj));
    const meta: Obj = resource ? (json.meta as Obj) : json;
    const pageField = field(meta, 'current_page');
    const page = count(pageField?.value);
    const cursorForm = hasKey(meta, 'next_cursor', 'prev_cursor');
    // The plain form must show a paginator's URL fields too, so a `{current_page, data}` alone is not enough.
    const plainOk = !resource && hasKey(meta, 'next_page_url', 'first_page_url', 'prev_page_url');
    if (!resource && !plainOk) return null;
    if (page === undefined && !cursorForm) return null;
    if (resource && page === undefined && !hasKey(meta, 'path', 'per_page')) return null;

    const prefix = resource ? 'meta.' : '';
    const evidence: Evidence[] = [];
    const lastPage = count(field(meta, 'last_page')?.value);
    const perPage = count(field(meta, 'per_page')?.value);
    const total = count(field(meta, 'total')?.value);
    if (pageField) evidence.push(ev(prefix + pageField.key, pageField.value, 'current page'));
    for (const [name, v, note] of [
      ['last_page', lastPage, 'last page'],
      ['per_page', perPage, 'page size'],
      ['total', total, 'total records'],
    ] as const) {
      const f = field(meta, name);
      if (v !== undefined && f) evidence.push(ev(prefix + f.key, f.value, note));
    }
    const linkSrc: Obj = resource ? (json.links as Obj) : {};
    const links: { first?: string; prev?: string; next?: string; last?: string } = {};
    for (const k of LINK_KEYS) {
      const v = resource ? linkSrc[k] : field(meta, `${k}_page_url`)?.value;
      const url = link(ctx, v);
      if (url) links[k] = url;
    }
    if (links.next) evidence.push(ev(resource ? 'links.next' : 'next_page_url', links.next, 'next page'));
    evidence.push(ev('data', `${json.data.length} records`, 'paginator data'));

    if (page === undefined) {
      // cursorPaginate: no page numbers, only cursors and their URLs.
      const nextCursor = text(field(meta, 'next_cursor')?.value);
      const cursorParam = cursorParamIn(ctx.exchange.request.url, links.next, nextCursor) ?? 'cursor';
      if (nextCursor)
        evidence.push(
          ev(prefix + (field(meta, 'next_cursor')?.key ?? 'next_cursor'), nextCursor, 'next cursor'),
        );
      const current = ctx.url.searchParams.get(cursorParam) ?? undefined;
      const hasMore = Boolean(nextCursor || links.next);
      return {
        kind: 'cursor',
        style: 'laravel-cursor',
        confidence: 0.9,
        evidence,
        position: current ? { cursor: current } : {},
        pageSize: perPage,
        hasMore,
        links,
        next: links.next
          ? { method: 'GET', url: links.next }
          : nextCursor
            ? nextGet(ctx, { [cursorParam]: nextCursor })
            : undefined,
        params: { cursor: cursorParam },
        recordsPath: ['data'],
        recordCount: json.data.length,
      };
    }
    // The next link decides when it is there (null on the last page); else the last page number.
    const nextKeyShown = resource ? hasKey(linkSrc, 'next') : hasKey(meta, 'next_page_url');
    const hasMore = links.next
      ? true
      : nextKeyShown
        ? false
        : lastPage !== undefined
          ? page < lastPage
          : undefined;
    // Laravel lets each paginator name its page parameter (`users_page`); the links show which.
    const pageParam = pageParamIn(ctx.exchange.request.url, links, page) ?? 'page';
    return {
      kind: 'page',
      style: 'laravel',
      confidence: 0.9,
      evidence,
      position: { page },
      pageSize: perPage,
      totalRecords: total,
      totalPages: lastPage,
      hasMore,
      links,
      next: links.next
        ? { method: 'GET', url: links.next }
        : hasMore
          ? nextGet(ctx, { [pageParam]: page + 1 })
          : undefined,
      params: { page: pageParam, pageBase: 1 },
      recordsPath: ['data'],
      recordCount: json.data.length,
    };
  },
};
