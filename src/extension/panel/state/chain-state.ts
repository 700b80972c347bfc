/**
 * The chain sub-store: the chain of the selected request and its diagnostics. Core's chainsWithPages
 * turns the captured pages of its endpoint (each detected once, on arrival) into the chain and its
 * ordered diagnose pages in one pass; crawled pages are folded into the chain by markCrawled and
 * appended to the pages (chain-pages.ts); core's diagnose reads the pages. Every step is a computed
 * that depends only on the selected chain's own pages, so typing in the filter over 10 000 requests
 * recomputes nothing here, and a new page of this chain (captured or crawled) updates it live.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { markCrawled, type Chain, type ChainCrawledPage } from '../../../core/chain/index.ts';
import {
  chainsWithPages,
  diagnose,
  type ChainPages,
  type DiagnosePage,
  type Finding,
} from '../../../core/diagnose/index.ts';
import { chainCrawlFinding, type CrawlOutcomeLike } from '../lib/crawl-findings.ts';
import { countBySeverity, markNodes, type NodeMark, type SeverityCounts } from '../lib/finding-marks.ts';
import { chainCrawlStart } from './chain-crawl-start.ts';
import { mergeCrawledPages, type PanelCrawledPage } from './chain-pages.ts';
import { createChainGrouper, itemChainKey, type ChainGroups } from './chain-groups.ts';
import type { CapturedItem } from './captured-item.ts';

export type { PanelCrawledPage } from './chain-pages.ts';
export type ChainState = ReturnType<typeof createChainState>;

export type ChainDiagnostics = {
  /** The pages diagnosed, in chain order (finding evidence `pages` index into this, 1-based). */
  pages: DiagnosePage[];
  findings: Finding[];
  counts: SeverityCounts;
  /** Node id → the findings naming it. */
  marks: Map<string, NodeMark>;
};

/**
 * @param crawls the stored crawls (Datasets): the newest one started from the selected chain adds
 *   what it found (a loop, an error) to the chain's findings. @default none
 */
export function createChainState(
  items: ReadonlySignal<readonly CapturedItem[]>,
  selected: ReadonlySignal<CapturedItem | undefined>,
  crawls?: ReadonlySignal<readonly CrawlOutcomeLike[]>,
) {
  const grouper = createChainGrouper();
  const groups = computed<ChainGroups>(() => grouper(items.value));
  /** Pages the crawler fetched, per chain key (see markChainCrawled). */
  const crawled = signal<ReadonlyMap<string, readonly PanelCrawledPage[]>>(new Map());

  /** The chain key of the selected request; null when it is not paginated. */
  const selectedKey = computed(() => (selected.value ? itemChainKey(selected.value) : null));
  /** The captured pages of the selected chain, in capture order (a stable array while they do not change). */
  const members = computed(() => (selectedKey.value ? (groups.value.get(selectedKey.value) ?? []) : []));
  const crawledPages = computed(() => (selectedKey.value ? crawled.value.get(selectedKey.value) : undefined));

  /**
   * The captured pages as one chain (captured nodes `seen`, their exchangeId = the item id) and as
   * diagnose pages in chain order: one grouping, detections as captured; rebuilt only when the members change.
   */
  const seen = computed<ChainPages | null>(() => {
    const list = members.value;
    if (!list.length) return null;
    return (
      chainsWithPages(
        list.map((it) => ({ exchange: { ...it.exchange, id: it.id }, detection: it.detection })),
      )[0] ?? null
    );
  });

  /** The selected chain, crawled pages folded in (`crawled` nodes). */
  const chain = computed<Chain | null>(() => {
    const built = seen.value?.chain;
    const more = crawledPages.value;
    return built && more?.length ? markCrawled(built, more as readonly ChainCrawledPage[]) : (built ?? null);
  });

  /** Where the Chain tab's crawl button starts (see chain-crawl-start.ts); null when it cannot. */
  const crawlStart = computed(() => chainCrawlStart(chain.value, members.value));

  const diagnostics = computed<ChainDiagnostics | null>(() => {
    const c = chain.value;
    if (!c) return null;
    const pages = mergeCrawledPages(seen.value?.pages ?? [], crawledPages.value ?? []);
    let findings: Finding[];
    try {
      findings = diagnose(pages);
    } catch {
      findings = []; // diagnose() shields each rule; this only guards the panel against the unexpected
    }
    // What the chain's crawl found is a finding too (its looping page is never stored for the rules).
    const fromCrawl = crawls
      ? chainCrawlFinding(
          crawls.value,
          members.value.map((it) => it.exchange.request),
        )
      : null;
    if (fromCrawl) findings = [fromCrawl, ...findings];
    return { pages, findings, counts: countBySeverity(findings), marks: markNodes(c.nodes, pages, findings) };
  });

  return {
    groups,
    selectedKey,
    chain,
    crawlStart,
    diagnostics,
    crawled,
    /**
     * Folds pages the crawler fetched into chain `chainKey` (replacing what was given before): nodes
     * turn `crawled` and, for pages that carry their full `records`, diagnostics include them.
     */
    markChainCrawled(chainKey: string, pages: readonly PanelCrawledPage[]) {
      const map = new Map(crawled.value);
      if (pages.length) map.set(chainKey, pages);
      else map.delete(chainKey);
      crawled.value = map;
    },
  };
}
