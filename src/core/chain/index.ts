/**
 * The chain folder's public surface: group exchanges into chains, order them, predict the pages not
 * fetched yet, and fold crawled pages in. This file only re-exports.
 */
export type { Chain, ChainNode, ChainEdge, ChainNodeState } from './types.ts';
export { buildChains, markCrawled, type ChainItem, type ChainCrawledPage } from './build.ts';
export { chainKey, chainTitle, normalizeUrl, COMMON_PAGE_PARAMS } from './key.ts';
export { abbreviateCursor } from './label.ts';
export { MAX_DRAWN_PAGES } from './predict.ts';
