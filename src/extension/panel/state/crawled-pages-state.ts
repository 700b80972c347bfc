/**
 * Which pages each dataset has stored, for the chain view to mark its nodes crawled: filled as a
 * crawl writes pages, and from the store for a chain shown after a reopen.
 */
import { computed, signal } from '@preact/signals';
import type { CrawlServices, StoredPageRef } from '../services/crawl-service.ts';

export function createCrawledPagesState(services: CrawlServices | undefined) {
  /** Stored pages per dataset id, in write order: filled as pages are written and by `load`. */
  const crawledPages = signal<ReadonlyMap<number, readonly StoredPageRef[]>>(new Map());
  /** Every stored page URL of every dataset known to this panel: `crawledUrls.value.has(node.url)`. */
  const crawledUrls = computed(
    () => new Set([...crawledPages.value.values()].flatMap((l) => l.map((r) => r.url))),
  );
  return {
    crawledPages,
    crawledUrls,
    /** A page the crawl wrote (a page written again replaces its earlier ref). */
    add(ref: StoredPageRef) {
      const map = new Map(crawledPages.value);
      map.set(ref.datasetId, [...(map.get(ref.datasetId) ?? []).filter((r) => r.index !== ref.index), ref]);
      crawledPages.value = map;
    },
    /** Loads a stored dataset's pages (for a chain shown after a reopen). */
    async load(id: number) {
      if (!services) return;
      const pages = await services.datasets.pages(id);
      const map = new Map(crawledPages.value);
      map.set(
        id,
        pages.map((p) => ({ datasetId: id, index: p.index, url: p.url })),
      );
      crawledPages.value = map;
    },
  };
}
