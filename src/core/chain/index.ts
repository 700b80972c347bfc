/**
 * The chain folder's public surface: group exchanges into chains, order them, predict the pages not
 * fetched yet, and fold crawled pages in. This file only re-exports.
 */
export type { Chain } from './types.ts';
export { buildChains, markCrawled, type ChainItem, type ChainCrawledPage } from './build.ts';
export { chainKey } from './key.ts';
