/**
 * The sequential strategy: follow each page's next request (link, cursor, or page+1 without a known
 * total), one at a time, re-detecting every page. Guards run before each request and after each page.
 */
import type { Detection, RequestSpec } from '../detect/types.ts';
import type { Run, Stop } from './run.ts';
import { nextStep } from './strategies.ts';
import { pageLabel } from './page-label.ts';

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
  for (;;) {
    if (!next) return { reason: 'done', next: null };
    if (run.signal?.aborted) return { reason: 'aborted', detail: 'aborted before ' + next.url, next };
    if (state.pages >= limits.maxPages) return { reason: 'max-pages', detail: `${state.pages} pages`, next };
    const index = state.nextIndex;
    const verdict = state.guard.checkNext(next, index, prev);
    if (!verdict.ok) return { reason: 'loop', detail: verdict.detail, next };
    if (!(await run.delay())) return { reason: 'aborted', detail: 'aborted before ' + next.url, next };
    const fetched = await run.fetch(next);
    if (!fetched.ok) return { reason: fetched.aborted ? 'aborted' : 'error', detail: fetched.reason, next };
    const page = run.arrive(index, next, fetched);
    const step = nextStep(page.detection, page.records.length);
    const stop = await run.commit(page, step.next);
    if (stop) return stop;
    if (!step.next)
      return { reason: 'done', detail: `${step.why} at ${pageLabel(index)} (${page.url})`, next: null };
    prev = page.detection;
    next = step.next;
  }
}
