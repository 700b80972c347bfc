/**
 * Bugs in what a page says about the whole: totals that contradict each other or change between pages,
 * pages past the end that repeat the last page instead of coming back empty, and a chain that says it
 * ends while the page after its end still has records.
 */
import { json, link, linkHeader, type DemoRequest } from '../http.ts';
import { items, pageOf, type BuggyChain } from './shared.ts';

/** 45 records at 10 per page, but total_pages says 7: pages 6 and 7 exist and are empty. */
function totalsInconsistent(req: DemoRequest) {
  const page = pageOf(req);
  const data = items('totals-inconsistent', 45).slice((page - 1) * 10, page * 10);
  return json({
    records: data,
    pagination: { page, per_page: 10, total_pages: 7, total_records: 45 },
    next: page < 7 ? link(req, { page: page + 1 }) : null,
  });
}

/** The same 40 records on every walk, but meta.total reads 40, 43, 41, 44. */
function totalChanges(req: DemoRequest) {
  const page = pageOf(req);
  const data = items('total-changes', 40).slice((page - 1) * 12, page * 12);
  const total = [40, 43, 41, 44][page - 1];
  return json({
    data,
    meta: { total, per_page: 12, current_page: page },
    links: { next: page < 4 ? link(req, { page: page + 1 }) : null },
  });
}

/**
 * Django's Paginator.get_page() style: a page number past the end is answered with the last page
 * (here page 3 of 3) instead of an empty list or a 404, so "increment until empty" never ends.
 */
function pastEndRepeats(req: DemoRequest) {
  const page = pageOf(req);
  const all = items('past-end-repeats', 23);
  // Bounded: the repeat stops after page 10 so even a guard-less crawl ends.
  const effective = page > 10 ? 99 : Math.min(page, 3);
  return json({
    items: all.slice((effective - 1) * 10, effective * 10),
    pagination: { page: Math.min(page, 3), per_page: 10, total_pages: 3, total: 23 },
  });
}

/** The last page (page 4) still sends rel="next"; page 5 is an empty array with no Link. */
function nextOnLastPage(req: DemoRequest) {
  const page = pageOf(req);
  const data = items('next-on-last-page', 32).slice((page - 1) * 10, page * 10);
  const value = linkHeader({
    next: page <= 4 ? req.origin + link(req, { page: page + 1 }) : undefined,
    first: req.origin + link(req, { page: 1 }),
  });
  return json(data, 200, value ? { Link: value } : {});
}

/**
 * The total comes from a stale count (30) while 38 records exist: meta says 3 pages, page 3 has no next
 * link, yet page 4 still serves records 31–38 (and page 5 is empty). The totals agree with each other,
 * so only a request past the end shows the 8 records no client following next ever sees.
 */
function endsTooEarly(req: DemoRequest) {
  const page = pageOf(req);
  const data = items('ends-too-early', 38).slice((page - 1) * 10, page * 10);
  return json({
    data,
    meta: { current_page: page, last_page: 3, per_page: 10, total: 30 },
    links: { next: page < 3 ? link(req, { page: page + 1 }) : null },
  });
}

export const totalsChains: BuggyChain[] = [
  {
    bug: 'totals-inconsistent',
    firstPage: '/buggy/totals-inconsistent?page=1',
    kind: 'page',
    description:
      'total_records 45 with per_page 10 means 5 pages, but total_pages says 7 and pages 6–7 come back empty.',
    route: { path: '/buggy/totals-inconsistent', handle: totalsInconsistent },
  },
  {
    bug: 'total-changes',
    firstPage: '/buggy/total-changes?page=1',
    kind: 'page',
    description: 'meta.total changes from page to page (40, 43, 41, 44) while the chain delivers 40 records.',
    route: { path: '/buggy/total-changes', handle: totalChanges },
  },
  {
    bug: 'past-end-repeats',
    firstPage: '/buggy/past-end-repeats?page=1',
    kind: 'page',
    description:
      'Pages past the end (4–10) return the last page (3 of 3) again instead of an empty list, like Django get_page() clamping.',
    route: { path: '/buggy/past-end-repeats', handle: pastEndRepeats },
  },
  {
    bug: 'chain-ends-early',
    firstPage: '/buggy/ends-too-early?page=1',
    kind: 'page',
    description:
      'meta.total 30 and last_page 3 from a stale count: page 3 has no next link, but page 4 still returns records 31–38.',
    route: { path: '/buggy/ends-too-early', handle: endsTooEarly },
  },
  {
    bug: 'next-on-last-page',
    firstPage: '/buggy/next-on-last-page?page=1',
    kind: 'link',
    description:
      'GitHub-style Link header, but the last page (4, two records) still has rel="next"; page 5 is [] with no next.',
    route: { path: '/buggy/next-on-last-page', handle: nextOnLastPage },
  },
];
