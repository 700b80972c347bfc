/**
 * The chain model (see chain/): group exchanges into chains, order them, predict the pages not
 * fetched yet, and fold crawled pages in. This file only re-exports.
 */
export type { Chain, ChainNode, ChainEdge, ChainNodeState } from './chain/types.ts';
export { buildChains, markCrawled, type ChainItem, type CrawledPageLike } from './chain/build.ts';
export { chainKey, chainTitle, normalizeUrl, COMMON_PAGE_PARAMS } from './chain/key.ts';
export { abbreviateCursor } from './chain/label.ts';
export { MAX_DRAWN_PAGES } from './chain/predict.ts';
