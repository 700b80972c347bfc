/**
 * One crawl run's shared machinery, used by both strategies: fetch with credentials and retries,
 * re-detect a page keeping the start's style, and commit a page (loop check, dedup, sink, progress).
 */
import { headerValue, type Exchange, type Header } from '../exchange.ts';
import { detect, detectAs, detectWithReason, type DetectOptions } from '../detect/index.ts';
import { detectors } from '../detect/detectors.ts';
import type { Detection, RequestSpec } from '../detect/types.ts';
import { extractRecords } from '../json.ts';
import type { Accepted, CrawlRunState } from './checkpoint.ts';
import { buildRequest } from './credentials.ts';
import { fetchPage, type FetchedPage, type FetchFailure, type FetchSettings } from './fetch-page.ts';
import { pageHash } from './guards.ts';
import type { CrawledPage, CrawlOptions, CrawlProgress, CrawlStart, StoppedReason } from './types.ts';
import { pageLabel } from './page-label.ts';

/** Said with every failure on a page: the checkpoint points at it, and nothing before it is lost. */
const RESUME_HINT = 'everything before it is kept; resume to fetch it again';

/** Why a strategy stopped, and what a resume should do next. */
export type Stop = {
  reason: StoppedReason;
  detail?: string;
  next: RequestSpec | null;
  range?: { from: number; to: number };
};

/** A page fetched (or given) and read, not yet committed. */
export type Arrived = {
  index: number;
  spec: RequestSpec;
  status: number;
  url: string;
  headers: Header[];
  fetchedAt: number;
  elapsedMs: number;
  detection: Detection | null;
  records: unknown[];
  /** The start page: handed over, not fetched by this run (so it does not count toward the rate). */
  given?: boolean;
};

/** A page `stage`d (counted, deduped, remembered by the guard) and not yet written by `store`. */
export type Staged = {
  arrived: Arrived;
  page: CrawledPage;
  acc: Accepted;
  next: RequestSpec | null;
  range?: { from: number; to: number };
};

/**
 * Failed tries of one request, counted when its page is taken up (a dropped prediction's never are);
 * from then on (`live`) each further failure counts as it happens.
 */
export type Tally = { errors: number; retries: number; live?: boolean };

export type Limits = { maxPages: number; maxRecords: number; delayMs: number; concurrency: number };

/** The machinery of one crawl() call; strategies share it. Internal to src/core/crawl. */
export class Run {
  /** URL of the page last stored, for progress events. */
  lastUrl: string;
  /** Things the summary should tell (the links and the page numbers disagreed, …). */
  readonly notes: string[] = [];
  /** Pages this run fetched and stored, for the rate. */
  private fetchedPages = 0;
  readonly t0: number;

  constructor(
    readonly start: CrawlStart,
    readonly opts: CrawlOptions,
    readonly limits: Limits,
    readonly state: CrawlRunState,
    private readonly settings: FetchSettings,
    private readonly baseHeaders: Header[],
  ) {
    this.t0 = opts.clock.now();
    this.lastUrl = start.exchange.request.url;
  }

  get signal(): AbortSignal | undefined {
    return this.opts.signal;
  }

  /**
   * Fetches one page with the first request's headers (credentials only to its origin). `tally`,
   * when given, collects the failed tries instead of counting them at once: a prediction that the
   * links never confirm is dropped with its failures (see `countFailures`).
   */
  fetch(spec: RequestSpec, signal = this.opts.signal, tally?: Tally): Promise<FetchedPage | FetchFailure> {
    const req = buildRequest(
      spec,
      this.baseHeaders,
      this.start.exchange.request.url,
      !!this.opts.allowCrossOriginCredentials,
    );
    const settings = tally
      ? {
          ...this.settings,
          onFailure: (_reason: string, willRetry: boolean) => {
            tally.errors++;
            if (willRetry) tally.retries++;
            if (tally.live) this.countFailures(tally);
          },
        }
      : this.settings;
    return fetchPage(req, settings, signal);
  }

  /** Counts the failed tries `fetch(…, tally)` collected so far; later ones count as they happen. */
  countFailures(tally: Tally): void {
    tally.live = true;
    if (!tally.errors && !tally.retries) return;
    this.state.errors += tally.errors;
    this.state.retries += tally.retries;
    tally.errors = tally.retries = 0;
    this.progress();
  }

