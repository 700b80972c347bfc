/**
 * Feeds the crawler's stored pages into the chain state, live while a crawl runs: the crawl state's
 * `crawledPages` signal says which dataset gained pages; this reads those pages (with their
 * detections) from the dataset store and calls `chain.markChainCrawled`, so predicted nodes turn `crawled`
 * and diagnostics grow. Reads are coalesced (one in flight, one queued), so a fast crawl costs a
 * read per batch of pages, not per page.
 */
import { effect } from '@preact/signals';
import { chainKey } from '../../../core/chain/key.ts';
import type { ChainState, PanelCrawledPage } from '../state/chain-state.ts';
import type { PanelCrawlState } from '../state/crawl-state.ts';
import type { CrawlServices, DatasetStore, StoredPage } from './crawl-service.ts';

/**
 * A page's records as the API sent them. The store keeps each record once, so a page with
 * duplicates holds only its new records; the page's `repeats` say where the skipped ones stood and
 * their ids, which is all the diagnostics need of them (an id-only stand-in takes each place).
 * Undefined when the page cannot be rebuilt (cut by max records, or more repeats than were listed).
 */
async function fullRecords(
  store: Pick<DatasetStore, 'newRecords'>,
  p: StoredPage,
): Promise<unknown[] | undefined> {
  const repeats = p.repeats?.items ?? [];
  if (p.newRecords + repeats.length !== p.recordCount) return undefined;
  const fresh = await store.newRecords(p);
  if (!repeats.length) return fresh;
  const out: unknown[] = [];
  let next = 0;
  for (const { at, id } of repeats) {
    while (out.length < at) out.push(fresh[next++]);
    out.push({ [p.repeats!.idKey]: id });
  }
  while (next < fresh.length) out.push(fresh[next++]);
  return out;
}

/** Starts the link; returns its unsubscribe. Without crawl services (a plain page) it does nothing. */
export function linkCrawledPages(
  chain: Pick<ChainState, 'markChainCrawled'>,
  crawl: Pick<PanelCrawlState, 'crawledPages'>,
  services?: CrawlServices,
): () => void {
  if (!services) return () => {};
  const loaded = new Map<number, number>();
  const records = new Map<string, unknown[] | undefined>();
  const dirty = new Set<number>();
  let busy = false;
  let stopped = false;

  const store = services.datasets;

  async function load(id: number) {
    const stored = await store.pages(id);
    if (!stored.length) return;
    const pages: PanelCrawledPage[] = [];
    for (const p of stored) {
      const at = `${id}:${p.index}`;
      if (!records.has(at)) records.set(at, await fullRecords(store, p));
      const page: PanelCrawledPage = {
        index: p.index,
        url: p.url,
        request: { url: p.request.url },
        detection: p.detection,
        recordCount: p.recordCount,
        status: p.status,
      };
      const r = records.get(at);
      if (r) page.records = r;
      pages.push(page);
    }
    const first = stored[0];
    chain.markChainCrawled(
      chainKey(
        { request: { method: first.request.method, url: first.request.url, headers: [] } },
        first.detection,
      ),
      pages,
    );
  }

  async function drain() {
    if (busy) return;
    busy = true;
    try {
      while (dirty.size && !stopped) {
        const [id] = dirty;
        dirty.delete(id);
        await load(id);
      }
    } catch {
      // The store may be gone (deleted dataset, closed DevTools); nodes simply stay predicted.
    } finally {
      busy = false;
    }
  }

  const dispose = effect(() => {
    for (const [id, refs] of crawl.crawledPages.value) {
      if (loaded.get(id) === refs.length) continue;
      loaded.set(id, refs.length);
      dirty.add(id);
    }
    if (dirty.size) void drain();
  });
  return () => {
    stopped = true;
    dispose();
  };
}
