/**
 * The crawl sub-store: one crawl at a time, its progress and outcome, the limit inputs, and which
 * pages each dataset has stored (`crawledPages`, read by the chain view to mark nodes crawled).
 * The work itself is services/crawl-service.ts; this file only keeps signals in step with it.
 */
import { computed, signal } from '@preact/signals';
import type { CrawlProgress, CrawlStart, CrawlSummary } from '../../../core/crawl/types.ts';
import { listPages, patchDataset, type Dataset } from '../../../store/idb-store.ts';
import {
  resumeCrawl,
  startCrawl,
  type CrawledRef,
  type CrawlLimits,
  type CrawlOutcome,
  type CrawlServices,
} from '../services/crawl-service.ts';

export type CrawlState = ReturnType<typeof createCrawlState>;
/** idle: nothing yet; the others match a dataset's status. */
export type CrawlPhase = 'idle' | 'running' | 'paused' | 'done' | 'stopped';

const num = (text: string): number | undefined => {
  const n = Number(text.trim());
  return text.trim() && Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** @param onDatasetChange called when a dataset row changed (created, finished), so lists refresh. */
export function createCrawlState(
  services: CrawlServices | undefined,
  onDatasetChange: () => void = () => {},
) {
  /** The limit inputs, as typed (empty = no limit). */
  const limits = { maxPages: signal(''), maxRecords: signal(''), delayMs: signal('') };
  const phase = signal<CrawlPhase>('idle');
  /** The dataset the current (or last) crawl writes to. */
  const datasetId = signal<number | null>(null);
  const startUrl = signal<string | null>(null);
  const progress = signal<CrawlProgress | null>(null);
  const summary = signal<CrawlSummary | null>(null);
  /** Why a crawl could not run at all (no permission, store unavailable). */
  const error = signal<string | null>(null);
  /** Stored pages per dataset id, in write order: filled as pages are written and by `loadPages`. */
  const crawledPages = signal<ReadonlyMap<number, readonly CrawledRef[]>>(new Map());
  /** Every stored page URL of every dataset known to this panel: `crawledUrls.value.has(node.url)`. */
  const crawledUrls = computed(
    () => new Set([...crawledPages.value.values()].flatMap((l) => l.map((r) => r.url))),
  );
  let controller: AbortController | null = null;
  let cancelled = false;

  const readLimits = (): CrawlLimits => ({
    maxPages: num(limits.maxPages.value),
    maxRecords: num(limits.maxRecords.value),
    delayMs: num(limits.delayMs.value),
  });

  function addPage(ref: CrawledRef) {
    const map = new Map(crawledPages.value);
    map.set(ref.datasetId, [...(map.get(ref.datasetId) ?? []).filter((r) => r.index !== ref.index), ref]);
    crawledPages.value = map;
  }

  const hooks = {
    onDataset(id: number) {
      datasetId.value = id;
      onDatasetChange();
    },
    onProgress: (p: CrawlProgress) => (progress.value = p),
    onPage: addPage,
  };

  async function drive(begin: (signal: AbortSignal) => Promise<CrawlOutcome>) {
    if (!services)
      return void (error.value = 'Crawling needs the extension (no crawl services in this page).');
    controller = new AbortController();
    cancelled = false;
    phase.value = 'running';
    error.value = null;
    summary.value = null;
    progress.value = null;
    try {
      const out = await begin(controller.signal);
      summary.value = out.summary;
      const reason = out.summary.stoppedReason;
      if (cancelled && reason === 'aborted') {
        const db = await services.openDb();
        await patchDataset(db, out.datasetId, {
          status: 'stopped',
          detail: 'cancelled by the user',
          more: false,
        });
      }
      phase.value = reason === 'done' ? 'done' : reason === 'aborted' && !cancelled ? 'paused' : 'stopped';
    } catch (e) {
      error.value = (e as Error).message;
      phase.value = 'stopped';
    } finally {
      controller = null;
      onDatasetChange();
    }
  }

  const actions = {
    /** Crawls the rest of the chain `start` begins. Call from the click: it asks for host access first. */
    start(start: CrawlStart) {
      if (controller) return;
      startUrl.value = start.exchange.request.url;
      datasetId.value = null;
      return drive((signal) => startCrawl(services!, start, readLimits(), signal, hooks));
    },
    /** Continues a paused or interrupted dataset from its stored checkpoint. */
    resume(dataset: Pick<Dataset, 'id' | 'source'>) {
      if (controller) return;
      startUrl.value = dataset.source.url;
      datasetId.value = dataset.id;
      return drive((signal) => resumeCrawl(services!, dataset, readLimits(), signal, hooks));
    },
    /** Stops after the page in flight; the checkpoint stays, so Resume goes on. */
    pause() {
      controller?.abort();
    },
    /** Stops for good: the records stay, no Resume is offered. */
    async cancel() {
      cancelled = true;
      if (controller) return controller.abort();
      const id = datasetId.value;
      if (services && id !== null && phase.value === 'paused') {
        await patchDataset(await services.openDb(), id, {
          status: 'stopped',
          detail: 'cancelled by the user',
          more: false,
        });
        phase.value = 'stopped';
        onDatasetChange();
      }
    },
    /** Loads a stored dataset's pages into `crawledPages` (for a chain shown after a reopen). */
    async loadPages(id: number) {
      if (!services) return;
      const pages = await listPages(await services.openDb(), id);
      const map = new Map(crawledPages.value);
      map.set(
        id,
        pages.map((p) => ({ datasetId: id, index: p.index, url: p.url })),
      );
      crawledPages.value = map;
    },
  };

  const running = computed(() => phase.value === 'running');
  return {
    limits,
    phase,
    running,
    datasetId,
    startUrl,
    progress,
    summary,
    error,
    crawledPages,
    crawledUrls,
    actions,
  };
}
