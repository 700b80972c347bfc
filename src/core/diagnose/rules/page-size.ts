/**
 * page-size: the page size asked for is not the page size served. Consistently fewer than asked is
 * usually a documented maximum (info: the client should not assume its size); a size that changes
 * mid-chain without reason desynchronises offset and page arithmetic (warning). Also first/last links
 * that disagree with the totals. Short last pages, and styles documented to serve short pages
 * (emptyPageEnds false), are never flagged; neither are cursor chains, whose pages may be short.
 */
import { getParam } from '../../url.ts';
import { saysMore } from '../context.ts';
import type { DiagnoseContext, Finding, PageFacts, Rule } from '../types.ts';

function asked(ctx: DiagnoseContext, f: PageFacts): number | undefined {
  const name = ctx.params.size;
  const v = name ? getParam(f.url, name) : undefined;
  return v !== undefined && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined;
}

const SIZE_FIELD =
  /(^|[._-])(per[_-]?page|page[_-]?size|pagesize|limit|hitsperpage|maxresults|size|pagelen)$/i;

/** The page size the response itself states (meta.per_page, X-Per-Page, maxResults), not the one asked for. */
function stated(f: PageFacts): number | undefined {
  const e = f.page.detection!.evidence.find(
    (x) =>
      x.where !== 'query' &&
      /^\d{1,9}$/.test(x.value.trim()) &&
      (/page size/i.test(x.note ?? '') || SIZE_FIELD.test(x.path)),
  );
  return e ? Number(e.value.trim()) : undefined;
}

/**
 * Fewer records than asked on pages that are not the last: a cap. Stated honestly (the response gives
 * the size it used) it is information; a response that claims the size asked for while serving fewer
 * misleads every client that steps by the stated size (warning).
 */
function capped(pages: PageFacts[], want: number, served: number): Finding {
  const claims = pages.map(stated).find((v) => v !== undefined);
  const lies = claims === want;
  return {
    rule: 'page-size',
    severity: lies ? 'warning' : 'info',
    message: lies
      ? `Asked for ${want} records per page, got ${served} on every full page, yet the response says ${want} per page: clients that step by the stated size skip records.`
      : `Asked for ${want} records per page, got ${served} on every full page: the API caps the page size (likely a documented maximum), so clients must follow next rather than assume ${want}.`,
    evidence: {
      pages: pages.map((f) => f.n),
      urls: [pages[0].url],
      values: { asked: want, served, ...(claims !== undefined ? { stated: claims } : {}) },
    },
    fix: lies
      ? 'Report the page size actually served (meta.per_page = the capped size) and build next links and offsets from it, or reject sizes above the maximum with 400.'
      : 'Document the maximum page size and echo the size actually used (e.g. meta.per_page), or reject sizes above it with 400.',
  };
}

function sizes(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  // Full pages only: those that say more follows and are followed by records (the last page with
  // records may be short even when it wrongly links on to empty pages: that is next-on-last-page's).
  const chain = pages.filter((f) => f.inChain && f.repeatOf === undefined);
  const lastWithRecords = chain.reduce((at, f, i) => (f.page.records.length ? i : at), -1);
  let middle = chain.filter((f, i) => i < lastWithRecords && saysMore(f.page));
  if (ctx.shortPagesAllowed) return [];
  // Only the first page has records — the chain ended there, or its next (computed with the size asked
  // for) came back empty — yet its own total says more exist than it served: the page is capped too.
  if (!middle.length && lastWithRecords === 0) {
    const first = chain[0];
    const d = first.page.detection;
    const starts = d?.position.offset === 0 || d?.position.page === ctx.pageBase;
    if (
      starts &&
      (!saysMore(first.page) || chain.length > 1) &&
      d!.totalRecords !== undefined &&
      first.page.records.length < d!.totalRecords
    )
      middle = [first];
  }
  if (!middle.length) return [];
  const counts = middle.map((f) => f.page.records.length);
  const want = asked(ctx, middle[0]);
  const uniform = counts.every((c) => c === counts[0]);
  const kind = middle[0].page.detection!.kind;
  if (uniform && want !== undefined && counts[0] < want && counts[0] > 0)
    return [capped(middle, want, counts[0])];
  if (uniform || (kind !== 'page' && kind !== 'offset')) return [];
  const size = want ?? middle[0].page.detection!.pageSize ?? counts[0];
  const odd = middle.find((f) => f.page.records.length !== size);
  if (!odd) return [];
  return [
    {
      rule: 'page-size',
      severity: 'warning',
      message: `${odd.name} has ${odd.page.records.length} records where the other full pages have ${size}, though more pages follow: with ${kind} arithmetic, a page size that changes mid-chain skips or repeats records.`,
      evidence: {
        pages: middle.map((f) => f.n),
        urls: [odd.url],
        values: { expected: size, served: odd.page.records.length },
      },
      fix: 'Serve exactly the requested (or capped) size on every page but the last, or switch to cursor pagination if rows are filtered after the query.',
    },
  ];
}

function linksVsTotals(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  for (const f of pages) {
    const d = f.page.detection!;
    // A page count derived from a short page's size is not the API's claim; trust full pages only.
    if (d.pageSize !== undefined && d.recordCount !== d.pageSize) continue;
    // A page whose detector counted pages from another base (a request for page=0) read its own last link in that base.
    if ((d.params.pageBase ?? ctx.pageBase) !== ctx.pageBase) continue;
    const param = ctx.params.page;
    if (!param || d.totalPages === undefined || d.totalPages === 0) continue;
    const lastAt = ctx.pageBase + d.totalPages - 1;
    const lastLink = d.links.last ? getParam(d.links.last, param) : undefined;
    const firstLink = d.links.first ? getParam(d.links.first, param) : undefined;
    const bad =
      lastLink !== undefined && /^\d+$/.test(lastLink) && Number(lastLink) !== lastAt
        ? { rel: 'last', got: Number(lastLink), want: lastAt, url: d.links.last! }
        : firstLink !== undefined && /^\d+$/.test(firstLink) && Number(firstLink) !== ctx.pageBase
          ? { rel: 'first', got: Number(firstLink), want: ctx.pageBase, url: d.links.first! }
          : undefined;
    if (!bad) continue;
    return [
      {
        rule: 'page-size',
        severity: 'warning',
        message: `The ${bad.rel} link of ${f.name} points to page ${bad.got}, but the totals (${d.totalPages} pages) make the ${bad.rel} page ${bad.want}.`,
        evidence: {
          pages: [f.n],
          urls: [f.url, bad.url],
          values: { linked: bad.got, expected: bad.want, totalPages: d.totalPages },
        },
        fix: 'Build first/last links from the same page count the body reports (last = ceil(total / size)).',
      },
    ];
  }
  return [];
}

export const pageSize: Rule = {
  id: 'page-size',
  description: 'page size not honoured or changing mid-chain; first/last links that disagree with totals',
  check(ctx) {
    const pages = ctx.pages.filter((f) => f.ok);
    return [...sizes(ctx, pages), ...linksVsTotals(ctx, pages)];
  },
};
