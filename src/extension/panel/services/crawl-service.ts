/**
 * Runs the core crawl engine from the panel: the same `crawl()` the CLI uses, with the panel's
 * fetch (services/extension-fetch.ts) and the dataset store's sink (store/dataset-store.ts). Before anything else, synchronously
 * inside the user's click: the replay policy (services/replay-policy.ts: GET/HEAD, confirmed POST
 * reads, never PUT/PATCH/DELETE) and the host permission request (browsers show the prompt only during
 * a user gesture; an origin already granted resolves at once). The wait for the prompt's answer ends
 * when the crawl's signal aborts (Cancel). Credential values are kept out of IndexedDB
 * (services/crawl-secrets.ts). Pause is an abort: the checkpoint written with the last page stays in
 * IndexedDB, so a resume — in this panel or after DevTools was closed — goes on from there.
 */
import { crawl } from '../../../core/crawl/engine.ts';
import type { CrawlProgress, CrawlStart, CrawlSummary } from '../../../core/crawl/types.ts';
import { withExactStart } from '../../../core/exact-integers.ts';
import type { Header } from '../../../core/exchange.ts';
import type { Clock, HttpFetch } from '../../../core/ports.ts';
import type { Dataset, DatasetStore } from '../../../store/dataset-store.ts';
import {
  MissingSecretsError,
  missingSecrets,
  redactStart,
  restoreSecrets,
  withoutBlankSecrets,
} from './crawl-secrets.ts';
import { hostPattern, waitForAccess } from './host-access.ts';
import { replayVerdict, type ReplayVerdict } from './replay-policy.ts';

/** The store's shapes, for panel state (which reaches the store only through these services). */
export type { Dataset, DatasetStore, StoredPage } from '../../../store/dataset-store.ts';

/** What the crawl needs from the outside world; main.tsx wires the browser, tests pass fakes. */
export type CrawlServices = {
  /** The crawl store: datasets to list, export, resume; the crawl's writes. */
  datasets: DatasetStore;
  /** `permissions.request({ origins: [pattern] })`: true when granted. Called inside the click. */
  requestHostPermission(pattern: string): Promise<boolean>;
  /** `permissions.contains`: true when the crawl can fetch `pattern` without asking. */
  hasHostPermission?(pattern: string): Promise<boolean>;
  /** Calls `cb` when host permissions change anywhere (prompt, extensions menu); returns unsubscribe. */
  onHostPermissionChange?(cb: () => void): () => void;
  /** False where match patterns cannot carry a port (Firefox). @default true */
  portsInPatterns?: boolean;
  createFetch(credentialOrigin: string): HttpFetch;
  clock: Clock;
  /** Saves an export (a Blob behind `<a download>`). */
  saveBlob(blob: Blob, name: string): void;
};

/** Limits from the panel's inputs; undefined = none. */
export type CrawlLimits = { maxPages?: number; maxRecords?: number; delayMs?: number };

/** A page written to the store, for the chain view (nodes turn `crawled`). */
export type StoredPageRef = { datasetId: number; index: number; url: string };

export type CrawlHooks = {
  /** The browser's answer is awaited (the prompt may be up); `origin` is what access is asked for. */
  onWaitingForAccess?(origin: string): void;
  /** Access is there: the crawl proper begins. */
  onAccess?(): void;
  /** The start the crawl runs from (the stored one on resume), before the first page is fetched. */
  onStart?(start: CrawlStart): void;
  /** The dataset exists; `secrets` are the credential values kept out of it, for later resumes. */
  onDataset?(id: number, secrets?: Header[]): void;
  onProgress?(p: CrawlProgress): void;
  onPage?(ref: StoredPageRef): void;
};

export type CrawlOutcome = { datasetId: number; summary: CrawlSummary; dataset?: Dataset };

/** Thrown when the request must not, or not yet, be replayed (replay-policy.ts). */
export class ReplayRefusedError extends Error {
  constructor(readonly verdict: Exclude<ReplayVerdict, { verdict: 'ok' }>) {
    super(verdict.reason);
    this.name = 'ReplayRefusedError';
  }
}

/** Options of a start or resume beyond the limits. */
export type CrawlOptions = {
  /** The user confirmed replaying a read-shaped POST. */
  confirmedPost?: boolean;
  /** Credential values for a resume (from memory, or typed by the user). */
  secrets?: Header[];
  /** Resume even though credential values are missing (sent without them). */
  withoutSecrets?: boolean;
};

