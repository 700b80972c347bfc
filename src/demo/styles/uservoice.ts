/**
 * UserVoice Admin API v2 (seed 004, https://developer.uservoice.com/docs/api/v2/pagination/).
 * Page mode: `pagination{page,per_page,total_pages,total_records}`, per_page default 20, max 100.
 * Cursor mode, only for sort=-supporters_count: `pagination.cursor` (base64 JSON like
 * `{"sort":"","val":263,"last_id":2315222}`), page always 1, no cursor on the last page.
 * Both: a relative `Link: <…>; rel=next` only when another page exists.
 */
import { dataset, type BaseRecord } from '../data.ts';
import { json, type DemoApi, type DemoRequest, type DemoResponse, encodeQuery } from '../http.ts';
import { b64, clampInt, decodeJsonCursor, pageCount, readInt } from '../params.ts';

const TOTAL = 272;
const DOC = 'https://developer.uservoice.com/docs/api/v2/pagination/ (seed 004)';

const supporters = (r: BaseRecord) => Math.floor(r.amount * 3) % 400;
const toSuggestion = (r: BaseRecord) => ({
  id: r.id,
  title: r.name,
  state: r.seq % 5 === 0 ? 'closed' : 'open',
  created_at: r.created_at,
  supporters_count: supporters(r),
});

function badRequest(message: string): DemoResponse {
  return json({ errors: { type: 'bad_request', message } }, 400);
}

/** The doc's links put the pagination parameter first, then the rest of the query. */
function nextLink(req: DemoRequest, key: 'page' | 'cursor', value: string): string {
  const rest = [...req.query].filter(([k]) => k !== 'page' && k !== 'cursor');
  return `<${req.prefix}${req.path}?${encodeQuery([[key, value], ...rest])}>; rel=next`;
}

function suggestions(req: DemoRequest): DemoResponse {
  const rows = dataset('uservoice-suggestions', TOTAL, 2_300_000);
  const perPage = clampInt(req.query, 'per_page', 20, 1, 100, true);
  const totalPages = pageCount(TOTAL, perPage);
  if (req.query.get('sort') === '-supporters_count') {
    const ordered = [...rows].sort((a, b) => supporters(b) - supporters(a) || b.id - a.id);
    let start = 0;
    if (req.query.has('cursor')) {
      const c = decodeJsonCursor(req.query.get('cursor'));
      if (!c || typeof c.val !== 'number' || typeof c.last_id !== 'number')
        return badRequest('cursor is invalid');
      const { val, last_id } = c as { val: number; last_id: number };
      const i = ordered.findIndex((r) => supporters(r) < val || (supporters(r) === val && r.id < last_id));
      start = i < 0 ? TOTAL : i;
    }
    const slice = ordered.slice(start, start + perPage);
    const pagination: Record<string, unknown> = {
      page: 1,
      per_page: perPage,
      total_pages: totalPages,
      total_records: TOTAL,
    };
    const headers: Record<string, string> = {};
    if (start + perPage < TOTAL) {
      const last = slice[slice.length - 1];
      pagination.cursor = b64(JSON.stringify({ sort: '', val: supporters(last), last_id: last.id }));
      headers.Link = nextLink(req, 'cursor', pagination.cursor as string);
    }
    return json({ suggestions: slice.map(toSuggestion), pagination }, 200, headers);
  }
  const page = readInt(req.query, 'page', 1, 1);
  if (!page.ok) return badRequest('page must be a positive integer');
  const start = (page.value - 1) * perPage;
  const headers: Record<string, string> = {};
  if (start + perPage < TOTAL) headers.Link = nextLink(req, 'page', String(page.value + 1));
  return json(
    {
      suggestions: rows.slice(start, start + perPage).map(toSuggestion),
      pagination: { page: page.value, per_page: perPage, total_pages: totalPages, total_records: TOTAL },
    },
    200,
    headers,
  );
}

export const uservoice: DemoApi = {
  styles: [
    {
      style: 'uservoice',
      title: 'UserVoice v2 — page-based, pagination{} + relative Link rel=next',
      firstPage: '/api/v2/admin/suggestions?per_page=20',
      totalRecords: TOTAL,
      pageSize: 20,
      kind: 'page',
      idField: 'id',
      doc: DOC,
    },
    {
      style: 'uservoice-cursor',
      title: 'UserVoice v2 — cursor-based (sort=-supporters_count), page always 1',
      firstPage: '/api/v2/admin/suggestions?sort=-supporters_count',
      totalRecords: TOTAL,
      pageSize: 20,
      kind: 'cursor',
      idField: 'id',
      doc: DOC,
    },
  ],
  routes: [{ path: '/api/v2/admin/suggestions', handle: suggestions }],
};
