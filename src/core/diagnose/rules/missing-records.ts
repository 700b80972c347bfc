/**
 * missing-records: records the API promised but never served. A complete chain that served fewer
 * unique records than its total; sequential integer ids that run without a hole inside every page but
 * jump between pages (an off-by-one offset, or rows deleted while paging); and, from chain-gaps.ts, a
 * chain that ends while a page past its end still has fresh records, or a next link that skips pages.
 */
import { endsEarly, skippedPages } from './chain-gaps.ts';
import type { DiagnoseContext, Finding, Rule } from '../types.ts';

function totalShortfall(ctx: DiagnoseContext): Finding[] {
  // Styles documented to drop rows per page (permissions) may serve fewer than their total.
  if (!ctx.complete || ctx.shortPagesAllowed) return [];
  const chain = ctx.pages.filter((f) => f.ok && f.inChain);
  const totals = chain.map((f) => f.page.detection!.totalRecords).filter((t): t is number => t !== undefined);
  if (!totals.length) return [];
  const total = Math.min(...totals);
  const unique = new Set<string>();
  let served = 0;
  for (const f of chain) {
    served += f.page.records.length;
    for (const k of f.keys) if (k !== undefined) unique.add(k);
  }
  const got = ctx.idKey ? unique.size : served;
  if (got >= total) return [];
  return [
    {
      rule: 'missing-records',
      severity: 'error',
      message: `The API says there are ${total} records, but the whole chain (${chain.length} pages, first to last) served only ${got} unique records: ${total - got} are never returned.`,
      evidence: {
        pages: chain.map((f) => f.n),
        urls: [chain[0].url, chain[chain.length - 1].url],
        values: { total, unique: got, served },
      },
      fix: 'Make each page start exactly where the previous one ended (offset = (page - 1) × size), keep the total and the listing on the same query and filters, and page by a cursor so deletions during paging do not skip rows.',
    },
  ];
}

/** Integer ids of a page, or undefined when any record lacks one. */
function intIds(keys: (string | undefined)[]): number[] | undefined {
  const out: number[] = [];
  for (const k of keys) {
    if (!k || !k.startsWith('n:') || !Number.isInteger(Number(k.slice(2)))) return undefined;
    out.push(Number(k.slice(2)));
  }
  return out;
}

function sequentialGaps(ctx: DiagnoseContext): Finding[] {
  // Rows removed per page (permissions, Vanilla) leave holes by design.
  if (ctx.shortPagesAllowed) return [];
  const pages = ctx.pages.filter((f) => f.ok && f.repeatOf === undefined && f.keys.length);
  const ids = pages.map((f) => intIds(f.keys));
  if (pages.length < 2 || ids.some((x) => !x)) return [];
  // Only full pages of one size: a short page mid-chain is page-size's finding, not proof of a skip.
  const full = pages.slice(0, -1).map((f) => f.keys.length);
  if (full.some((c) => c !== full[0])) return [];
  // Every step inside every page is exactly +1 (or exactly -1): ids are dense, so a jump is a hole.
  const steps = ids.flatMap((list) => list!.slice(1).map((v, i) => v - list![i]));
  if (steps.length < 4) return [];
  const dir = steps[0];
  if ((dir !== 1 && dir !== -1) || !steps.every((s) => s === dir)) return [];
  const holes: { from: number; to: number; a: number; b: number }[] = [];
  for (let i = 1; i < pages.length; i++) {
    const a = ids[i - 1]![ids[i - 1]!.length - 1];
    const b = ids[i]![0];
    if ((b - a) * dir > 1) holes.push({ from: pages[i - 1].n, to: pages[i].n, a, b });
  }
  if (!holes.length) return [];
  const missing = holes.reduce((s, h) => s + Math.abs(h.b - h.a) - 1, 0);
  const h = holes[0];
  return [
    {
      rule: 'missing-records',
      severity: 'warning',
      message:
        `Ids run without a hole inside every page but jump between pages (${ctx.pages[h.from - 1].name} ends at ${ctx.idKey} ${h.a}, ` +
        `${ctx.pages[h.to - 1].name} starts at ${h.b}): about ${missing} records between pages are likely skipped.`,
      evidence: {
        pages: [...new Set(holes.flatMap((x) => [x.from, x.to]))],
        urls: holes.flatMap((x) => [ctx.pages[x.from - 1].url, ctx.pages[x.to - 1].url]),
        ids: holes.flatMap((x) => [String(x.a), String(x.b)]),
        values: { skipped: missing, boundaries: holes.length },
      },
      fix: 'Check the offset arithmetic (offset = (page - 1) × size, not page × size or +1) and page by keyset (id > last id) so rows deleted during paging do not shift later pages.',
    },
  ];
}

export const missingRecords: Rule = {
  id: 'missing-records',
  description:
    'fewer unique records than the total, id runs or next links that skip, or fresh records past the end of the chain',
  check(ctx) {
    // Several may hold: the shortfall says how many, the skipping link or the id jumps say where.
    const skipped = skippedPages(ctx);
    return [...endsEarly(ctx), ...totalShortfall(ctx), ...(skipped.length ? skipped : sequentialGaps(ctx))];
  },
};
