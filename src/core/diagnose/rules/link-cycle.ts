/**
 * cursor-cycle / link-cycle: the chain does not move forward. A next link or cursor that leads back to
 * a page already fetched (or to itself), a next page number that is not greater than the current one,
 * or a page that serves an earlier page's records again: clients loop forever. Also prev-of-next ≠ self
 * (numbered chains only: a cursor API's prev link is legitimately a different URL, `ending_before=`).
 */
import { normalizeUrl } from '../../chain/key.ts';
import { getParam } from '../../url.ts';
import type { DiagnoseContext, Finding, PageFacts, Rule } from '../types.ts';

function ruleFor(f: PageFacts): 'cursor-cycle' | 'link-cycle' {
  return f.page.detection?.kind === 'cursor' ? 'cursor-cycle' : 'link-cycle';
}

function nextUrl(f: PageFacts): string | undefined {
  const d = f.page.detection;
  return d?.next?.url ?? d?.links.next;
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
    const next = nextUrl(f);
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
        rule: ruleFor(f),
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

function contentRepeat(pages: PageFacts[]): Finding[] {
  // An adjacent repeat at the very end is repeated-last-page's; anything else means no progress.
  const last = pages[pages.length - 1];
  const f = pages.find(
    (p) => p.repeatOf !== undefined && !(p === last && p.repeatOf === p.n - 1) && !p.page.probe,
  );
  if (!f) return [];
  const earlier = pages.find((p) => p.n === f.repeatOf)!;
  return [
    {
      rule: ruleFor(f),
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

function prevOfNext(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  for (let i = 1; i < pages.length; i++) {
    const a = pages[i - 1];
    const b = pages[i];
    // A probe or a repeated page past the end is a clamped page: its prev is repeated-last-page's symptom.
    if (b.page.probe || b.repeatOf !== undefined) continue;
    const da = a.page.detection!;
    const db = b.page.detection!;
    const param = ctx.params.page;
    if (
      !param ||
      !db.links.prev ||
      da.position.page === undefined ||
      db.position.page !== da.position.page + 1
    )
      continue;
    const prevPage = pageIn(db.links.prev, param, ctx.pageBase);
    if (prevPage === undefined || prevPage === da.position.page) continue;
    return [
      {
        rule: 'link-cycle',
        severity: 'warning',
        message: `The prev link of ${b.name} points to page ${prevPage}, not back to ${a.name}: prev and next disagree, so clients paging backwards skip or repeat pages.`,
        evidence: {
          pages: [a.n, b.n],
          urls: [a.url, b.url, db.links.prev],
          values: { expected: da.position.page, prev: prevPage },
        },
        fix: 'Build prev as page − 1 from the same page number that builds next (page + 1).',
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
    return [...(loops.length ? loops : contentRepeat(pages)), ...prevOfNext(ctx, pages)];
  },
};
