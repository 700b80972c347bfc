/**
 * The concurrent strategy: numbered pages with a known total, fetched by a bounded pool and written
 * in page order (pages that arrive early wait in a buffer). A failure, loop or limit at page N keeps
 * every page before N and leaves N first in the checkpoint's range.
 *
 * The page numbers are predictions; the API's links decide. A page is written only once the page
 * before it named it as its own next (`confirms`). On the first disagreement the page that disagreed
 * is written with its own next as the checkpoint's next, every prediction after it is dropped unread
 * (in flight: aborted; arrived: never written), and the crawl goes on link by link from there.
 */
import type { Detection, RequestSpec } from '../detect/types.ts';
import type { FetchedPage, FetchFailure } from './fetch-page.ts';
import type { Run, Stop, Tally } from './run.ts';
import { pageLabel } from './page-label.ts';
import { runSequential } from './sequential.ts';
import { confirms, disagreement, nextStep, ownNext, type ConcurrentPlan } from './strategies.ts';

type Slot = { promise: Promise<Result>; resolve(r: Result): void };
type Result = { spec: RequestSpec | null; r: FetchedPage | FetchFailure; tally?: Tally };

function slotOf(slots: Map<number, Slot>, n: number): Slot {
  let s = slots.get(n);
  if (!s) {
    let resolve!: (r: Result) => void;
    const promise = new Promise<Result>((res) => (resolve = res));
    s = { promise, resolve };
    slots.set(n, s);
  }
  return s;
}

/** Crawls page numbers `from`..`to` (inclusive, as the plan counts them); page `from` gets index `state.nextIndex`. */
export async function runConcurrent(run: Run, plan: ConcurrentPlan, from: number, to: number): Promise<Stop> {
  const { state, limits } = run;
  const baseIndex = state.nextIndex;
  const limitTo = Math.min(to, from + Math.max(0, limits.maxPages - state.pages) - 1);
  const concurrency = Math.max(1, Math.floor(limits.concurrency) || 1);
  // Bounds the buffer of early pages while a slow page holds up the writer.
  const ahead = concurrency * 4;
  const slots = new Map<number, Slot>();
  // One controller for every request of the pool: a stop or the user's abort cancels them all.
  const pool = new AbortController();
  let nextLaunch = from;
  let nextWrite = from;
  let inflight = 0;
  let stopped = false;
  let wake: (() => void) | null = null;
  const ping = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onUserAbort = () => pool.abort(run.signal?.reason);
  run.signal?.addEventListener('abort', onUserAbort);

  const launch = (n: number) => {
    const spec = plan.build(n);
    if (!spec) {
      slotOf(slots, n).resolve({
        spec,
        r: { ok: false, aborted: false, reason: `cannot build the request for page ${n}` },
      });
      return;
    }
    inflight++;
    const tally: Tally = { errors: 0, retries: 0 };
    void run.fetch(spec, pool.signal, tally).then((r) => {
      inflight--;
      // The launcher first: the next request goes out before the writer reads this page.
      ping();
      slotOf(slots, n).resolve({ spec, r, tally });
    });
  };

  const launcher = (async () => {
    while (!stopped && nextLaunch <= limitTo) {
      if (inflight >= concurrency || nextLaunch - nextWrite >= ahead) {
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      // No delay: no await either, so a freed slot is filled in the same turn.
      if (run.signal?.aborted || (run.limits.delayMs > 0 && !(await run.delay()))) break;
      if (stopped) return;
      launch(nextLaunch++);
    }
    // Aborted while waiting to launch: the writer may be waiting for this very page.
    if (!stopped && nextLaunch <= limitTo)
      slotOf(slots, nextLaunch).resolve({
        spec: plan.build(nextLaunch),
        r: { ok: false, aborted: true, reason: 'aborted' },
      });
  })();

  let stop: Stop | null = null;
  // Set when the links and the page numbers disagreed: a stop, or where the links go on from.
  let handoff:
    | Stop
    | {
        next: RequestSpec | null;
        why: string;
        page: { index: number; url: string; detection: Detection | null };
      }
    | null = null;
  for (let n = from; n <= limitTo && !stop; n++) {
    const range = { from: n, to };
    // Pages already buffered are not written after an abort: the pause point is the page order.
    if (run.signal?.aborted) {
      stop = { reason: 'aborted', detail: `aborted before page ${n}`, next: plan.build(n), range };
      break;
    }
    const { spec, r, tally } = await slotOf(slots, n).promise;
    slots.delete(n);
    if (tally) run.countFailures(tally);
    if (!r.ok || !spec) {
      stop = {
        reason: r.ok ? 'error' : r.aborted ? 'aborted' : 'error',
        detail: r.ok ? `page ${n}` : r.reason,
        next: spec,
        range,
      };
      break;
    }
    const page = run.arrive(baseIndex + (n - from), spec, r);
    const d = page.detection;
    const ended =
      d?.hasMore === false
        ? 'hasMore is false'
        : page.records.length === 0 && d?.emptyPageEnds !== false
          ? 'empty page'
          : undefined;
    const last = ended !== undefined || n >= to;
    const predicted = last ? null : plan.build(n + 1);
    if (!last && !confirms(d, predicted, plan.linked)) {
      // The API names another successor (or none): its word wins from this page on.
      run.notes.push(disagreement(page.index, d ? ownNext(d, plan.linked) : undefined, predicted));
      const step = nextStep(d, page.records.length);
      const s = await run.commit(page, step.next);
      // Refused (loop, store error): the page is not written, so a resume starts at it as before.
      const refused = s && (s.reason === 'loop' || s.reason === 'error') ? { ...s, range } : s;
      handoff = refused ?? { next: step.next, why: step.why ?? '', page };
      break;
    }
    const s = await run.commit(page, last ? null : predicted, last ? undefined : { from: n + 1, to });
    nextWrite = n + 1;
    ping();
    if (s) stop = s.reason === 'loop' || s.reason === 'error' ? { ...s, range } : s;
    else if (ended && n < to)
      stop = { reason: 'done', detail: `${ended} at ${pageLabel(page.index)} (${page.url})`, next: null };
  }
  stopped = true;
  pool.abort();
  ping();
  await launcher;
  run.signal?.removeEventListener('abort', onUserAbort);
  if (handoff) {
    if ('reason' in handoff) return handoff;
    const { next, why, page } = handoff;
    if (!next)
      return { reason: 'done', detail: `${why} at ${pageLabel(page.index)} (${page.url})`, next: null };
    return runSequential(run, next, page.detection);
  }
  if (stop) return stop;
  if (limitTo < to)
    return {
      reason: 'max-pages',
      detail: `${state.pages} pages`,
      next: plan.build(limitTo + 1),
      range: { from: limitTo + 1, to },
    };
  return { reason: 'done', next: null };
}
