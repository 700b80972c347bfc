/**
 * cursor-cycle / link-cycle: the chain does not move forward. A next link or cursor that leads back to
 * a page already fetched (or to itself), a next page number that is not greater than the current one,
 * or a page that serves an earlier page's records again: clients loop forever. Also prev-of-next ≠ self
 * (numbered chains only: a cursor API's prev link is legitimately a different URL, `ending_before=`).
 */
import { normalizeUrl } from '../../chain/key.ts';
import { getParam } from '../../url.ts';
import { pastEnd } from '../context.ts';
import type { Detection } from '../../detect/types.ts';
import type { DiagnoseContext, Finding, PageFacts, Rule } from '../types.ts';

/** A cursor chain, or a link chain whose links carry an opaque token (OData `$skiptoken`): a cursor cycle. */
function ruleFor(ctx: DiagnoseContext, f: PageFacts): 'cursor-cycle' | 'link-cycle' {
  const d = f.page.detection;
  if (d?.kind === 'cursor') return 'cursor-cycle';
  const param = ctx.params.cursor;
  return d?.kind === 'link' && param && getParam(f.url, param) !== undefined ? 'cursor-cycle' : 'link-cycle';
}

/**
 * The next the API gave: a link (the Link header's too, where a page count outranked it), or the
 * cursor of a cursor/link chain. A page or offset a detector computed from the totals is the API's
 * next only when the page echoes a position other than the one asked for (the server's own count is
 * then wrong); otherwise a loop through it is the arithmetic's, and the totals rules report the cause.
 */
function nextUrl(ctx: DiagnoseContext, f: PageFacts): string | undefined {
  const d = f.page.detection;
  if (!d) return undefined;
  const given = d.links.next ?? f.page.rawNext;
  if (given) return given;
  if (d.kind === 'cursor' || d.kind === 'link') return d.next?.url;
  const asked =
    d.kind === 'page' ? pageIn(f.url, ctx.params.page, ctx.pageBase) : pageIn(f.url, ctx.params.offset, 0);
  const echoed = d.kind === 'page' ? d.position.page : d.position.offset;
  return asked !== undefined && echoed !== undefined && asked !== echoed ? d.next?.url : undefined;
}

/** The page number a URL asks for (a missing parameter is the first page). */
function pageIn(url: string, param: string | undefined, base: number): number | undefined {
  if (!param) return undefined;
  const v = getParam(url, param);
  if (v === undefined) return base;
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

function backwards(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  const earlier = new Map<string, PageFacts>();
  for (const f of pages) {
    earlier.set(normalizeUrl(f.url), f);
    const next = nextUrl(ctx, f);
    // Paging by body (POST cursors) or by a Range header keeps the URL: the URL proves nothing there.
    const spec = f.page.detection?.next;
    if (!next || spec?.body || spec?.headers?.length) continue;
    const back = earlier.get(normalizeUrl(next));
    const d = f.page.detection!;
    const nextPage = pageIn(next, ctx.params.page, ctx.pageBase);
    const backwardsNumber =
      d.kind !== 'cursor' &&
      d.position.page !== undefined &&
      nextPage !== undefined &&
      nextPage <= d.position.page;
    if (!back && !backwardsNumber) continue;
    const target = back ? (back.n === f.n ? 'itself' : back.name) : `page ${nextPage}`;
    return [
      {
        rule: ruleFor(ctx, f),
        severity: 'error',
        message: `The next ${d.kind === 'cursor' ? 'cursor' : 'link'} of ${f.name} leads back to ${target}, so a client following next loops forever.`,
        evidence: {
          pages: back ? [back.n, f.n] : [f.n],
          urls: [f.url, next],
          values: {
            ...(nextPage !== undefined ? { nextPage } : {}),
            ...(d.position.page !== undefined ? { page: d.position.page } : {}),
          },
        },
        fix: 'Build the next cursor from the last record of this page (its sort key and id), and the next link from page + 1; never from a cached or first-page value.',
      },
    ];
  }
  return [];
}

function contentRepeat(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  // An adjacent repeat past the end is repeated-last-page's; anything else means no progress.
  const f = pages.find(
    (p) => p.repeatOf !== undefined && !(p.repeatOf === p.n - 1 && pastEnd(ctx, p)) && !p.page.probe,
  );
  if (!f) return [];
  const earlier = pages.find((p) => p.n === f.repeatOf)!;
  return [
    {
      rule: ruleFor(ctx, f),
      severity: 'error',
      message: `${f.name} serves exactly the records of ${earlier.name}: the chain went back instead of forward, so a client following next loops or collects the same records again.`,
      evidence: {
        pages: [earlier.n, f.n],
        urls: [earlier.url, f.url],
        values: { records: f.page.records.length },
      },
      fix: 'Make the next link/cursor advance past the last record served (cursor from the last record, page + 1), and make the server honour it.',
    },
  ];
}

/** Page number or offset of a page, and what a URL asks for in the same terms. */
function numbered(ctx: DiagnoseContext, d: Detection) {
  if (ctx.params.page && d.position.page !== undefined)
    return { at: d.position.page, word: 'page', in: (u: string) => pageIn(u, ctx.params.page, ctx.pageBase) };
  if (ctx.params.offset && d.position.offset !== undefined)
    return { at: d.position.offset, word: 'offset', in: (u: string) => pageIn(u, ctx.params.offset, 0) };
  return undefined;
}

function prevOfNext(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  for (let i = 1; i < pages.length; i++) {
    const a = pages[i - 1];
    const b = pages[i];
    // A probe or a repeated page past the end is a clamped page: its prev is repeated-last-page's symptom.
    if (b.page.probe || b.repeatOf !== undefined) continue;
    const da = a.page.detection!;
    const db = b.page.detection!;
    const pa = numbered(ctx, da);
    const pb = numbered(ctx, db);
    if (!db.links.prev || !pa || !pb || pa.word !== pb.word) continue;
    // b is the page a's next led to: the next page number, or the URL a's next link named.
    const aNext = da.links.next ?? da.next?.url;
    const follows =
      pa.word === 'page'
        ? pb.at === pa.at + 1
        : !!aNext && normalizeUrl(aNext) === normalizeUrl(b.url) && pb.at === pa.at + a.page.records.length;
    if (!follows) continue;
    const prev = pb.in(db.links.prev);
    if (prev === undefined || prev === pa.at) continue;
    return [
      {
        rule: 'link-cycle',
        severity: 'warning',
        message: `The prev link of ${b.name} points to ${pa.word} ${prev}, not back to ${a.name}: prev and next disagree, so clients paging backwards skip or repeat pages.`,
        evidence: {
          pages: [a.n, b.n],
          urls: [a.url, b.url, db.links.prev],
          values: { expected: pa.at, prev },
        },
        fix:
          pa.word === 'page'
            ? 'Build prev as page − 1 from the same page number that builds next (page + 1).'
            : 'Build prev as offset − limit (not below 0) from the same offset that builds next (offset + limit).',
      },
    ];
  }
  return [];
}

export const linkCycle: Rule = {
  id: 'link-cycle',
  description: 'next links or cursors that lead back (cursor-cycle / link-cycle), and prev-of-next ≠ self',
  check(ctx) {
    const pages = ctx.pages.filter((f) => f.ok);
    const loops = backwards(ctx, pages);
    return [...(loops.length ? loops : contentRepeat(ctx, pages)), ...prevOfNext(ctx, pages)];
  },
};
