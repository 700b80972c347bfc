/**
 * Predicted pages of numbered chains (pages or offsets) with a known total. A total of 40 pages is
 * drawn in full; beyond that the first and last few, the fetched pages and their neighbours are drawn
 * and gap nodes stand for the rest, so a chain of a million pages stays a handful of nodes.
 */
import { withParams } from '../url.ts';
import type { ChainMeta, ChainNode } from './types.ts';

/** Chains up to this many slots are drawn in full. @default 40 */
const MAX_DRAWN_PAGES = 40;
/** Drawn at each end of a capped chain. */
const ENDS = 3;

type Grid = { count: number; value(slot: number): number; slotOf(value: number): number };

function grid(meta: ChainMeta, mode: 'page' | 'offset'): Grid | undefined {
  if (mode === 'page') {
    if (meta.totalPages === undefined || !meta.params.page) return undefined;
    const base = meta.params.pageBase ?? 1;
    return { count: meta.totalPages, value: (s) => base + s, slotOf: (v) => v - base };
  }
  const size = meta.pageSize;
  if (meta.totalRecords === undefined || !size || !meta.params.offset) return undefined;
  return {
    count: Math.ceil(meta.totalRecords / size),
    value: (s) => s * size,
    slotOf: (v) => Math.floor(v / size),
  };
}

/** Number of grid values strictly between a and b. */
function between(g: Grid, a: number, b: number): { count: number; first: number; last: number } {
  let first = Math.max(0, g.slotOf(a) + 1);
  while (first < g.count && g.value(first) <= a) first++;
  let last = Math.min(g.count - 1, g.slotOf(b));
  while (last >= 0 && g.value(last) >= b) last--;
  return { count: Math.max(0, last - first + 1), first, last };
}

/** Fetched nodes (sorted by page/offset) plus predicted and gap nodes up to the total. */
export function predictNumbered(meta: ChainMeta, mode: 'page' | 'offset', fetched: ChainNode[]): ChainNode[] {
  const g = grid(meta, mode);
  const template = fetched[0]?.url;
  if (!g || !template || g.count <= 0) return fetched;
  const field = mode;
  const byValue = new Map(fetched.map((n) => [n[field]!, n]));
  const slots = new Set<number>();
  if (g.count <= MAX_DRAWN_PAGES) for (let s = 0; s < g.count; s++) slots.add(s);
  else {
    for (let s = 0; s < ENDS; s++) slots.add(s).add(g.count - 1 - s);
    for (const v of byValue.keys()) {
      const s = g.slotOf(v);
      for (const t of [s, s + 1]) if (t >= 0 && t < g.count) slots.add(t);
    }
  }
  const values = new Set(byValue.keys());
  for (const s of slots) values.add(g.value(s));
  const sorted = [...values].sort((a, b) => a - b);
  const out: ChainNode[] = [];
  sorted.forEach((v, i) => {
    if (i > 0) {
      const gap = between(g, sorted[i - 1], v);
      if (gap.count > 0)
        out.push(gapNode(meta, mode, template, g.value(gap.first), g.value(gap.last), gap.count, g.count));
    }
    out.push(byValue.get(v) ?? predictedNode(meta, mode, template, v));
  });
  return out.filter((n) => n.url);
}

function predictedNode(meta: ChainMeta, mode: 'page' | 'offset', template: string, v: number): ChainNode {
  const url = numberedUrl(meta, template, mode, v) ?? '';
  const n: ChainNode = {
    id: mode === 'page' ? `p${v}` : `o${v}`,
    label: mode === 'page' ? String(v) : `@${v}`,
    url,
    state: 'predicted',
  };
  n[mode] = v;
  return n;
}

function gapNode(
  meta: ChainMeta,
  mode: 'page' | 'offset',
  template: string,
  from: number,
  to: number,
  count: number,
  total: number,
): ChainNode {
  const what = mode === 'page' ? `pages ${from}–${to}` : `offsets ${from}–${to}`;
  return {
    id: `gap:${from}-${to}`,
    label: '…',
    url: numberedUrl(meta, template, mode, from) ?? '',
    state: 'predicted',
    gap: { from, to, count },
    note: `${count} predicted page${count === 1 ? '' : 's'} not drawn (${what}); the chain has ${total} pages`,
  };
}

/** The URL of page `n` (or offset `n`) made from a fetched page's URL; undefined without the parameter. */
function numberedUrl(
  meta: ChainMeta,
  template: string,
  mode: 'page' | 'offset',
  n: number,
): string | undefined {
  const name = mode === 'page' ? meta.params.page : meta.params.offset;
  if (!name) return undefined;
  try {
    return withParams(template, { [name]: n });
  } catch {
    return undefined;
  }
}
