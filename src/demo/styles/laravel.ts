/**
 * Laravel-style pagination. `/api/v2/resources` follows seed 002 (data / links / meta with absolute URLs,
 * camelCase meta, and a `cursor` carried in every link next to `page`). `/api/posts` follows Laravel's
 * own cursorPaginate() as an API resource (https://laravel.com/docs/pagination#cursor-pagination):
 * `meta.next_cursor` / `meta.prev_cursor`, `links.next` with `?cursor=`, first/last always null.
 */
import { dataset } from '../data.ts';
import { absLink, json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { b64url, clampInt, decodeJsonCursor, pageCount } from '../params.ts';

const RESOURCES = 35;
const POSTS = 72;

/** Laravel's Cursor::encode: base64url of the JSON, padding stripped, e.g. `eyJpZCI6MzkzLCJfcG9pbnRzVG9OZXh0SXRlbXMiOnRydWV9`. */
const cursorFor = (id: number, next: boolean) => b64url(JSON.stringify({ id, _pointsToNextItems: next }));

function resources(req: DemoRequest): DemoResponse {
  const rows = dataset('laravel-resources', RESOURCES, 380);
  // Laravel's paginator falls back to page 1 for anything that is not a positive integer; the app caps limit.
  const limit = clampInt(req.query, 'limit', 10, 1, 100, true);
  let page = clampInt(req.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER, true);
  const c = decodeJsonCursor(req.query.get('cursor'));
  if (!req.query.has('page') && c && typeof c.id === 'number') {
    const after = rows.findIndex((r) => r.id > (c.id as number));
    page = after < 0 ? pageCount(RESOURCES, limit) + 1 : Math.floor(after / limit) + 1;
  }
  const lastPage = pageCount(RESOURCES, limit);
  const start = (page - 1) * limit;
  const slice = rows.slice(start, start + limit);
  const cursor = cursorFor(slice.length ? slice[slice.length - 1].id : rows[RESOURCES - 1].id, true);
  // The seed's links carry the cursor and the page but not the limit; we keep a non-default limit so a
  // crawl at another page size stays consistent (what Laravel's withQueryString() would do).
  const at = (p: number) =>
    absLink(req, { cursor, page: p, limit: limit === 10 ? undefined : limit }, { keep: false });
  return json({
    data: slice.map((r) => ({
      id: r.id,
      name: r.name,
      created_at: r.created_at,
      updated_at: r.created_at,
      score: Math.round(r.amount),
    })),
    links: {
      first: at(1),
      last: at(lastPage),
      prev: page > 1 ? at(Math.min(page - 1, lastPage)) : null,
      next: page < lastPage ? at(page + 1) : null,
    },
    meta: {
      path: req.origin + req.prefix + req.path,
      cursor,
      total: RESOURCES,
      from: slice.length ? start + 1 : null,
      to: slice.length ? start + slice.length : null,
      perPage: limit,
      currentPage: page,
      lastPage,
    },
  });
}

function posts(req: DemoRequest): DemoResponse {
  const rows = dataset('laravel-posts', POSTS, 1);
  const perPage = clampInt(req.query, 'per_page', 15, 1, 100, true);
  // An undecodable cursor is treated as no cursor (Cursor::fromEncoded returns null): the first page.
  const c = decodeJsonCursor(req.query.get('cursor'));
  const id = c && typeof c.id === 'number' ? c.id : undefined;
  const forward = !c || c._pointsToNextItems !== false;
  let start: number;
  if (id === undefined) start = 0;
  else if (forward) {
    const i = rows.findIndex((r) => r.id > id);
    start = i < 0 ? POSTS : i;
  } else {
    const i = rows.findIndex((r) => r.id >= id);
    start = Math.max(0, (i < 0 ? POSTS : i) - perPage);
  }
  const slice = rows.slice(start, start + perPage);
  const hasNext = start + perPage < POSTS;
  const hasPrev = id !== undefined && start > 0;
  const nextCursor = hasNext && slice.length ? cursorFor(slice[slice.length - 1].id, true) : null;
  const prevCursor = hasPrev && slice.length ? cursorFor(slice[0].id, false) : null;
  const at = (cur: string | null) => (cur ? absLink(req, { cursor: cur }) : null);
  return json({
    data: slice.map((r) => ({
      id: r.id,
      title: r.name,
      created_at: r.created_at,
      views: Math.round(r.amount * 3),
    })),
    links: { first: null, last: null, prev: at(prevCursor), next: at(nextCursor) },
    meta: {
      path: req.origin + req.prefix + req.path,
      per_page: perPage,
      next_cursor: nextCursor,
      prev_cursor: prevCursor,
    },
  });
}

export const laravel: DemoApi = {
  styles: [
    {
      style: 'laravel',
      title: 'Laravel-style data/links/meta (seed 002), absolute links with page + cursor',
      firstPage: '/api/v2/resources?limit=10&page=1',
      totalRecords: RESOURCES,
      pageSize: 10,
      kind: 'page',
      idField: 'id',
      doc: 'seed 002 (GET /api/v2/resources: data, links.first/last/prev/next, meta.path/cursor/total/from/to/perPage/currentPage/lastPage)',
    },
    {
      style: 'laravel-cursor',
      title: 'Laravel cursorPaginate() — meta.next_cursor, links.next ?cursor=',
      firstPage: '/api/posts',
      totalRecords: POSTS,
      pageSize: 15,
      kind: 'cursor',
      idField: 'id',
      doc: 'https://laravel.com/docs/pagination#cursor-pagination',
    },
  ],
  routes: [
    { path: '/api/v2/resources', handle: resources },
    { path: '/api/posts', handle: posts },
  ],
};
