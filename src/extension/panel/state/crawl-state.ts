/**
 * The crawl sub-store: one crawl at a time, its progress and outcome. Inside it: the limit inputs
 * (crawl-limits.ts), host access (crawl-access-state.ts), and which pages each dataset has stored
 * (crawled-pages-state.ts, read by the chain view to mark nodes crawled).
 * The work itself is services/crawl-service.ts; this file only keeps signals in step with it.
 *
 * Before a crawl fetches anything it may wait: for the browser's permission prompt (`waiting`), for
 * the user to confirm a read-shaped POST (`confirm`), or for credential values a resume needs
 * (`secrets`). Each of those ends with Cancel. A crawl's status belongs to its chain (`key`), so
 * another endpoint's view does not show it. Credential values stay in memory (`secrets` per dataset).
 */
import { computed, signal } from '@preact/signals';
import { chainKey } from '../../../core/chain/key.ts';
import type { CrawlProgress, CrawlStart, CrawlSummary } from '../../../core/crawl/types.ts';
import type { Header } from '../../../core/exchange.ts';
import { MissingSecretsError, redactStart } from '../services/crawl-secrets.ts';
import {
  ReplayRefusedError,
  resumeCrawl,
  startCrawl,
  type CrawlOptions,
  type CrawlOutcome,
  type CrawlServices,
  type Dataset,
} from '../services/crawl-service.ts';
import { AccessError } from '../services/host-access.ts';
import { createCrawlAccessState } from './crawl-access-state.ts';
import { createCrawlLimits } from './crawl-limits.ts';
import { createCrawledPagesState } from './crawled-pages-state.ts';

export type PanelCrawlState = ReturnType<typeof createPanelCrawlState>;
/**
 * idle: nothing yet; waiting: for host access; confirm: a POST awaits the user's yes; secrets: a
 * resume awaits credential values; the others match a dataset's status.
 */
export type CrawlPhase =
  'idle' | 'waiting' | 'confirm' | 'secrets' | 'running' | 'paused' | 'done' | 'stopped';

/** The dataset fields a resume needs. */
export type ResumeSource = Pick<Dataset, 'id' | 'source' | 'style'>;

/** What a crawl waits on before it can begin, with the way to go on. */
export type CrawlAsk =
  { kind: 'confirm'; reason: string } | { kind: 'secrets'; names: string[]; message: string };

/** The chain key a crawl start belongs to (the same key the chain view uses). */
export const startKey = (start: CrawlStart) => chainKey(start.exchange, start.detection);

