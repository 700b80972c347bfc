/**
 * Which way to crawl, and when a chain has ended. Links and cursors can only be followed one by one
 * (sequential); numbered pages or offsets with a known total can be fetched several at a time
 * (concurrent) because page N's URL is known up front.
 */
import { pageRequest } from '../detect/params.ts';
import type { Detection, RequestSpec } from '../detect/types.ts';
import { getParam } from '../url.ts';

/** The next request after a page, or null with the reason the chain ends there. */
export type ChainStep = { next: RequestSpec; why?: undefined } | { next: null; why: string };

/**
 * Where a sequential chain goes after a page with this detection and record count. Ends on: no
 * detection or no next request, `hasMore: false`, an empty cursor, an empty page (unless the style
 * says `emptyPageEnds: false` — Vanilla: pages may be empty mid-chain, only Paging-Next decides), a
 * short page when the style says short pages end it, or the last page by the totals.
 */
export function nextStep(d: Detection | null, recordCount: number): ChainStep {
  if (!d) return { next: null, why: 'no next link (no pagination on the page)' };
  if (d.hasMore === false) return { next: null, why: 'hasMore is false' };
  const trustNextOnly = d.emptyPageEnds === false;
  if (!trustNextOnly && recordCount === 0) return { next: null, why: 'empty page' };
  if (d.emptyPageEnds === true && d.pageSize && recordCount < d.pageSize)
    return { next: null, why: 'short page' };
  if (!trustNextOnly && d.totalPages !== undefined && d.kind === 'page' && d.position.page !== undefined) {
    const last = d.totalPages - 1 + (d.params.pageBase ?? 1);
    if (d.position.page >= last) return { next: null, why: `last page by the total (${d.totalPages} pages)` };
  }
  if (
    !trustNextOnly &&
    d.totalRecords !== undefined &&
    d.kind === 'offset' &&
    d.position.offset !== undefined
  ) {
    if (d.position.offset + recordCount >= d.totalRecords)
      return { next: null, why: `last page by the total (${d.totalRecords} records)` };
  }
  if (!d.next) return { next: null, why: 'no next link' };
  if (d.kind === 'cursor' && d.params.cursor && getParam(d.next.url, d.params.cursor) === '') {
    return { next: null, why: 'empty cursor' };
  }
  return { next: d.next };
}

/** Page numbers as `pageRequest` counts them (the API's own numbering). */
export type ConcurrentPlan = {
  /** The start page's number. */
  current: number;
  /** Last page number by the totals. */
  last: number;
  build(n: number): RequestSpec | null;
};

/**
 * A plan for the concurrent strategy, or null when the chain must be followed link by link:
 * needs a GET page/offset chain, a known total (`totalPages`, or `totalRecords` + `pageSize`) and
 * `pageRequest` able to build the page after the start.
 */
export function planConcurrent(d: Detection): ConcurrentPlan | null {
  if ((d.kind !== 'page' && d.kind !== 'offset') || d.method.toUpperCase() !== 'GET') return null;
  const base = d.params.pageBase ?? 1;
  const size = d.pageSize;
  const totalPages =
    d.totalPages ?? (d.totalRecords !== undefined && size ? Math.ceil(d.totalRecords / size) : undefined);
  if (totalPages === undefined) return null;
  let current: number;
  if (d.kind === 'page') current = d.position.page ?? base;
  else {
    if (!size) return null;
    current = base + Math.floor((d.position.offset ?? 0) / size);
  }
  const last = base + totalPages - 1;
  const build = (n: number) => pageRequest(d, n);
  if (current < last && !build(current + 1)) return null;
  return { current, last, build };
}
