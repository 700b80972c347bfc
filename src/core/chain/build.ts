/**
 * buildChains: groups captured exchanges into chains (one per endpoint + filters) and lays each out;
 * markCrawled: folds the crawler's pages into a chain, turning predicted nodes into crawled ones.
 */
import type { Exchange } from '../exchange.ts';
import type { Detection } from '../detect/types.ts';
import { chainKey, chainTitle } from './key.ts';
import { knownFromDetection, knownFromNode, type KnownPage } from './known-page.ts';
import { layoutChain, type ChainMeta } from './layout.ts';
import type { Chain } from './types.ts';

export type ChainItem = { exchange: Exchange; detection: Detection };

/** What markCrawled reads of a crawled page (the crawl engine's CrawledPage fits). */
export type ChainCrawledPage = {
  url: string;
  request?: { url: string };
  detection: Detection | null;
  recordCount: number;
};

/** Totals and size: the latest page that states them wins, since totals can change during a capture. */
function metaOf(key: string, detections: Detection[], base?: ChainMeta): ChainMeta {
  const first = detections[0];
  const meta: ChainMeta = base
    ? { ...base, params: { ...base.params } }
    : {
        key,
        title: chainTitle(first.method, first.url),
        method: first.method.toUpperCase(),
        style: first.style,
        kind: first.kind,
        params: { ...first.params },
      };
  for (const d of detections) {
    if (d.pageSize !== undefined) meta.pageSize = d.pageSize;
    if (d.totalRecords !== undefined) meta.totalRecords = d.totalRecords;
    if (d.totalPages !== undefined) meta.totalPages = d.totalPages;
    for (const k of ['page', 'size', 'offset', 'cursor', 'pageBase'] as const) {
      if (meta.params[k] === undefined && d.params[k] !== undefined)
        (meta.params as Record<string, unknown>)[k] = d.params[k];
    }
  }
  return meta;
}

/**
 * Groups exchanges with their detections into chains, in order of each chain's first capture.
 * Pages of one endpoint share a chain whatever their page/offset/cursor; different filters do not.
 */
export function buildChains(items: readonly ChainItem[]): Chain[] {
  const groups = new Map<string, ChainItem[]>();
  for (const item of items) {
    const key = chainKey(item.exchange, item.detection);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(item);
  }
  return [...groups].map(([key, group]) => {
    const meta = metaOf(
      key,
      group.map((g) => g.detection),
    );
    const pages: KnownPage[] = group.map((g) =>
      knownFromDetection(g.exchange.request.url, withParams(g.detection, meta), 'seen', g.exchange.id),
    );
    return layoutChain(meta, pages);
  });
}

/** A page's detection may not have inferred a parameter another page of the chain did. */
function withParams(d: Detection, meta: ChainMeta): Detection {
  return { ...d, params: { ...meta.params, ...d.params } };
}

/**
 * The chain with the crawler's pages folded in: predicted nodes they match become `crawled`, pages
 * not drawn yet are added in order, and predictions move on past them. Seen nodes stay `seen`.
 * Pages without a detection are skipped (nothing says where they sit).
 */
export function markCrawled(chain: Chain, pages: readonly ChainCrawledPage[]): Chain {
  const withDetection = pages.filter(
    (p): p is ChainCrawledPage & { detection: Detection } => p.detection !== null,
  );
  const meta = metaOf(
    chain.key,
    withDetection.map((p) => p.detection),
    chainMeta(chain),
  );
  const known = chain.nodes.map(knownFromNode).filter((k): k is KnownPage => k !== null);
  for (const p of withDetection) {
    const k = knownFromDetection(p.request?.url ?? p.url, withParams(p.detection, meta), 'crawled');
    k.recordCount = p.recordCount;
    known.push(k);
  }
  return layoutChain(meta, known);
}

function chainMeta(chain: Chain): ChainMeta {
  const { nodes: _n, edges: _e, ...meta } = chain;
  return meta;
}