  /** Waits `delayMs` between requests; false when aborted meanwhile. No timer at all when 0. */
  async delay(): Promise<boolean> {
    if (!(this.limits.delayMs > 0)) return !this.signal?.aborted;
    try {
      await this.opts.clock.sleep(this.limits.delayMs, this.signal);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Detection keeping the start's style when another detector would also answer (ambiguous pages).
   * Fast path: only the start style's detector and the header detectors (`detectAs`); when that
   * does not answer in the start's style (the shape changed, e.g. a different last page), every
   * detector runs as on the first page. `options.body` is the page's parsed body, shared by every pass.
   */
  detectPage(exchange: Exchange, options: DetectOptions = {}): Detection | null {
    if (this.opts.detectPage) return this.opts.detectPage(exchange, options);
    const style = this.start.detection.style;
    const fast = detectAs(exchange, style, options);
    if (fast?.style === style) return fast;
    const any = detect(exchange, options);
    if (!any || any.style === style) return any;
    const own = detectors.filter((d) => d.name === style);
    const r = own.length ? detectWithReason(exchange, own, options) : null;
    return r?.ok ? r.detection : any;
  }

  /**
   * Reads a fetched response: detection and records (by the start's path when the page is not
   * detected), both from the body fetchPage already parsed — a page is parsed once.
   */
  arrive(index: number, spec: RequestSpec, f: FetchedPage): Arrived {
    const res = f.response;
    const url = res.url || spec.url;
    const headers = spec.headers ?? [];
    const request: Exchange['request'] = { method: spec.method || 'GET', url, headers };
    // The body is part of the request a page answers (GraphQL variables, search arguments): the
    // detectors build the next request from it, as they did from the start page's.
    if (spec.body !== undefined)
      request.postData = {
        mimeType: headerValue(headers, 'content-type') ?? this.start.exchange.request.postData?.mimeType,
        text: spec.body,
      };
    const exchange: Exchange = {
      request,
      response: {
        status: res.status,
        headers: res.headers,
        mimeType: headerValue(res.headers, 'content-type') ?? 'application/json',
        bodyText: res.bodyText,
      },
    };
    const detection = this.detectPage(exchange, { body: { ok: true, value: f.json } });
    const records = extractRecords(f.json, (detection ?? this.start.detection).recordsPath);
    return {
      index,
      spec,
      status: res.status,
      url,
      headers: res.headers,
      fetchedAt: f.fetchedAt,
      elapsedMs: f.elapsedMs,
      detection,
      records,
    };
  }

  /**
   * Stores a page: a repeat of an earlier page's records stops with `loop`; else new records (deduped,
   * cut at maxRecords) go to the sink with the checkpoint for `next`/`range`. Null means go on.
   */
  async commit(
    a: Arrived,
    next: RequestSpec | null,
    range?: { from: number; to: number },
  ): Promise<Stop | null> {
    const staged = this.stage(a, next, range);
    return 'reason' in staged ? staged : this.store(staged);
  }

  /**
   * The synchronous half of `commit`: the loop check, dedup and counts, the guard's memory of the
   * page. After it the page counts as taken (the next request's guards see it); `store` writes it,
   * and takes it all back if the sink refuses.
   */
  stage(a: Arrived, next: RequestSpec | null, range?: { from: number; to: number }): Stop | Staged {
    const st = this.state;
    let hash: string | undefined;
    try {
      st.learnIdKey(a.records);
      hash = a.records.length ? pageHash(a.records, st.idKey || undefined) : undefined;
    } catch (e) {
      // Nothing is written or remembered: a resume fetches this page again.
      return {
        reason: 'error',
        detail: `cannot read ${pageLabel(a.index)} (${a.url}): ${e instanceof Error ? e.message : String(e)}; ${RESUME_HINT}`,
        next: a.spec,
      };
    }
    const verdict = st.guard.checkPage(hash, a.index, a.url);
    if (!verdict.ok) return { reason: 'loop', detail: verdict.detail, next: a.spec };
    const acc = st.accept(a.records, this.limits.maxRecords);
    const page: CrawledPage = {
      index: a.index,
      request: a.spec,
      status: a.status,
      url: a.url,
      detection: a.detection,
      recordCount: a.records.length,
      newRecords: acc.fresh.length,
      duplicates: acc.duplicates,
      fetchedAt: a.fetchedAt,
      elapsedMs: a.elapsedMs,
      headers: a.headers,
    };
    if (acc.repeats.length) page.repeats = { idKey: st.idKey!, items: acc.repeats };
    st.pages++;
    st.nextIndex = a.index + 1;
    st.guard.record(a.spec, a.index, hash, this.start.detection.params.cursor);
    return { arrived: a, page, acc, next, range };
  }

  /** The asynchronous half of `commit`: the sink writes the staged page with its checkpoint. */
  async store(s: Staged): Promise<Stop | null> {
    const { arrived: a, page, acc, next, range } = s;
    const st = this.state;
    try {
      // A snapshot: the sink reads (and pays for) the checkpoint's lists only if it keeps them.
      await this.opts.sink.writePage(page, acc.fresh, st.snapshot(next, range));
    } catch (e) {
      st.rollback(acc);
      st.pages--;
      st.nextIndex = a.index;
      st.guard.forget();
      return {
        reason: 'error',
        detail: `store failed on ${pageLabel(a.index)}: ${e instanceof Error ? e.message : String(e)}; ${RESUME_HINT}`,
        next: a.spec,
      };
    }
    if (!a.given) this.fetchedPages++;
    this.lastUrl = a.url;
    this.progress();
    if (acc.limitReached) return { reason: 'max-records', detail: `${st.records} records`, next, range };
    return null;
  }

  /** Tells the listener where the crawl stands (after each stored page and each failed try). */
  progress(): void {
    const lastUrl = this.lastUrl;
    const cb = this.opts.onProgress;
    if (!cb) return;
    const st = this.state;
    const secs = (this.opts.clock.now() - this.t0) / 1000;
    const ratePerSec = secs > 0 ? this.fetchedPages / secs : 0;
    const d = this.start.detection;
    const p: CrawlProgress = {
      pages: st.pages,
      records: st.records,
      duplicates: st.duplicates,
      retries: st.retries,
      errors: st.errors,
      ratePerSec,
      lastUrl,
    };
    if (d.totalPages !== undefined) p.totalPages = d.totalPages;
    if (d.totalRecords !== undefined) p.totalRecords = d.totalRecords;
    if (p.totalPages !== undefined && ratePerSec > 0)
      p.etaMs = Math.max(0, ((p.totalPages - st.pages) / ratePerSec) * 1000);
    try {
      cb(p);
    } catch {
      // A listener's bug must not stop the crawl.
    }
  }
}
