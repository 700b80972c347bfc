/** Records and small helpers shared by the buggy chains. */
import { dataset } from '../data.ts';
import type { DemoRequest, Route } from '../http.ts';
import { clampInt } from '../params.ts';

export type BuggyEntry = {
  bug: string;
  /** Path and query of the chain's first page. */
  firstPage: string;
  description: string;
  kind: 'page' | 'offset' | 'cursor' | 'link';
};

export type BuggyChain = BuggyEntry & { route: Route };

export type Item = { id: number; name: string; created_at: string; amount: number };

/** The bug's own small dataset (deterministic, like every demo dataset). */
export function items(bug: string, count: number): Item[] {
  return dataset(`buggy-${bug}`, count, 100).map(({ id, name, created_at, amount }) => ({
    id,
    name,
    created_at,
    amount,
  }));
}

/**
 * `page` as a 1-based integer, lenient like most servers (garbage → 1). Pages past a chain's data come
 * back empty (never clamped to the last page, which would itself be a bug a probe would report).
 */
export function pageOf(req: DemoRequest): number {
  return clampInt(req.query, 'page', 1, 1, 1000, true);
}
