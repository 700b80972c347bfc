/**
 * JSON:API 1.1 (https://jsonapi.org/format/#fetching-pagination) with the page-based strategy used by
 * most servers: `page[number]` / `page[size]`, top-level `links{self,first,prev,next,last}` (absolute,
 * null when unavailable), and the total in `meta.total`. Errors are JSON:API error objects.
 */
import { dataset } from '../data.ts';
import { absLink, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { pageCount, readInt } from '../params.ts';

const ARTICLES = 98;
const PATH = '/jsonapi/articles';
const MEDIA = 'application/vnd.api+json';

function badParam(parameter: string, detail: string): DemoResponse {
  return {
    status: 400,
    contentType: MEDIA,
    body: { errors: [{ status: '400', title: 'Invalid Query Parameter', detail, source: { parameter } }] },
  };
}

function articles(req: DemoRequest): DemoResponse {
  const number = readInt(req.query, 'page[number]', 1, 1);
  if (!number.ok) return badParam('page[number]', 'page[number] must be a positive integer.');
  const size = readInt(req.query, 'page[size]', 20, 1);
  if (!size.ok && size.reason !== 'too-large')
    return badParam('page[size]', 'page[size] must be a positive integer.');
  // Servers cap the page size; JSON:API lets them, and the links then carry the size actually used.
  const pageSize = size.ok ? Math.min(size.value, 100) : 100;
  const last = pageCount(ARTICLES, pageSize);
  const start = (number.value - 1) * pageSize;
  const at = (n: number) => absLink(req, { 'page[number]': n, 'page[size]': pageSize });
  const data = dataset('jsonapi-articles', ARTICLES, 1)
    .slice(start, start + pageSize)
    .map((r) => ({
      type: 'articles',
      id: String(r.id),
      attributes: { title: r.name, created: r.created_at, 'word-count': Math.round(r.amount * 20) },
      links: { self: `${req.origin}${req.prefix}${PATH}/${r.id}` },
    }));
  return {
    status: 200,
    contentType: MEDIA,
    body: {
      jsonapi: { version: '1.1' },
      data,
      links: {
        self: at(number.value),
        first: at(1),
        prev: number.value > 1 ? at(Math.min(number.value - 1, last)) : null,
        next: number.value < last ? at(number.value + 1) : null,
        last: at(last),
      },
      meta: { total: ARTICLES },
    },
  };
}

export const jsonApi: DemoApi = {
  styles: [
    {
      style: 'json-api',
      title: 'JSON:API — page[number]/page[size], links{self,first,prev,next,last}, meta.total',
      firstPage: `${PATH}?page[number]=1&page[size]=20`,
      totalRecords: ARTICLES,
      pageSize: 20,
      kind: 'link',
      idField: 'id',
      doc: 'https://jsonapi.org/format/#fetching-pagination',
    },
  ],
  routes: [{ path: PATH, handle: articles }],
};
