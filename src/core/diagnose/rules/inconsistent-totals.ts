/**
 * inconsistent-totals: totals that contradict each other. On one page, totalPages must equal
 * ceil(totalRecords / pageSize); across pages of one crawl, the total should not move (when it does,
 * the data changed while paging and offset pages shift under the client); and no total may be below
 * the distinct records the chain actually served.
 */
import { askedPastEnd } from '../context.ts';
import type { DiagnoseContext, Finding, PageFacts, Rule } from '../types.ts';

/** The size the page declares per page: the body's own field, else the size parameter the client sent. */
function declared(f: PageFacts): { records: number; pages: number; size: number } | undefined {
  const d = f.page.detection!;
  // Some detectors take the size from the records on the page; only a full page's size is the real one.
  if (d.recordCount !== d.pageSize) return undefined;
  if (d.totalRecords === undefined || d.totalPages === undefined || !d.pageSize) return undefined;
  return { records: d.totalRecords, pages: d.totalPages, size: d.pageSize };
}

function arithmetic(pages: PageFacts[]): Finding[] {
  for (const f of pages) {
    const t = declared(f);
    if (!t) continue;
    const expected = Math.ceil(t.records / t.size);
    // An empty collection may say 0 or 1 pages; both are common and harmless.
    if (t.pages === expected || (t.records === 0 && t.pages <= 1)) continue;
    return [
      {
        rule: 'inconsistent-totals',
        severity: 'warning',
        message: `${f.name} says ${t.records} records in ${t.pages} pages of ${t.size}, but ${t.records} records make ${expected} pages of ${t.size}: a client that trusts the page count ${t.pages > expected ? 'asks for pages that are empty' : 'stops before the end'}.`,
        evidence: {
          pages: [f.n],
          urls: [f.url],
          values: { totalRecords: t.records, totalPages: t.pages, pageSize: t.size, expectedPages: expected },
        },
        fix: 'Compute the page count from the same count query and page size as the listing: totalPages = ceil(totalRecords / pageSize).',
      },
    ];
  }
  return [];
}

function drift(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  // A page count is only comparable between full pages of one size (it may be derived from the size)
  // that count pages alike (a last link's number is a count only in the chain's own base).
  const full = pages.filter(
    (f) =>
      f.page.detection!.pageSize &&
      f.page.detection!.recordCount === f.page.detection!.pageSize &&
      (f.page.detection!.params.pageBase ?? ctx.pageBase) === ctx.pageBase,
  );
  for (const key of ['totalRecords', 'totalPages'] as const) {
    const pool =
      key === 'totalRecords'
        ? pages
        : full.filter((f) => f.page.detection!.pageSize === full[0].page.detection!.pageSize);
    const withTotal = pool.filter((f) => f.page.detection![key] !== undefined);
    const first = withTotal[0];
    const moved = withTotal.find((f) => f.page.detection![key] !== first.page.detection![key]);
    if (!first || !moved) continue;
    const a = first.page.detection![key]!;
    const b = moved.page.detection![key]!;
    const what = key === 'totalRecords' ? 'total record count' : 'page count';
    return [
      {
        rule: 'inconsistent-totals',
        severity: 'warning',
        message: `The ${what} changed during the chain (${first.name}: ${a}, ${moved.name}: ${b}); with offset or page numbers, records then shift between pages and are skipped or repeated.`,
        evidence: {
          pages: [first.n, moved.n],
          urls: [first.url, moved.url],
          values: { [`${key}@${first.n}`]: a, [`${key}@${moved.n}`]: b },
        },
        fix: 'If the data really changes, page by a cursor or keyset (stable under inserts and deletes) or snapshot the query; otherwise make the count use the same filters on every page.',
      },
    ];
  }
  return [];
}

/** The chain served more distinct records than any total it reported: the count undercounts. */
function servedBeyondTotal(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  const totals = pages.map((f) => f.page.detection!.totalRecords).filter((t): t is number => t !== undefined);
  if (!totals.length || !ctx.idKey) return [];
  const total = Math.max(...totals);
  const unique = new Set(pages.flatMap((f) => f.keys.filter((k): k is string => k !== undefined)));
  if (unique.size <= total) return [];
  const at = pages.find((f) => f.page.detection!.totalRecords === total)!;
  return [
    {
      rule: 'inconsistent-totals',
      severity: 'warning',
      message: `The API says there are ${total} records (${at.name}), but the chain served ${unique.size} distinct records: the total undercounts, so clients that stop at it or count pages from it miss ${unique.size - total}.`,
      evidence: {
        pages: pages.map((f) => f.n),
        urls: [at.url, pages[pages.length - 1].url],
        values: { total, served: unique.size },
      },
      fix: 'Count with the same query and filters as the listing (one snapshot), or leave the total out rather than report a stale or capped one as exact.',
    },
  ];
}

export const inconsistentTotals: Rule = {
  id: 'inconsistent-totals',
  description: 'totalPages ≠ ceil(totalRecords / pageSize), or totals that change between pages',
  check(ctx) {
    // The chain only: a request past its end (a probe, or a capture that asked on) may see later data.
    const pages = ctx.pages.filter((f) => f.ok && f.inChain && !askedPastEnd(ctx, f));
    return [...arithmetic(pages), ...drift(ctx, pages), ...servedBeyondTotal(ctx, pages)];
  },
};
