/**
 * Bugs that come from the data or the page size moving under a crawl: duplicates from offset paging over
 * a list that grows, records skipped because earlier ones were deleted, and a page size changed mid-chain.
 */
import { json, link, type DemoRequest } from '../http.ts';
import { clampInt } from '../params.ts';
import { items, pageOf, type BuggyChain } from './shared.ts';

const BASE = 35;

/** Newest first; before each later page is read, one new record arrives at the top (read n sees n-1 inserts). */
function shiftingOffset(req: DemoRequest) {
  const limit = clampInt(req.query, 'limit', 10, 1, 50, true);
  const offset = clampInt(req.query, 'offset', 0, 0, 500, true);
  const base = items('shifting-offset', BASE).reverse();
  const inserted = Math.floor(offset / limit);
  const fresh = Array.from({ length: inserted }, (_, i) => ({
    id: 9000 + inserted - i,
    name: `New arrival ${inserted - i}`,
    created_at: `2025-01-0${Math.min(9, inserted - i)}T00:00:00Z`,
    amount: 1,
  }));
  const view = [...fresh, ...base];
  return json({ items: view.slice(offset, offset + limit), offset, limit, total: view.length });
}

/** Three records of page 1 are deleted before page 3 is read: everything shifts up and three ids are never served. */
function missingRecords(req: DemoRequest) {
  const page = pageOf(req);
  const all = items('missing-records', 50);
  const view = page >= 3 ? all.filter((_, i) => i < 2 || i >= 5) : all;
  const data = view.slice((page - 1) * 10, page * 10);
  return json({
    data,
    meta: { total: 50, per_page: 10, current_page: page, last_page: 5 },
    links: { next: page < 5 ? link(req, { page: page + 1 }) : null },
  });
}

/** Pages 1–2 hold 10 records, then the server switches to 8 per page and computes offsets with the new size. */
function pageSizeChanges(req: DemoRequest) {
  const page = pageOf(req);
  const all = items('page-size-changes', 48);
  const size = page <= 2 ? 10 : 8;
  const lastPage = Math.ceil(48 / size);
  const data = all.slice((page - 1) * size, page * size);
  return json({
    data,
    meta: { total: 48, per_page: size, current_page: page, last_page: lastPage },
    links: { next: page < lastPage ? link(req, { page: page + 1 }) : null },
  });
}

export const shiftingChains: BuggyChain[] = [
  {
    bug: 'duplicates-shifting-offset',
    firstPage: '/buggy/shifting-offset?offset=0&limit=10',
    kind: 'offset',
    description:
      'Offset pagination over a newest-first list that gains a record between page reads: the last record of each page reappears first on the next (same id on two pages), and total grows.',
    route: { path: '/buggy/shifting-offset', handle: shiftingOffset },
  },
  {
    bug: 'missing-records',
    firstPage: '/buggy/missing-records?page=1',
    kind: 'page',
    description:
      'meta.total says 50 on every page, but records deleted before page 3 shift the rest up: three ids are skipped and the crawl yields 47.',
    route: { path: '/buggy/missing-records', handle: missingRecords },
  },
  {
    bug: 'page-size-changes',
    firstPage: '/buggy/page-size-changes?page=1',
    kind: 'page',
    description:
      'per_page is 10 on pages 1–2 and silently 8 from page 3, with offsets recomputed at the new size: page 3 repeats four records of page 2 and last_page changes from 5 to 6.',
    route: { path: '/buggy/page-size-changes', handle: pageSizeChanges },
  },
];