/** @param onDatasetChange called when a dataset row changed (created, finished), so lists refresh. */
export function createPanelCrawlState(
  services: CrawlServices | undefined,
  onDatasetChange: () => void = () => {},
) {
  const limits = createCrawlLimits();
  const phase = signal<CrawlPhase>('idle');
  /** The chain the current (or last) crawl belongs to; null when unknown (a resume not yet read). */
  const key = signal<string | null>(null);
  /** The dataset the current (or last) crawl writes to. */
  const datasetId = signal<number | null>(null);
  const startUrl = signal<string | null>(null);
  /** The dataset fields to resume the current (or last) crawl with. */
  const source = signal<ResumeSource | null>(null);
  const progress = signal<CrawlProgress | null>(null);
  const summary = signal<CrawlSummary | null>(null);
  /** Why a crawl could not run at all (no permission, refused method, store unavailable). */
  const error = signal<string | null>(null);
  /** A short code for `error`: access-refused, access-cancelled, access-failed, replay-refused, failed. */
  const problem = signal<string | null>(null);
  /** What the user is asked before the crawl can go on (phase `confirm` or `secrets`). */
  const ask = signal<CrawlAsk | null>(null);
  /** True when the user cancelled the crawl shown (`stopped` then reads "cancelled by you"). */
  const cancelledByUser = signal(false);
  const hostAccess = createCrawlAccessState(services);
  const stored = createCrawledPagesState(services);
  /** Credential values per dataset id, this panel's memory only (never IndexedDB). */
  const secrets = new Map<number, Header[]>();
  let controller: AbortController | null = null;
  let cancelled = false;
  /** How to start again what `ask` is about, with the user's answer. */
  let retry: ((opts: CrawlOptions) => unknown) | null = null;

  const hooks = {
    onWaitingForAccess(origin: string) {
      hostAccess.waiting(origin);
      phase.value = 'waiting';
    },
    onAccess() {
      hostAccess.granted();
      phase.value = 'running';
    },
    onStart(start: CrawlStart) {
      key.value = startKey(start);
    },
    onDataset(id: number, values?: Header[]) {
      datasetId.value = id;
      if (values?.length) secrets.set(id, values);
      onDatasetChange();
    },
    onProgress: (p: CrawlProgress) => (progress.value = p),
    onPage: stored.add,
  };

  function fail(message: string, code: string) {
    error.value = message;
    problem.value = code;
    phase.value = 'stopped';
  }

  function accessFailed(e: AccessError) {
    if (!(e instanceof AccessError)) return fail((e as Error).message, 'failed');
    if (e.problem === 'refused') hostAccess.set(e.origin, false);
    cancelledByUser.value = e.problem === 'cancelled';
    fail(e.message, `access-${e.problem}`);
  }

  async function drive(
    begin: (signal: AbortSignal, opts: CrawlOptions) => Promise<CrawlOutcome>,
    opts: CrawlOptions,
  ) {
    if (!services)
      return void (error.value = 'Crawling needs the extension (no crawl services in this page).');
    controller = new AbortController();
    cancelled = false;
    cancelledByUser.value = false;
    phase.value = 'running';
    error.value = null;
    problem.value = null;
    ask.value = null;
    retry = null;
    summary.value = null;
    progress.value = null;
    try {
      const out = await begin(controller.signal, opts);
      summary.value = out.summary;
      const reason = out.summary.stoppedReason;
      if (cancelled && reason === 'aborted') await markCancelled(out.datasetId);
      phase.value = reason === 'done' ? 'done' : reason === 'aborted' && !cancelled ? 'paused' : 'stopped';
    } catch (e) {
      if (e instanceof AccessError) {
        accessFailed(e);
      } else if (e instanceof ReplayRefusedError && e.verdict.verdict === 'confirm') {
        ask.value = { kind: 'confirm', reason: e.verdict.reason };
        retry = (more) => drive(begin, { ...opts, ...more, confirmedPost: true });
        phase.value = 'confirm';
      } else if (e instanceof ReplayRefusedError) {
        fail(e.message, 'replay-refused');
      } else if (e instanceof MissingSecretsError) {
        ask.value = { kind: 'secrets', names: e.names, message: e.message };
        retry = (more) => drive(begin, { ...opts, ...more });
        phase.value = 'secrets';
      } else {
        fail((e as Error).message, 'failed');
      }
    } finally {
      hostAccess.waitingFor.value = null;
      controller = null;
      onDatasetChange();
    }
  }

  const busy = () => controller !== null;

  /** The one "cancelled by the user" update: the dataset stops for good, the status says so. */
  async function markCancelled(id: number) {
    await services!.datasets.markCancelled(id);
    cancelledByUser.value = true;
  }

  const actions = {
    /** Crawls the rest of the chain `start` begins. Call from the click: it asks for host access first. */
    start(start: CrawlStart) {
      if (busy()) return;
      key.value = startKey(start);
      startUrl.value = start.exchange.request.url;
      source.value = null;
      datasetId.value = null;
      const { method, url, headers, postData } = redactStart(start).stored.exchange.request;
      const startHooks = {
        ...hooks,
        onDataset(id: number, values?: Header[]) {
          const body = postData?.text;
          source.value = {
            id,
            style: start.detection.style,
            source: { method, url, headers, ...(body ? { body } : {}) },
          };
          hooks.onDataset(id, values);
        },
      };
      return drive(
        (signal, opts) => startCrawl(services!, start, limits.read(), signal, startHooks, opts),
        {},
      );
    },
    /** Continues a paused or interrupted dataset from its stored checkpoint. */
    resume(dataset: ResumeSource) {
      if (busy()) return;
      const known = secrets.get(dataset.id);
      key.value = null; // known once the stored start is read (onStart)
      startUrl.value = dataset.source.url;
      source.value = dataset;
      datasetId.value = dataset.id;
      return drive((signal, opts) => resumeCrawl(services!, dataset, limits.read(), signal, hooks, opts), {
        secrets: known,
      });
    },
    /** The user said yes to replaying the POST (`confirm`). Call from the click (access is asked). */
    confirm() {
      if (phase.value === 'confirm' && retry && !busy()) return retry({});
    },
    /** The user typed the credential values a resume needs (`secrets`); empty = resume without them. */
    provideSecrets(values: Header[]) {
      if (phase.value !== 'secrets' || !retry || busy()) return;
      const id = datasetId.value;
      const given = values.filter((h) => h.value !== '');
      if (id !== null && given.length) secrets.set(id, given);
      return retry(given.length ? { secrets: given } : { withoutSecrets: true });
    },
    /** Asks for access to `url`'s origin without crawling ("Grant access"). Call from the click. */
    async grant(url: string, chain: string | null = null) {
      if (busy() || !services) return;
      const s = services;
      controller = new AbortController();
      cancelled = false;
      for (const reset of [error, problem, ask, summary, progress, datasetId]) reset.value = null;
      cancelledByUser.value = false;
      key.value = chain;
      const pending = hostAccess.ask(s, url, controller.signal);
      phase.value = 'waiting';
      try {
        await pending;
        phase.value = 'idle';
      } catch (e) {
        accessFailed(e as AccessError);
      } finally {
        controller = null;
      }
    },
    /** Checks (without a prompt) whether `url`'s origin is accessible, into `access`. */
    checkAccess: hostAccess.check,
    /** Stops after the page in flight; the checkpoint stays, so Resume goes on. */
    pause() {
      controller?.abort();
    },
    /** Stops for good: the records stay, no Resume is offered. Also ends a wait or a question. */
    async cancel() {
      cancelled = true;
      if (controller) return controller.abort();
      if (phase.value === 'confirm' || phase.value === 'secrets') {
        ask.value = null;
        retry = null;
        cancelledByUser.value = true;
        phase.value = datasetId.value !== null && source.value ? 'paused' : 'idle';
        return;
      }
      const id = datasetId.value;
      if (services && id !== null && phase.value === 'paused') {
        await markCancelled(id);
        phase.value = 'stopped';
        onDatasetChange();
      }
    },
    /** Loads a stored dataset's pages into `crawledPages` (for a chain shown after a reopen). */
    loadPages: stored.load,
  };

  /** A crawl is under way (waiting for access counts: the buttons stay disabled). */
  const running = computed(() => phase.value === 'running' || phase.value === 'waiting');
  return {
    /** The limit inputs, as typed (empty = no limit). */
    limits: limits.inputs,
    phase,
    running,
    key,
    datasetId,
    startUrl,
    source,
    progress,
    summary,
    error,
    problem,
    waitingFor: hostAccess.waitingFor,
    ask,
    cancelledByUser,
    access: hostAccess.access,
    crawledPages: stored.crawledPages,
    crawledUrls: stored.crawledUrls,
    actions,
  };
}
