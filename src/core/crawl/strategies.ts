/**
 * Which way to crawl, and when a chain has ended. Links and cursors can only be followed one by one
 * (sequential); numbered pages or offsets with a known total can be fetched several at a time
 * (concurrent) because page N's URL is known up front.
 */
import { pageRequest } from '../detect/params.ts';
import type { Detection, RequestSpec } from '../detect/types.ts';
import { getParam } from '../url.ts';
import { requestKey } from './guards.ts';
import { pageLabel } from './page-label.ts';

/** The next request after a page, or null with the reason the chain ends there. */
export type ChainStep = { next: RequestSpec; why?: undefined } | { next: null; why: string };

/** The page is shorter than the style's page size and the style's docs say such a page is the last. */
function shortEnd(d: Detection, recordCount: number): string | undefined {
  if (d.shortPageEnds !== true || !d.pageSize || recordCount >= d.pageSize) return undefined;
  return `short page (${recordCount} of ${d.pageSize} records; ${d.style} ends on a short page)`;
}

/**
 * Where a sequential chain goes after a page with this detection and record count. The API's own
 * words decide: no detection or no next request, `hasMore: false`, an empty cursor, the last page by
 * the totals, or an empty page (unless the style says `emptyPageEnds: false` — Vanilla: pages may be
 * empty mid-chain, only Paging-Next decides). A short page alone never ends a chain: only styles
 * whose docs say so (`shortPageEnds`) stop there, through their own `hasMore`, and the reason then
 * says "short page" so a user can see why. Vend 2.0 (`after=` version cursor) goes on to its empty page.
 */
export function nextStep(d: Detection | null, recordCount: number): ChainStep {
  if (!d) return { next: null, why: 'no next link (no pagination on the page)' };
  // Vend 2.0 and alike: the empty collection is the end the docs name.
  if (d.emptyPageEnds === true && recordCount === 0) return { next: null, why: 'empty page' };
  if (d.hasMore === false) return { next: null, why: shortEnd(d, recordCount) ?? 'hasMore is false' };
  const trustNextOnly = d.emptyPageEnds === false;
  if (!trustNextOnly && recordCount === 0) return { next: null, why: 'empty page' };
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
  if (!d.next) return { next: null, why: shortEnd(d, recordCount) ?? 'no next link' };
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
  /**
   * The style prints next links (the start page had one): then every page must name its successor,
   * and a page without a next link of its own does not confirm a prediction.
   */
  linked: boolean;
  build(n: number): RequestSpec | null;
};

/**
 * A plan for the concurrent strategy, or null when the chain must be followed link by link:
 * needs a GET page/offset chain, a known total (`totalPages`, or `totalRecords` + `pageSize`) and
 * `pageRequest` able to build the page after the start. `template` is the URL page numbers are set
 * on (default: the detection's own URL).
 */
export function planConcurrent(d: Detection, template?: string): ConcurrentPlan | null {
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
  const shape = template ? { ...d, url: template } : d;
  const build = (n: number) => pageRequest(shape, n);
  if (current < last && !build(current + 1)) return null;
  return { current, last, linked: !!d.links.next, build };
}

/**
 * The successor a page names itself: its next link where the style prints links (a request rebuilt
 * from page numbers is our guess, not the API's word), else its next request (a cursor, an offset
 * the API stated, or page + 1 for styles that print no links at all).
 */
export function ownNext(d: Detection, linked: boolean): RequestSpec | undefined {
  if (d.links.next) return { method: 'GET', url: d.links.next };
  return linked ? undefined : d.next;
}

/** True when both requests are the same after normalising (query order, fragment, method case, body). */
function sameRequest(a: RequestSpec, b: RequestSpec): boolean {
  return requestKey(a) === requestKey(b);
}

/**
 * Whether a served page confirms the prediction for the page after it: its own next equals the
 * predicted request. A page with no next of its own agrees only where the style has no links at all;
 * an undetected page says nothing either way (its records are still the predicted page's).
 */
export function confirms(d: Detection | null, predicted: RequestSpec | null, linked: boolean): boolean {
  if (!d) return true;
  if (!predicted) return false;
  const own = ownNext(d, linked);
  if (!own) return !linked;
  return sameRequest(own, predicted);
}

/**
 * The plan to use from the start page, or null when its own next link disagrees with the page
 * numbers (the crawl then follows the links). When the next link carries more than the first URL
 * (a snapshot or consistency token), the page numbers are built on the link instead, and used only
 * if that reproduces it.
 */
export function confirmedPlan(d: Detection, plan: ConcurrentPlan): ConcurrentPlan | null {
  if (plan.current >= plan.last) return plan;
  if (confirms(d, plan.build(plan.current + 1), plan.linked)) return plan;
  const own = ownNext(d, plan.linked);
  if (!own || own.method !== 'GET' || own.body) return null;
  const onLink = planConcurrent(d, own.url);
  const again = onLink?.build(plan.current + 1);
  return onLink && again && sameRequest(again, own) ? onLink : null;
}

/** Words for the summary and diagnostics when the links and the page numbers disagreed. */
export function disagreement(
  index: number,
  own: RequestSpec | undefined,
  predicted: RequestSpec | null,
): string {
  const said = own ? `its next link is ${own.url}` : 'it gives no next link';
  const guess = predicted ? `the page numbers give ${predicted.url}` : 'the page numbers give none';
  return `links and page numbers disagreed at ${pageLabel(index)}: ${said}, ${guess}; followed the API's links from there, one by one`;
}
