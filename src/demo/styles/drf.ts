/**
 * Django REST framework PageNumberPagination (https://www.django-rest-framework.org/api-guide/pagination/):
 * `{count, next, previous, results}` with absolute URLs; `page_size` (capped at max_page_size=100);
 * `page=last` works; a page that is not a number or out of range is a 404 `{"detail":"Invalid page."}`.
 * DRF's previous link for page 2 drops the `page` parameter instead of saying page=1 — so does this one.
 */
import { dataset } from '../data.ts';
import { absLink, json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { clampInt, pageCount } from '../params.ts';

const SNIPPETS = 143;
const PATH = '/drf/snippets/';

function snippets(req: DemoRequest): DemoResponse {
  const size = clampInt(req.query, 'page_size', 20, 1, 100, true);
  const last = pageCount(SNIPPETS, size);
  const raw = req.query.get('page') ?? '1';
  const page = raw === 'last' ? last : /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(page >= 1 && page <= last)) return json({ detail: 'Invalid page.' }, 404);
  const start = (page - 1) * size;
  const results = dataset('drf-snippets', SNIPPETS, 1)
    .slice(start, start + size)
    .map((r) => ({
      id: r.id,
      url: `${req.origin}${req.prefix}${PATH}${r.id}/`,
      title: r.name,
      created: r.created_at,
      lines: 1 + Math.round(r.amount),
    }));
  return json({
    count: SNIPPETS,
    next: page < last ? absLink(req, { page: page + 1 }) : null,
    previous:
      page > 2 ? absLink(req, { page: page - 1 }) : page === 2 ? absLink(req, { page: undefined }) : null,
    results,
  });
}

export const drf: DemoApi = {
  styles: [
    {
      style: 'drf',
      title: 'Django REST framework — {count, next, previous, results}',
      firstPage: PATH,
      totalRecords: SNIPPETS,
      pageSize: 20,
      kind: 'link',
      idField: 'id',
      doc: 'https://www.django-rest-framework.org/api-guide/pagination/#pagenumberpagination',
    },
  ],
  routes: [{ path: PATH, handle: snippets }],
};
