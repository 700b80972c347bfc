/**
 * The crawl engine's public shapes. Stores (IndexedDB in the panel, files in the CLI), the panel's
 * progress view and diagnostics code against these; all are plain data (structuredClone-safe).
 */
import type { Exchange, Header } from '../exchange.ts';
import type { Detection, PaginationKind, RequestSpec } from '../detect/types.ts';
import type { ParseResult } from '../json.ts';
import type { Clock, HttpFetch } from '../ports.ts';

export type { PaginationKind } from '../detect/types.ts';

/** The first page, already fetched (captured in the panel, or fetched by the CLI), and its detection. */
export type CrawlStart = { exchange: Exchange; detection: Detection };

/** One page the engine fetched (or, for index 0, was given) and handed to the sink. */
export type CrawledPage = {
  /** 0-based order in the chain: the start page is 0. */
  index: number;
  request: RequestSpec;
  status: number;
  /** Final URL after redirects. */
  url: string;
  /** The page's own detection; null when it could not be detected (records still extracted by the start's path). */
  detection: Detection | null;
  /** Records on the page, duplicates included. */
  recordCount: number;
  /** Records written to the sink for this page (after dedup and the maxRecords cut). */
  newRecords: number;
  /** Records skipped because their id was already seen. */
  duplicates: number;
  /**
   * Which records were skipped as duplicates: their place on the page and their id (at most
   * `MAX_REPEATS`). With the written records this rebuilds the page's id sequence, so diagnostics
   * can name duplicates across crawled pages. Absent when the page had none.
   */
  repeats?: PageRepeats;
  /** Clock time when the response arrived. */
  fetchedAt: number;
  /** Time of the successful attempt (retries and backoff excluded). */
  elapsedMs: number;
  /** Response headers. */
  headers: Header[];
};

/** Duplicates skipped on one page, by position: `{ at: 3, id: 42 }` = the 4th record had id 42. */
export type PageRepeats = { idKey: string; items: { at: number; id: string | number }[] };

/**
 * Everything needed to continue a crawl exactly where it stopped. Written with every page; pass it
 * back as `resume` to go on. When the crawl stopped on an error, `next` is the request that failed,
 * so a resume retries it.
 */
export type Checkpoint = {
  version: 1;
  startUrl: string;
  style: string;
  kind: PaginationKind;
  /** Index the next written page will get. */
  nextIndex: number;
  /** Sequential strategy: the next request to make; null when the chain is finished. */
  next: RequestSpec | null;
  /**
   * Concurrent strategy: page numbers (as `pageRequest` counts them) still to fetch, inclusive.
   * Pages are written in order, so what remains is always one range. Absent for sequential crawls.
   */
  range?: { from: number; to: number };
  /** The id field used for dedup (inferred from the first page). */
  idKey?: string;
  pages: number;
  records: number;
  duplicates: number;
  /**
   * Keys of records already written (`recordKey` form, e.g. `n:42`). Capped at `maxSeenIds`
   * (most recent kept): after a resume, a duplicate of a record older than the cap is not caught.
   */
  seenIds: string[];
  /**
   * Requests already made (capped like seenIds), for loop detection across a resume: 16-hex-digit
   * digests of the normalised request, so a checkpoint stays small whatever the URLs' length.
   * (Checkpoints written before kept whole URLs; they are still read.)
   */
  seenUrls: string[];
  /** Cursors already used, as digests like seenUrls. */
  seenCursors: string[];
  /** Hashes of each page's record ids/content, for the repeated-page guard. */
  pageHashes: string[];
  errors: number;
  retries: number;
};

/** Where crawled pages go. A store writes the page, its records and the checkpoint together (one transaction). */
export interface CrawlSink {
  writePage(page: CrawledPage, records: unknown[], checkpoint: Checkpoint): Promise<void>;
}

export type CrawlProgress = {
  pages: number;
  records: number;
  duplicates: number;
  retries: number;
  errors: number;
  totalPages?: number;
  totalRecords?: number;
  /** Pages per second since this run started. */
  ratePerSec: number;
  etaMs?: number;
  lastUrl: string;
};

export type StoppedReason =
  'done' | 'max-pages' | 'max-records' | 'loop' | 'error' | 'aborted' | 'not-paginated';

export type CrawlSummary = {
  pages: number;
  records: number;
  duplicates: number;
  errors: number;
  retries: number;
  stoppedReason: StoppedReason;
  /** Where and why, in words: the repeated URL, the failing status, the limit reached. */
  detail?: string;
  /**
   * What else the crawl met and how it chose, in words: e.g. "links and page numbers disagreed at
   * page 3: … followed the API's links from there". Absent when there is nothing to tell.
   */
  notes?: string[];
  elapsedMs: number;
  checkpoint: Checkpoint;
};

export type CrawlOptions = {
  /** Makes the requests (extension fetch, node:http adapter, a test fake). */
  fetch: HttpFetch;
  /**
   * Time and sleeping, injected so tests never wait. Any millisecond clock works; with epoch ms
   * (Date.now) a Retry-After date can be honoured even when the response has no Date header.
   */
  clock: Clock;
  sink: CrawlSink;
  /** Aborting stops the crawl with `aborted`; the checkpoint stays consistent (pause = abort + resume). */
  signal?: AbortSignal;
  /** Requests in flight at once for numbered pages with a known total. @default 4 */
  concurrency?: number;
  /** Stop after this many pages in total (the start page counts). @default Infinity */
  maxPages?: number;
  /** Stop after exactly this many records are written. @default Infinity */
  maxRecords?: number;
  /** Pause between requests (sequential) or between request starts (concurrent). @default 0 */
  delayMs?: number;
  /** Retries per request after the first try (429, 408, 5xx, network errors, timeouts, bad JSON). @default 4 */
  retries?: number;
  /** First backoff; doubles per retry, with jitter, capped at 30 s. @default 500 */
  retryBaseMs?: number;
  /** Abort one request after this long. @default 30000 */
  timeoutMs?: number;
  /** Longest Retry-After honoured. @default 60000 */
  maxRetryAfterMs?: number;
  /** Send Authorization/Cookie/API-key headers to other origins too. @default false */
  allowCrossOriginCredentials?: boolean;
  /** Continue from this checkpoint instead of starting over (the start page is not written again). */
  resume?: Checkpoint;
  /** Called after every written page and every retry. */
  onProgress?: (p: CrawlProgress) => void;
  /** Source of jitter in [0, 1). @default Math.random */
  random?: () => number;
  /**
   * Cap on ids (and URLs, cursors, page hashes) kept in the checkpoint for dedup across a resume.
   * Within one run every id is remembered (compactly, see seen-ids.ts) whatever the cap. @default 10000
   */
  maxSeenIds?: number;
  /**
   * Reads each fetched page instead of detection (a crawl run from a pagination spec: the spec's
   * paths, not the detectors, say where the records and the next request are). `options.body` is
   * the page's body already parsed. @default re-detect keeping the start's style
   */
  detectPage?: (exchange: Exchange, options: { body?: ParseResult }) => Detection | null;
};
