/**
 * Zendesk Support API (https://developer.zendesk.com/api-reference/introduction/pagination/).
 * With `page[size]` (max 100): cursor pagination, `meta{has_more, after_cursor, before_cursor}` and
 * absolute `links{next, prev}` carrying `page[after]` / `page[before]`; stop when has_more is false.
 * Without it: the older offset pagination, `next_page` / `previous_page` URLs and a `count`.
 */
import { dataset } from '../data.ts';
import { absLink, json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { b64url, clampInt, decodeJsonCursor, pageCount, readInt } from '../params.ts';

const TICKETS = 231;
const PATH = '/api/v2/tickets.json';

const invalid = (description: string) => json({ error: 'InvalidPaginationParameter', description }, 400);
const cursorFor = (id: number) => b64url(JSON.stringify({ o: 'id', v: id }));

function tickets(req: DemoRequest): DemoResponse {
  const rows = dataset('zendesk-tickets', TICKETS, 100).map((r) => ({
    id: r.id,
    url: `${req.origin}${req.prefix}/api/v2/tickets/${r.id}.json`,
    subject: r.name,
    status: ['open', 'pending', 'solved'][r.seq % 3],
    priority: ['low', 'normal', 'high'][r.id % 3],
    created_at: r.created_at.replace(/\.\d+Z$/, 'Z'),
  }));
  if (!req.query.has('page[size]')) {
    const page = readInt(req.query, 'page', 1, 1);
    if (!page.ok) return invalid('page must be a positive integer');
    const per = clampInt(req.query, 'per_page', 100, 1, 100, true);
    const start = (page.value - 1) * per;
    const last = pageCount(TICKETS, per);
    return json({
      tickets: rows.slice(start, start + per),
      next_page: page.value < last ? absLink(req, { page: page.value + 1, per_page: per }) : null,
      previous_page: page.value > 1 ? absLink(req, { page: page.value - 1, per_page: per }) : null,
      count: TICKETS,
    });
  }
  const size = readInt(req.query, 'page[size]', 100, 1, 100);
  if (!size.ok) return invalid('page[size] must be an integer between 1 and 100');
  const after = req.query.get('page[after]');
  const before = req.query.get('page[before]');
  let start = 0;
  let end = size.value;
  const decode = (c: string) => {
    const v = decodeJsonCursor(c)?.v;
    return typeof v === 'number' ? v : undefined;
  };
  if (after) {
    const id = decode(after);
    if (id === undefined) return invalid('page[after] is not a valid cursor');
    start = rows.findIndex((r) => r.id > id);
    if (start < 0) start = TICKETS;
    end = start + size.value;
  } else if (before) {
    const id = decode(before);
    if (id === undefined) return invalid('page[before] is not a valid cursor');
    end = rows.findIndex((r) => r.id >= id);
    if (end < 0) end = TICKETS;
    start = Math.max(0, end - size.value);
  }
  const page = rows.slice(start, end);
  const hasMore = before ? start > 0 : end < TICKETS;
  const afterCursor = page.length ? cursorFor(page[page.length - 1].id) : null;
  const beforeCursor = page.length ? cursorFor(page[0].id) : null;
  const base = { 'page[after]': undefined, 'page[before]': undefined, 'page[size]': size.value };
  return json({
    tickets: page,
    meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
    links: {
      next: end < TICKETS && afterCursor ? absLink(req, { ...base, 'page[after]': afterCursor }) : null,
      prev: start > 0 && beforeCursor ? absLink(req, { ...base, 'page[before]': beforeCursor }) : null,
    },
  });
}

export const zendesk: DemoApi = {
  styles: [
    {
      style: 'zendesk',
      title: 'Zendesk — cursor pagination, meta.has_more/after_cursor + links.next',
      firstPage: `${PATH}?page[size]=100`,
      totalRecords: TICKETS,
      pageSize: 100,
      kind: 'cursor',
      idField: 'id',
      doc: 'https://developer.zendesk.com/api-reference/introduction/pagination/',
    },
  ],
  routes: [{ path: PATH, handle: tickets }],
};
