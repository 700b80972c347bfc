/**
 * Where the Chain tab's "Crawl remaining pages" starts. Link and cursor chains can only be followed
 * forward, so the crawl starts at the last page seen in chain order and fetches what comes after
 * it. Numbered pages with a known total are fetched concurrently from the start page's number
 * onwards (core/crawl/strategies.ts `planConcurrent`), so there the crawl starts at the first seen
 * page: one dataset then holds the whole chain, pages between seen ones included.
 */
import type { Chain } from '../../../core/chain/types.ts';
import { planConcurrent } from '../../../core/crawl/strategies.ts';
import type { CrawlStart } from '../../../core/crawl/types.ts';
import type { CapturedItem } from './captured-item.ts';

/** The crawl start for `chain`, from its captured `members`; null when no seen page has a detection. */
export function chainCrawlStart(chain: Chain | null, members: readonly CapturedItem[]): CrawlStart | null {
  if (!chain) return null;
  const byId = new Map(members.map((it) => [it.id, it]));
  const seen: CrawlStart[] = [];
  for (const n of chain.nodes) {
    const it = n.state === 'seen' && n.exchangeId ? byId.get(n.exchangeId) : undefined;
    if (it?.detection) seen.push({ exchange: it.exchange, detection: it.detection });
  }
  if (!seen.length) return null;
  return planConcurrent(seen[0].detection) ? seen[0] : seen[seen.length - 1];
}
