/**
 * crawl(start, options): harvests the rest of a paginated chain into a sink, from its first page
 * (already fetched) or from a checkpoint. Never throws for a bad response: the summary says why it
 * stopped, and the sink already holds everything crawled up to there.
 */
import type { Detection } from '../detect/types.ts';
import type { Header } from '../exchange.ts';
import { parseJson, extractRecords } from '../json.ts';
import { checkpointFits, CrawlRunState } from './checkpoint.ts';
import { runConcurrent } from './concurrent.ts';
import { replayableHeaders } from './credentials.ts';
import { Deadlines } from './deadlines.ts';
import type { FetchSettings } from './fetch-page.ts';
import { Run, type Arrived, type Stop } from './run.ts';
import { runSequential } from './sequential.ts';
import { confirmedPlan, disagreement, nextStep, ownNext, planConcurrent } from './strategies.ts';
import type { CrawlOptions, CrawlStart, CrawlSummary } from './types.ts';
import { pageLabel } from './page-label.ts';
import { specDetector } from '../spec/detection.ts';

/** Default cap on ids, URLs, cursors and page hashes kept in a checkpoint. */
const DEFAULT_MAX_SEEN_IDS = 10_000;

function startPage(start: CrawlStart): Arrived {
  const { exchange, detection } = start;
  const parsed = parseJson(exchange.response.bodyText);
  const records = parsed.ok ? extractRecords(parsed.value, detection.recordsPath) : [];
  const { method, url, postData } = exchange.request;
  return {
    index: 0,
    spec: postData?.text !== undefined ? { method, url, body: postData.text } : { method, url },
    status: exchange.response.status,
    url,
    headers: exchange.response.headers,
    fetchedAt: 0,
    elapsedMs: exchange.time ?? 0,
    detection,
    records,
    given: true,
  };
}

async function fromStart(run: Run): Promise<Stop> {
  const d = run.start.detection;
  const first = { ...startPage(run.start), fetchedAt: run.opts.clock.now() };
  const predicted = planConcurrent(d);
  const plan = predicted ? confirmedPlan(d, predicted) : null;
  if (predicted && !plan)
    run.notes.push(disagreement(0, ownNext(d, predicted.linked), predicted.build(predicted.current + 1)));
  if (plan) {
    const more = plan.current < plan.last;
    const range = more ? { from: plan.current + 1, to: plan.last } : undefined;
    const stop = await run.commit(first, more ? plan.build(plan.current + 1) : null, range);
    if (stop) return stop;
    if (!more)
      return { reason: 'done', detail: `the start page is the last of ${plan.last} pages`, next: null };
    return runConcurrent(run, plan, plan.current + 1, plan.last);
  }
  const step = nextStep(d, first.records.length);
  const stop = await run.commit(first, step.next);
  if (stop) return stop;
  if (!step.next)
    return { reason: 'done', detail: `${step.why} at ${pageLabel(0)} (${first.url})`, next: null };
  return runSequential(run, step.next, d);
}

/**
 * Crawls the chain that `start` begins: page 0 is the start page itself (skipped when resuming), then
 * numbered pages concurrently when the total is known, else link by link. Stops on the chain's end,
 * a limit, a loop, a failure after retries, or `signal`; the summary's checkpoint resumes from there.
 */
export async function crawl(start: CrawlStart, opts: CrawlOptions): Promise<CrawlSummary> {
  // A start read by a pagination spec is read by it on every page (edited rules, resumes included).
  const spec = start.detection?.spec;
  if (spec && !opts.detectPage) opts = { ...opts, detectPage: specDetector(spec) };
  const { clock } = opts;
  const t0 = clock.now();
  const startUrl = start.exchange.request.url;
  const d = start.detection;
  const cap = opts.maxSeenIds ?? DEFAULT_MAX_SEEN_IDS;
  const resume = opts.resume;
  // A caller may pass detect()'s null straight through; the state still needs a shape to report with.
  const shape = d ?? ({ style: 'none', kind: 'link', params: {} } as unknown as Detection);
  const state = new CrawlRunState(
    startUrl,
    shape,
    cap,
    checkpointFits(resume, startUrl) ? resume : undefined,
  );
  let run: Run | undefined;
  const finish = (stop: Stop): CrawlSummary => {
    const s: CrawlSummary = {
      pages: state.pages,
      records: state.records,
      duplicates: state.duplicates,
      errors: state.errors,
      retries: state.retries,
      stoppedReason: stop.reason,
      elapsedMs: clock.now() - t0,
      checkpoint: state.checkpoint(stop.next, stop.range),
    };
    if (stop.detail !== undefined) s.detail = stop.detail;
    if (run?.notes.length) s.notes = [...run.notes];
    return s;
  };
  if (!d)
    return finish({
      reason: 'not-paginated',
      detail: 'no pagination detected on the start page',
      next: null,
    });
  if (resume && !checkpointFits(resume, startUrl)) {
    return finish({
      reason: 'error',
      detail: `checkpoint does not belong to ${startUrl} (it is for ${resume.startUrl})`,
      next: null,
    });
  }
  const settings: FetchSettings = {
    fetch: opts.fetch,
    clock,
    retries: opts.retries ?? 4,
    retryBaseMs: opts.retryBaseMs ?? 500,
    timeoutMs: opts.timeoutMs ?? 30_000,
    deadlines: new Deadlines(clock),
    maxRetryAfterMs: opts.maxRetryAfterMs ?? 60_000,
    random: opts.random ?? Math.random,
    onFailure: (_reason, willRetry) => {
      state.errors++;
      if (willRetry) state.retries++;
      run?.progress();
    },
  };
  const limits = {
    maxPages: opts.maxPages ?? Infinity,
    maxRecords: opts.maxRecords ?? Infinity,
    delayMs: opts.delayMs ?? 0,
    concurrency: opts.concurrency ?? 4,
  };
  const headers: Header[] = replayableHeaders(start.exchange.request.headers);
  run = new Run(start, opts, limits, state, settings, headers);
  let stop: Stop;
  try {
    if (!resume) stop = await fromStart(run);
    else {
      // Page numbers go on from the checkpoint's next (the API's link the last page confirmed).
      const plan = resume.range ? planConcurrent(d, resume.next?.url) : null;
      stop =
        plan && resume.range
          ? await runConcurrent(run, plan, resume.range.from, resume.range.to)
          : await runSequential(run, resume.next, null);
    }
  } finally {
    settings.deadlines.dispose();
  }
  return finish(stop);
}
