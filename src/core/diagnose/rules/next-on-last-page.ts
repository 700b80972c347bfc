/**
 * next-on-last-page: the chain says "more" where there is no more — a next link or cursor on the page
 * the totals call the last, or an empty page that still points on. Clients that follow next then
 * fetch empty pages forever or until a guard stops them.
 *
 * Not for styles documented to serve empty or short pages mid-chain (Vanilla's Paging-Next decides
 * alone: rows removed by permissions leave holes), which detectors mark `emptyPageEnds: false`.
 */
import { normalizeUrl } from '../../chain/key.ts';
import { saysMore } from '../context.ts';
import type { DiagnoseContext, Finding, PageFacts, Rule } from '../types.ts';

/** Explicit "more" only: a link, a cursor from the body, or hasMore — not a next the detector built from totals. */
function explicitMore(f: PageFacts): string | undefined {
  const d = f.page.detection!;
  if (d.links.next) return `next link ${d.links.next}`;
  // A Link rel="next" a page count outranked in detection: clients following Link still follow it.
  if (f.page.rawNext) return `next link ${f.page.rawNext}`;
  if (d.hasMore === true) return 'hasMore: true';
  if (d.kind === 'cursor' && d.next) return `next cursor (${d.next.url})`;
  return undefined;
}

/** The page's next leads to itself or back to a page already fetched: link-cycle's to report. */
function loopsBack(ctx: DiagnoseContext, f: PageFacts): boolean {
  const d = f.page.detection!;
  const next = d.links.next ?? f.page.rawNext ?? d.next?.url;
  if (!next) return false;
  const target = normalizeUrl(next);
  return ctx.pages.some((p) => p.n <= f.n && normalizeUrl(p.url) === target);
}

/**
 * "More" that the page's own totals imply (offset + size < total, page < page count) with no link or
 * cursor saying so: the totals are what is wrong, and missing-records / inconsistent-totals say so.
 */
function totalsSayMore(ctx: DiagnoseContext, f: PageFacts): boolean {
  const d = f.page.detection!;
  if (d.links.next || f.page.rawNext || d.kind === 'cursor' || d.kind === 'link') return false;
  if (d.kind === 'offset' && d.totalRecords !== undefined && d.position.offset !== undefined && d.pageSize)
    return d.position.offset + d.pageSize < d.totalRecords;
  if (d.kind === 'page' && d.totalPages !== undefined && d.position.page !== undefined)
    return d.position.page < ctx.pageBase + d.totalPages - 1;
  return false;
}

/** Records never seen before on a page after `f`: the chain really went on, so `f` was not the last page. */
function newRecordsAfter(ctx: DiagnoseContext, f: PageFacts): boolean {
  const seen = new Set(ctx.pages.filter((p) => p.n <= f.n).flatMap((p) => p.keys));
  return ctx.pages.some(
    (p) =>
      p.n > f.n && p.ok && p.repeatOf === undefined && p.keys.some((k) => k === undefined || !seen.has(k)),
  );
}

/** Records on `f` never seen on an earlier page. */
function freshOn(ctx: DiagnoseContext, f: PageFacts): boolean {
  const seen = new Set(ctx.pages.filter((p) => p.n < f.n).flatMap((p) => p.keys));
  return f.keys.some((k) => k !== undefined && !seen.has(k));
}

function onLastPage(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  for (const f of pages) {
    const d = f.page.detection!;
    if (d.totalPages === undefined || d.position.page === undefined || d.totalPages === 0) continue;
    // A page count that the following pages disprove (often derived from a size the server did not
    // use) does not make this the last page: the totals are wrong, not the next link.
    if (newRecordsAfter(ctx, f)) continue;
    const last = ctx.pageBase + d.totalPages - 1;
    // A page beyond the page count that still brings fresh records proves the count short, not the link.
    if (d.position.page > last && freshOn(ctx, f)) continue;
    const more = explicitMore(f);
    if (d.position.page < last || !more || loopsBack(ctx, f)) continue;
    return [
      {
        rule: 'next-on-last-page',
        severity: 'warning',
        message: `${f.name} is the last page (the API says ${d.totalPages} pages) but still offers a ${more.split(' (')[0]}, so clients that follow it fetch pages past the end.`,
        evidence: {
          pages: [f.n],
          urls: [f.url, ...(d.links.next ? [d.links.next] : [])],
          values: { page: d.position.page, totalPages: d.totalPages, more },
        },
        fix: 'Omit the next link (or set has_more to false / the cursor to null) when page × size ≥ total.',
      },
    ];
  }
  return [];
}