/** Synchronous checks, then the permission request — all before the first await (inside the click). */
function gate(
  services: CrawlServices,
  req: { method: string; url: string; body?: string },
  style: string | undefined,
  opts: CrawlOptions,
  signal: AbortSignal,
  hooks: CrawlHooks,
): Promise<void> {
  const verdict = replayVerdict(req, style);
  if (verdict.verdict === 'refuse' || (verdict.verdict === 'confirm' && !opts.confirmedPost))
    return Promise.reject(new ReplayRefusedError(verdict));
  const pattern = hostPattern(req.url, services.portsInPatterns ?? true);
  const waiting = waitForAccess(req.url, () => services.requestHostPermission(pattern), signal);
  hooks.onWaitingForAccess?.(new URL(req.url).origin);
  return waiting.then(() => hooks.onAccess?.());
}

async function run(
  services: CrawlServices,
  datasetId: number,
  start: CrawlStart,
  limits: CrawlLimits,
  signal: AbortSignal,
  hooks: CrawlHooks,
  resume?: CrawlSummary['checkpoint'],
): Promise<CrawlOutcome> {
  const inner = services.datasets.sink(datasetId);
  const sink = {
    async writePage(...args: Parameters<typeof inner.writePage>) {
      await inner.writePage(...args);
      hooks.onPage?.({ datasetId, index: args[0].index, url: args[0].url });
    },
  };
  hooks.onStart?.(start);
  const summary = await crawl(withoutBlankSecrets(start), {
    fetch: services.createFetch(new URL(start.exchange.request.url).origin),
    clock: services.clock,
    sink,
    signal,
    resume,
    ...limits,
    onProgress: hooks.onProgress,
  });
  const dataset = await services.datasets.finish(datasetId, summary);
  return { datasetId, summary, dataset };
}

/**
 * Crawls the chain `start` begins into a new dataset. Call it straight from the click handler:
 * the policy check and the permission request go out before anything is awaited. The captured first
 * page's integers beyond 2^53 are quoted like every fetched page's (see extension-fetch.ts), before it
 * is stored; its credential header values are not stored (crawl-secrets.ts) but handed to `onDataset`.
 */
export async function startCrawl(
  services: CrawlServices,
  captured: CrawlStart,
  limits: CrawlLimits,
  signal: AbortSignal,
  hooks: CrawlHooks = {},
  opts: CrawlOptions = {},
): Promise<CrawlOutcome> {
  const { method, url, postData } = captured.exchange.request;
  await gate(services, { method, url, body: postData?.text }, captured.detection.style, opts, signal, hooks);
  const start = withExactStart(captured);
  const { stored, secrets } = redactStart(start);
  const datasetId = await services.datasets.create(stored);
  hooks.onDataset?.(datasetId, secrets);
  return run(services, datasetId, start, limits, signal, hooks);
}

/**
 * Continues a dataset from its stored checkpoint (from its start page when none was written yet).
 * Credential values come from `opts.secrets`; when some are missing it rejects with a
 * MissingSecretsError (before asking for access) unless `opts.withoutSecrets`.
 */
export async function resumeCrawl(
  services: CrawlServices,
  dataset: Pick<Dataset, 'id' | 'source' | 'style'>,
  limits: CrawlLimits,
  signal: AbortSignal,
  hooks: CrawlHooks = {},
  opts: CrawlOptions = {},
): Promise<CrawlOutcome> {
  const missing = opts.withoutSecrets ? [] : missingSecrets(dataset.source.headers, opts.secrets);
  if (missing.length) throw new MissingSecretsError(missing);
  await gate(services, dataset.source, dataset.style, opts, signal, hooks);
  const [stored, checkpoint] = await Promise.all([
    services.datasets.start(dataset.id),
    services.datasets.checkpoint(dataset.id),
  ]);
  if (!stored) throw new Error(`Dataset ${dataset.id} has no stored start page; it cannot be resumed.`);
  await services.datasets.markRunning(dataset.id);
  hooks.onDataset?.(dataset.id, opts.secrets);
  return run(
    services,
    dataset.id,
    restoreSecrets(stored, opts.secrets ?? []),
    limits,
    signal,
    hooks,
    checkpoint,
  );
}
