/**
 * Bugs in how a page points at the next one: has_more on an empty page, cursor cycles, next links that go
 * backwards, links that drop the query's filters, relative and absolute links mixed in one chain, and a
 * version cursor over data that is not in the order it claims.
 */
import { prng } from '../data.ts';
import { absLink, json, link, type DemoRequest } from '../http.ts';
import { b64url } from '../params.ts';
import { items, pageOf, type BuggyChain } from './shared.ts';

/** Stripe-shaped: the last real page (5 records) says has_more, and the page after it is empty but still has_more. */
function emptyHasMore(req: DemoRequest) {
  const all = items('empty-has-more', 25);
  const after = req.query.get('starting_after');
  const start = after ? all.findIndex((r) => String(r.id) === after) + 1 : 0;
  const data = start > 0 || !after ? all.slice(start, start + 10) : [];
  return json({ object: 'list', data, has_more: true, url: '/buggy/empty-has-more' });
}

const CYCLE = ['c1', 'c2'].map((c) => b64url(`cycle:${c}`));

/** first → c1 → c2 → c1: three distinct URLs, and the chain never reaches an end. */
function cursorCycle(req: DemoRequest) {
  const all = items('cursor-cycle', 30);
  const i = CYCLE.indexOf(req.query.get('cursor') ?? '') + 1; // 0 = first page, 1 = c1, 2 = c2
  return json({ items: all.slice(i * 10, i * 10 + 10), next_cursor: CYCLE[i === 2 ? 0 : i] });
}

/**
 * Pages 1 → 2 → 3, then page 3's next points back at page 2 while meta says 5 pages. Pages 4 and 5 are
 * linked correctly, so a crawler that steps past the bad link gets all 45 records: one bug only.
 */
function nextBackwards(req: DemoRequest) {
  const page = pageOf(req);
  const next = page === 3 ? 2 : page < 5 ? page + 1 : null;
  return json({
    data: items('next-backwards', 45).slice((page - 1) * 10, page * 10),
    meta: { current_page: page, last_page: 5, total: 45 },
    links: { next: next === null ? null : link(req, { page: next }) },
  });
}

/**
 * Page 1 honours ?status=open; its next link is `?page=2` without the filter, so later pages are unfiltered.
 * The first 20 records are all open, so pages 1 (filtered) and 2 (unfiltered) do not overlap: the chain
 * shows the dropped filter (closed records from page 3 on), not duplicates too.
 */
function dropsFilter(req: DemoRequest) {
  const page = pageOf(req);
  const status = req.query.get('status');
  const all = items('drops-filter', 36).map((r, i) => ({
    ...r,
    status: i >= 20 && i % 2 === 0 ? 'closed' : 'open',
  }));
  const view = status ? all.filter((r) => r.status === status) : all;
  const data = view.slice((page - 1) * 10, page * 10);
  const more = page * 10 < view.length;
  return json({ data, links: { next: more ? link(req, { page: page + 1 }, { keep: false }) : null } });
}

/** Next links alternate between relative and absolute forms. */
function mixedLinks(req: DemoRequest) {
  const page = pageOf(req);
  const data = items('mixed-links', 38).slice((page - 1) * 10, page * 10);
  const next =
    page < 4 ? (page % 2 ? link(req, { page: page + 1 }) : absLink(req, { page: page + 1 })) : null;
  return json({ data, links: { self: page % 2 ? absLink(req, { page }) : link(req, { page }), next } });
}

/** Vend 2.0-shaped, claims version order, but versions are shuffled: after=version.max skips lower ones. */
const shuffledVersions = (() => {
  const r = prng(42);
  return items('unstable-order', 30).map((it, i) => ({
    ...it,
    version: 5000 + Math.floor(r() * 1000) * 7 + i,
  }));
})();
function unstableOrder(req: DemoRequest) {
  const after = Number(req.query.get('after') ?? 0) || 0;
  const data = shuffledVersions.filter((r) => r.version > after).slice(0, 10);
  if (!data.length) return json({ data: [] });
  const versions = data.map((d) => d.version);
  return json({
    data,
    version: { min: Math.min(...versions), max: Math.max(...versions) },
    sort: 'version',
    order: 'asc',
  });
}

export const linkChains: BuggyChain[] = [
  {
    bug: 'empty-page-has-more',
    firstPage: '/buggy/empty-has-more',
    kind: 'cursor',
    description:
      'Stripe-shaped list: has_more stays true on the last page (5 records) and on the empty page after it.',
    route: { path: '/buggy/empty-has-more', handle: emptyHasMore },
  },
  {
    bug: 'cursor-cycle',
    firstPage: '/buggy/cursor-cycle',
    kind: 'cursor',
    description:
      'next_cursor goes first → c1 → c2 → c1: the chain returns to an earlier cursor (3 distinct URLs).',
    route: { path: '/buggy/cursor-cycle', handle: cursorCycle },
  },
  {
    bug: 'next-backwards',
    firstPage: '/buggy/next-backwards?page=1',
    kind: 'link',
    description:
      'links.next goes 1 → 2 → 3 → 2: page 3 points backwards although meta.last_page is 5 (pages 4 → 5 are linked correctly).',
    route: { path: '/buggy/next-backwards', handle: nextBackwards },
  },
  {
    bug: 'links-drop-filter',
    firstPage: '/buggy/drops-filter?status=open&page=1',
    kind: 'link',
    description:
      'Page 1 is filtered by status=open, but links.next drops the filter, so later pages include closed records.',
    route: { path: '/buggy/drops-filter', handle: dropsFilter },
  },
  {
    bug: 'mixed-links',
    firstPage: '/buggy/mixed-links?page=1',
    kind: 'link',
    description: 'links.next is relative on odd pages and absolute on even pages within one chain.',
    route: { path: '/buggy/mixed-links', handle: mixedLinks },
  },
  {
    bug: 'unstable-ordering',
    firstPage: '/buggy/unstable-order?sort=version',
    kind: 'cursor',
    description:
      'Claims ascending version order (Vend 2.0 style after=version.max) but versions are shuffled, so following version.max skips records.',
    route: { path: '/buggy/unstable-order', handle: unstableOrder },
  },
];
