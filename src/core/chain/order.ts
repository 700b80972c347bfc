/**
 * Ordering fetched pages: by page number, by offset, or by following next links/cursors. The chain's
 * drawn nodes (layout.ts) and a chain's requests for diagnose (orderRequests) are ordered here.
 */
import type { Detection, PageParams } from '../detect/types.ts';
import type { Exchange } from '../exchange.ts';
import { normalizeUrl } from './key.ts';
import { nextUrlOf, positionFromUrl, type KnownPage } from './known-page.ts';
import type { OrderMode } from './label.ts';

/**
 * Page numbers order a chain only when they tell pages apart. Cursor APIs that always answer
 * `page: 1` (documented by some helpdesk APIs) must be ordered by their cursors instead: there two
 * pages of one number carry different cursors, or a page's next link leads to a page of the same
 * number. A cursor that rides along with the page number (Laravel's `?cursor=…&page=3`, a snapshot
 * token, new on every response) is no such sign: a page captured as `?page=2` and the same page
 * crawled through its link `?cursor=…&page=2` are one page.
 */
function distinguishes(pages: KnownPage[], field: 'page' | 'offset'): boolean {
  if (!pages.every((p) => p[field] !== undefined)) return false;
  const cursorByValue = new Map<number, string>();
  const valueByUrl = new Map<string, number>();
  for (const p of pages) {
    const v = p[field]!;
    valueByUrl.set(normalizeUrl(p.url), v);
    if (p.cursor === undefined) continue;
    const had = cursorByValue.get(v);
    if (had !== undefined && had !== p.cursor) return false;
    cursorByValue.set(v, p.cursor);
  }
  return !pages.some((p) => p.next !== undefined && valueByUrl.get(normalizeUrl(p.next)) === p[field]);
}

/** The ordering this chain's pages support. */
export function chooseMode(pages: KnownPage[]): OrderMode {
  if (pages.length && distinguishes(pages, 'page')) return 'page';
  if (pages.length && distinguishes(pages, 'offset')) return 'offset';
  return 'links';
}

/**
 * Orders pages (already one per id) by walking next links from each page nothing points to, in
 * capture order; pages on a cycle or not reachable are walked after, so nothing is dropped.
 */
export function orderByLinks(pages: KnownPage[]): KnownPage[] {
  const byUrl = new Map<string, number>();
  pages.forEach((p, i) => {
    if (!byUrl.has(normalizeUrl(p.url))) byUrl.set(normalizeUrl(p.url), i);
  });
  const target = pages.map((p) => (p.next ? byUrl.get(normalizeUrl(p.next)) : undefined));
  const pointedAt = new Set(target.filter((t): t is number => t !== undefined));
  const done = new Set<number>();
  const out: KnownPage[] = [];
  const walk = (start: number) => {
    for (let i: number | undefined = start; i !== undefined && !done.has(i); i = target[i]) {
      done.add(i);
      out.push(pages[i]);
    }
  };
  pages.forEach((_, i) => {
    if (!pointedAt.has(i)) walk(i);
  });
  pages.forEach((_, i) => walk(i));
  return out;
}

/** Pages sorted by page number or offset (stable, so captures of one page keep their order). */
export function orderByNumber(pages: KnownPage[], field: 'page' | 'offset'): KnownPage[] {
  return [...pages].sort((a, b) => a[field]! - b[field]!);
}

/**
 * A chain's requests (one per URL) in chain order, by what each asked for (its URL), not what the
 * body claims: a server that clamps `page=6` to page 5 must show up as a sixth request, where the
 * drawn chain (layout.ts) merges it into node 5. A request without a detection (an end or error
 * page) is placed by its URL alone.
 */
export function orderRequests<T extends { exchange: Exchange; detection: Detection | null }>(
  requests: readonly T[],
  params: PageParams,
): T[] {
  const base = params.pageBase ?? 1;
  const known = requests.map((m, i): KnownPage & { i: number } => {
    const url = m.exchange.request.url;
    const pos = positionFromUrl(url, params);
    const d = m.detection;
    return {
      i,
      url,
      page: pos.page ?? (params.page && !pos.cursor ? base : undefined),
      offset: pos.offset ?? (params.offset && !pos.cursor ? 0 : undefined),
      cursor: pos.cursor,
      next: nextUrlOf(d),
      ended: !d?.next,
      state: 'seen',
    };
  });
  const mode = chooseMode(known);
  const sorted = mode === 'links' ? orderByLinks(known) : orderByNumber(known, mode);
  return (sorted as (KnownPage & { i: number })[]).map((k) => requests[k.i]);
}