function emptyButMore(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  if (ctx.shortPagesAllowed) return [];
  const f = pages.find(
    (p) =>
      p.page.records.length === 0 &&
      (saysMore(p.page) || !!p.page.rawNext) &&
      !loopsBack(ctx, p) &&
      !totalsSayMore(ctx, p),
  );
  if (!f) return [];
  const d = f.page.detection!;
  const more = explicitMore(f) ?? 'next page';
  return [
    {
      rule: 'next-on-last-page',
      severity: 'warning',
      message: `${f.name} is empty but still says there is more (${more}), so clients keep requesting empty pages.`,
      evidence: {
        pages: [f.n],
        urls: [f.url, ...(d.next ? [d.next.url] : [])],
        values: { records: 0, more },
      },
      fix: 'When a page comes back empty, end the chain: no next link, has_more false, no next cursor.',
    },
  ];
}

/**
 * Without totals: a short page that still links on, where the link leads to an empty page that ends the
 * chain. The short page was the last. Not for cursor chains, whose pages may be short mid-chain.
 */
function shortThenEmpty(ctx: DiagnoseContext): Finding[] {
  if (ctx.shortPagesAllowed) return [];
  // The empty end page often has no pagination at all (a bare `[]`), so it need not be detected. A probe
  // counts when it is the very page the previous page's next link offered (a crawler that stops on a
  // short page fetches it only as a probe).
  const pages = ctx.pages.filter((p) => p.inChain && p.page.status >= 200 && p.page.status < 300);
  for (let i = 1; i < pages.length; i++) {
    const f = pages[i - 1];
    const end = pages[i];
    const d = f.page.detection;
    if (
      !f.ok ||
      !d ||
      d.kind === 'cursor' ||
      !explicitMore(f) ||
      totalsSayMore(ctx, f) ||
      end.page.records.length ||
      saysMore(end.page)
    )
      continue;
    const full = Math.max(0, ...pages.slice(0, i - 1).map((p) => p.page.records.length));
    const size = d.pageSize ?? full;
    if (!size || f.page.records.length >= size || f.page.records.length === 0) continue;
    return [
      {
        rule: 'next-on-last-page',
        severity: 'warning',
        message: `${f.name} is short (${f.page.records.length} of ${size}) and is in fact the last page, yet it still has a ${explicitMore(f)!.split(' (')[0].split(' http')[0]}; following it only fetches an empty ${end.name}.`,
        evidence: {
          pages: [f.n, end.n],
          urls: [f.url, end.url],
          values: { records: f.page.records.length, pageSize: size },
        },
        fix: 'Omit the next link on the last page (when fewer records than the page size remain).',
      },
    ];
  }
  return [];
}

/**
 * The last page says "more" (hasMore / hasNextPage true) but gives no way on — no cursor, no link —
 * where every page before it did: Relay's `hasNextPage: true` with `endCursor: null`. Clients trusting
 * the flag retry or fail; clients trusting the cursor stop with a flag that lies.
 */
function moreWithoutNext(pages: PageFacts[]): Finding[] {
  const chain = pages.filter((f) => f.inChain);
  const last = chain[chain.length - 1];
  if (chain.length < 2 || !last) return [];
  const d = last.page.detection!;
  // The flag as the body wrote it: some detectors fold a missing cursor into hasMore (Notion's
  // has_more && next_cursor), their evidence still shows has_more true.
  const flag =
    d.hasMore === true || d.evidence.some((e) => /more pages/i.test(e.note ?? '') && e.value === 'true');
  if (!flag || d.next || d.links.next || last.page.rawNext) return [];
  if (!chain.slice(0, -1).every((f) => f.page.detection!.next)) return [];
  return [
    {
      rule: 'next-on-last-page',
      severity: 'warning',
      message: `${last.name} says there is more (hasMore: true) but gives no next cursor or link, as every page before it did: the flag and the cursor disagree about the end of the chain.`,
      evidence: { pages: [last.n], urls: [last.url], values: { hasMore: 'true', next: 'none' } },
      fix: 'Set has_more / hasNextPage to false on the last page, or give the next cursor whenever it is true.',
    },
  ];
}

export const nextOnLastPage: Rule = {
  id: 'next-on-last-page',
  description: 'a next link/cursor or hasMore on the last page or on an empty page',
  check(ctx) {
    // Probes and repeated pages past the end are repeated-last-page's to report; a probe that is the
    // very page the one before offered (a crawler stops on a short page) is part of the chain.
    const pages = ctx.pages.filter((f) => f.ok && f.inChain && f.repeatOf === undefined);
    const found = [...onLastPage(ctx, pages), ...emptyButMore(ctx, pages)];
    if (found.length) return found;
    const short = shortThenEmpty(ctx);
    return short.length ? short : moreWithoutNext(pages);
  },
};
