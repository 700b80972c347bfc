/**
 * Vanilla Forums API v2 (seed 000, https://success.vanillaforums.com/kb/articles/41-api-v2-overview):
 * a bare JSON array, paging in `Paging-*` headers whose values are relative URLs. Numbered mode has
 * First/Last/Prev/Next; "More" mode (where totals are too slow) has no Last. Pages may be short, even
 * empty, because rows the user may not see are removed — `Paging-Next` is still there when more rows exist.
 */
import { dataset } from '../data.ts';
import { json, link, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { pageCount, readInt } from '../params.ts';

const DOC = 'https://success.vanillaforums.com/kb/articles/41-api-v2-overview (seed 000)';
const ROWS = 172;
/** Rows hidden by permissions: five on page 2 (short page) and all of page 3 (empty page) at limit 30. */
const hidden = (seq: number) => (seq >= 35 && seq < 40) || (seq >= 60 && seq < 90);
const VISIBLE = Array.from({ length: ROWS }, (_, i) => i).filter((i) => !hidden(i)).length;
const COMMENTS = 95;

/** Vanilla validates with Garden Schema and answers 422 with a per-field error list. */
function invalid(field: string, message: string): DemoResponse {
  return json({ message, status: 422, errors: [{ field, code: 'invalid', message, status: 422 }] }, 422);
}

function paging(req: DemoRequest): { page: number; limit: number } | DemoResponse {
  const page = readInt(req.query, 'page', 1, 1, 100);
  if (!page.ok)
    return invalid(
      'page',
      page.reason === 'not-an-integer' ? 'page is not a valid integer.' : 'page must be between 1 and 100.',
    );
  const limit = readInt(req.query, 'limit', 30, 1, 500);
  if (!limit.ok)
    return invalid(
      'limit',
      limit.reason === 'not-an-integer'
        ? 'limit is not a valid integer.'
        : 'limit must be between 1 and 500.',
    );
  return { page: page.value, limit: limit.value };
}

function discussions(req: DemoRequest): DemoResponse {
  const p = paging(req);
  if ('status' in p) return p;
  const rows = dataset('vanilla-discussions', ROWS, 1000);
  const start = (p.page - 1) * p.limit;
  const body = rows
    .slice(start, start + p.limit)
    .filter((r) => !hidden(r.seq))
    .map((r) => ({
      discussionID: r.id,
      type: 'discussion',
      name: r.name,
      categoryID: 1 + (r.id % 7),
      dateInserted: r.created_at,
      insertUserID: 2 + (r.id % 13),
      countComments: Math.floor(r.amount / 7),
      url: `/discussion/${r.id}/${r.name.toLowerCase().replace(/\W+/g, '-')}`,
    }));
  const last = pageCount(ROWS, p.limit);
  const headers: Record<string, string> = {
    'Paging-First': link(req, { page: 1, limit: p.limit }),
    'Paging-Last': link(req, { page: last, limit: p.limit }),
  };
  if (p.page > 1) headers['Paging-Prev'] = link(req, { page: Math.min(p.page - 1, last), limit: p.limit });
  if (start + p.limit < ROWS) headers['Paging-Next'] = link(req, { page: p.page + 1, limit: p.limit });
  return json(body, 200, headers);
}

function comments(req: DemoRequest): DemoResponse {
  const p = paging(req);
  if ('status' in p) return p;
  const rows = dataset('vanilla-comments', COMMENTS, 5000);
  const start = (p.page - 1) * p.limit;
  const body = rows.slice(start, start + p.limit).map((r) => ({
    commentID: r.id,
    discussionID: 1000 + (r.id % 40),
    body: `Re: ${r.name}`,
    dateInserted: r.created_at,
    insertUserID: 2 + (r.id % 13),
    score: Math.floor(r.amount / 10),
  }));
  // "More" pagination: the count would be too slow, so the server only knows whether one more row exists.
  const headers: Record<string, string> = { 'Paging-First': link(req, { page: 1, limit: p.limit }) };
  if (p.page > 1) headers['Paging-Prev'] = link(req, { page: p.page - 1, limit: p.limit });
  if (start + p.limit < rows.length) headers['Paging-Next'] = link(req, { page: p.page + 1, limit: p.limit });
  return json(body, 200, headers);
}

export const vanilla: DemoApi = {
  styles: [
    {
      style: 'vanilla',
      title: 'Vanilla Forums v2 — numbered pagination in Paging-* headers (short and empty pages)',
      firstPage: '/api/v2/discussions?page=1&limit=30',
      totalRecords: VISIBLE,
      pageSize: 30,
      kind: 'link',
      idField: 'discussionID',
      doc: DOC,
    },
    {
      style: 'vanilla-more',
      title: 'Vanilla Forums v2 — "More" pagination (no Paging-Last)',
      firstPage: '/api/v2/comments?page=1&limit=30',
      totalRecords: COMMENTS,
      pageSize: 30,
      kind: 'link',
      idField: 'commentID',
      doc: DOC,
    },
  ],
  routes: [
    { path: '/api/v2/discussions', handle: discussions },
    { path: '/api/v2/comments', handle: comments },
  ],
};
