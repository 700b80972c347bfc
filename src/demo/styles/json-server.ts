/**
 * json-server 0.17 (https://github.com/typicode/json-server/tree/v0.17.4#paginate): `_page` / `_limit`
 * (10 per page by default), root array, total in X-Total-Count, and an absolute Link header with
 * first/prev/next/last. No maximum limit; a page past the end is just an empty array.
 */
import { dataset } from '../data.ts';
import { absLink, json, linkHeader, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { clampInt, pageCount } from '../params.ts';

const POSTS = 97;

function posts(req: DemoRequest): DemoResponse {
  const rows = dataset('json-server-posts', POSTS, 0);
  const all = rows.map((r) => ({
    id: r.seq + 1,
    title: r.name,
    author: `user${1 + (r.id % 9)}`,
    views: Math.round(r.amount * 10),
  }));
  if (!req.query.has('_page')) return json(all, 200, { 'X-Total-Count': String(POSTS) });
  // json-server parses with parseInt and falls back to page 1 / limit 10 for anything unusable.
  const page = clampInt(req.query, '_page', 1, 1, Number.MAX_SAFE_INTEGER, true);
  const limit = clampInt(req.query, '_limit', 10, 1, Number.MAX_SAFE_INTEGER, true);
  const last = pageCount(POSTS, limit);
  const start = (page - 1) * limit;
  const at = (p: number) => absLink(req, { _page: p, _limit: limit });
  const link = linkHeader({
    first: at(1),
    prev: page > 1 ? at(page - 1) : undefined,
    next: page < last ? at(page + 1) : undefined,
    last: at(last),
  });
  return json(all.slice(start, start + limit), 200, {
    'X-Total-Count': String(POSTS),
    ...(link ? { Link: link } : {}),
  });
}

export const jsonServer: DemoApi = {
  styles: [
    {
      style: 'json-server',
      title: 'json-server — _page/_limit, X-Total-Count + Link',
      firstPage: '/posts?_page=1&_limit=10',
      totalRecords: POSTS,
      pageSize: 10,
      kind: 'page',
      idField: 'id',
      doc: 'https://github.com/typicode/json-server/tree/v0.17.4#paginate',
    },
  ],
  routes: [{ path: '/posts', handle: posts }],
};
