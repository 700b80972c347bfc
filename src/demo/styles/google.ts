/**
 * Google APIs, AIP-158 (https://google.aip.dev/158): `pageSize` / `pageToken`, results under a named
 * array (`books`), `nextPageToken` absent on the last page (proto3 JSON drops empty strings). Sizes over
 * the maximum (1000) are coerced down; negative sizes and unknown tokens are 400 INVALID_ARGUMENT.
 */
import { dataset } from '../data.ts';
import { json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { b64url, readInt, unb64 } from '../params.ts';

const BOOKS = 128;
const PATH = '/v1/projects/demo/books';

function invalidArgument(message: string): DemoResponse {
  return json({ error: { code: 400, message, status: 'INVALID_ARGUMENT' } }, 400);
}

function books(req: DemoRequest): DemoResponse {
  const size = readInt(req.query, 'pageSize', 50, 0);
  if (!size.ok && size.reason !== 'too-large')
    return invalidArgument(`Invalid value at 'page_size' (TYPE_INT32), "${size.raw}"`);
  // AIP-158: 0 or unset means the server default; above the maximum is coerced to the maximum.
  const pageSize = !size.ok ? 1000 : size.value === 0 ? 50 : Math.min(size.value, 1000);
  let start = 0;
  const token = req.query.get('pageToken');
  if (token) {
    const m = /^books\|(\d+)$/.exec(unb64(token) ?? '');
    if (!m) return invalidArgument('Page token is invalid.');
    start = Number(m[1]);
  }
  const list = dataset('google-books', BOOKS, 1000)
    .slice(start, start + pageSize)
    .map((r) => ({
      name: `projects/demo/books/${r.id}`,
      displayName: r.name,
      createTime: r.created_at,
      pageCount: 80 + Math.round(r.amount * 4),
    }));
  const body: Record<string, unknown> = { books: list };
  if (start + pageSize < BOOKS) body.nextPageToken = b64url(`books|${start + pageSize}`);
  return json(body);
}

export const google: DemoApi = {
  styles: [
    {
      style: 'google',
      title: 'Google AIP-158 — pageToken/pageSize, nextPageToken absent at the end',
      firstPage: `${PATH}?pageSize=50`,
      totalRecords: BOOKS,
      pageSize: 50,
      kind: 'cursor',
      idField: 'name',
      doc: 'https://google.aip.dev/158',
    },
  ],
  routes: [{ path: PATH, handle: books }],
};
