/**
 * Runs the core crawl engine from the panel: the same `crawl()` the CLI uses, with the panel's
 * fetch (services/extension-fetch.ts) and the IndexedDB sink. Host permission is asked for first,
 * synchronously inside the user's click (browsers only show the prompt during a user gesture; an
 * origin already granted resolves at once). Pause is an abort: the checkpoint written with the last
 * page stays in IndexedDB, so a resume — in this panel or after DevTools was closed — goes on from there.
 */
import { crawl } from '../../../core/crawl/engine.ts';
import type { CrawlProgress, CrawlStart, CrawlSummary } from '../../../core/crawl/types.ts';
import { withExactStart } from '../../../core/exact-integers.ts';
import type { Clock, HttpFetch } from '../../../core/ports.ts';
import {
  createDataset,
  createIdbSink,
  finishDataset,
  getCheckpoint,
  getCrawlStart,
  markRunning,
  type Dataset,
  type PagescopeIdb,
} from '../../../store/idb-store.ts';

/** What the crawl needs from the outside world; main.tsx wires the browser, tests pass fakes. */
export type CrawlServices = {
  openDb(): Promise<PagescopeIdb>;
  /** `permissions.request({ origins: [pattern] })`: true when granted. Called inside the click. */
  requestHostPermission(pattern: string): Promise<boolean>;
  createFetch(credentialOrigin: string): HttpFetch;
  clock: Clock;
  /** Saves an export (a Blob behind `<a download>`). */
  saveBlob(blob: Blob, name: string): void;
};

/** Limits from the panel's inputs; undefined = none. */
export type CrawlLimits = { maxPages?: number; maxRecords?: number; delayMs?: number };

/** A page written to the store, for the chain view (nodes turn `crawled`). */
export type CrawledRef = { datasetId: number; index: number; url: string };

export type CrawlHooks = {
  onDataset?(id: number): void;
  onProgress?(p: CrawlProgress): void;
  onPage?(ref: CrawledRef): void;
};

export type CrawlOutcome = { datasetId: number; summary: CrawlSummary; dataset?: Dataset };

/** Host match pattern for a URL. No port: Firefox rejects ports in patterns; Chrome matches every port. */
export function hostPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** The browser clock: epoch ms and abortable timers. */
export const browserClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const t = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      const onAbort = () => {
        clearTimeout(t);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

async function ask(services: CrawlServices, url: string, asked: Promise<boolean>): Promise<void> {
  let granted: boolean;
  try {
    granted = await asked;
  } catch (e) {
    throw new Error(`Could not ask for access to ${new URL(url).host}: ${(e as Error).message}`);
  }
  if (!granted)
    throw new Error(`Access to ${new URL(url).host} was not granted; the crawl needs it to fetch the pages.`);
}

async function run(
  services: CrawlServices,
  db: PagescopeIdb,
  datasetId: number,
  start: CrawlStart,
  limits: CrawlLimits,
  signal: AbortSignal,
  hooks: CrawlHooks,
  resume?: CrawlSummary['checkpoint'],
): Promise<CrawlOutcome> {
  const inner = createIdbSink(db, datasetId);
  const sink = {
    async writePage(...args: Parameters<typeof inner.writePage>) {
      await inner.writePage(...args);
      hooks.onPage?.({ datasetId, index: args[0].index, url: args[0].url });
    },
  };
  const summary = await crawl(start, {
    fetch: services.createFetch(new URL(start.exchange.request.url).origin),
    clock: services.clock,
    sink,
    signal,
    resume,
    ...limits,
    onProgress: hooks.onProgress,
  });
  const dataset = await finishDataset(db, datasetId, summary);
  return { datasetId, summary, dataset };
}

/**
 * Crawls the chain `start` begins into a new dataset. Call it straight from the click handler:
 * the permission request goes out before anything is awaited. The captured first page's integers
 * beyond 2^53 are quoted like every fetched page's (see extension-fetch.ts), before it is stored.
 */
export async function startCrawl(
  services: CrawlServices,
  captured: CrawlStart,
  limits: CrawlLimits,
  signal: AbortSignal,
  hooks: CrawlHooks = {},
): Promise<CrawlOutcome> {
  const url = captured.exchange.request.url;
  const asked = services.requestHostPermission(hostPattern(url));
  await ask(services, url, asked);
  const start = withExactStart(captured);
  const db = await services.openDb();
  const datasetId = await createDataset(db, start);
  hooks.onDataset?.(datasetId);
  return run(services, db, datasetId, start, limits, signal, hooks);
}

/** Continues a dataset from its stored checkpoint (from its start page when none was written yet). */
export async function resumeCrawl(
  services: CrawlServices,
  dataset: Pick<Dataset, 'id' | 'source'>,
  limits: CrawlLimits,
  signal: AbortSignal,
  hooks: CrawlHooks = {},
): Promise<CrawlOutcome> {
  const asked = services.requestHostPermission(hostPattern(dataset.source.url));
  await ask(services, dataset.source.url, asked);
  const db = await services.openDb();
  const [start, checkpoint] = await Promise.all([
    getCrawlStart(db, dataset.id),
    getCheckpoint(db, dataset.id),
  ]);
  if (!start) throw new Error(`Dataset ${dataset.id} has no stored start page; it cannot be resumed.`);
  await markRunning(db, dataset.id);
  hooks.onDataset?.(dataset.id);
  return run(services, db, dataset.id, start, limits, signal, hooks, checkpoint);
}
