/**
 * The sequential strategy: follow each page's next request (link, cursor, or page+1 without a known
 * total), one at a time, re-detecting every page. Guards run before each request and after each page.
 *
 * The next request goes out as soon as the page that names it is read and taken (counted, deduped,
 * remembered by the guards), while the sink writes that page: the write costs no round trip. If the
 * sink refuses the page, the request sent ahead is aborted and never read.
 */
import type { Detection, RequestSpec } from '../detect/types.ts';
import type { FetchedPage, FetchFailure } from './fetch-page.ts';
import type { Run, Stop, Tally } from './run.ts';
import { nextStep } from './strategies.ts';
import { pageLabel } from './page-label.ts';

/** A request sent while the page before it is written. */
type Ahead = { result: Promise<FetchedPage | FetchFailure>; tally: Tally; cancel(): void };

/** Sends `next` now when nothing stands before it but the write (no delay, no limit, guards pass). */
function sendAhead(run: Run, next: RequestSpec | null, from: Detection | null, last: boolean): Ahead | null {
  const { state, limits, signal } = run;
  if (!next || last || limits.delayMs > 0 || signal?.aborted || state.pages >= limits.maxPages) return null;
  if (!state.guard.checkNext(next, state.nextIndex, from).ok) return null;
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const tally: Tally = { errors: 0, retries: 0 };
  const result = run
    .fetch(next, ctrl.signal, tally)
    .finally(() => signal?.removeEventListener('abort', onAbort));
  return { result, tally, cancel: () => ctrl.abort() };
}

/**
 * Crawls from `next` (the request after page `from`, or null when the chain is done) until the chain
 * ends, a limit is reached, a guard trips, a request fails for good or the signal aborts.
 */
export async function runSequential(
  run: Run,
  next: RequestSpec | null,
  from: Detection | null,
): Promise<Stop> {
  const { state, limits } = run;
  let prev = from;
  let ahead: Ahead | null = null;
  try {
    for (;;) {
      if (!next) return { reason: 'done', next: null };
      if (run.signal?.aborted) return { reason: 'aborted', detail: 'aborted before ' + next.url, next };
      if (state.pages >= limits.maxPages)
        return { reason: 'max-pages', detail: `${state.pages} pages`, next };
      const index = state.nextIndex;
      const verdict = state.guard.checkNext(next, index, prev);
      if (!verdict.ok) return { reason: 'loop', detail: verdict.detail, next };
      let fetched: FetchedPage | FetchFailure;
      if (ahead) {
        // Sent under the same checks as above, which still hold: the write changed none of them.
        run.countFailures(ahead.tally);
        fetched = await ahead.result;
        ahead = null;
      } else {
        if (!(await run.delay())) return { reason: 'aborted', detail: 'aborted before ' + next.url, next };
        fetched = await run.fetch(next);
      }
      if (!fetched.ok) return { reason: fetched.aborted ? 'aborted' : 'error', detail: fetched.reason, next };
      const page = run.arrive(index, next, fetched);
      const step = nextStep(page.detection, page.records.length);
      const staged = run.stage(page, step.next);
      if ('reason' in staged) return staged;
      ahead = sendAhead(run, step.next, page.detection, staged.acc.limitReached);
      const stop = await run.store(staged);
      if (stop) return stop;
      if (!step.next)
        return { reason: 'done', detail: `${step.why} at ${pageLabel(index)} (${page.url})`, next: null };
      prev = page.detection;
      next = step.next;
    }
  } finally {
    ahead?.cancel();
  }
}
