/**
 * One page request with a timeout and bounded retries. Never throws: the answer is the parsed page,
 * or a reason in words (and whether it was the user's abort rather than a failure).
 */
import { parseJson } from '../json.ts';
import { isBodyTooLarge, type Clock, type HttpFetch, type HttpRequest, type HttpResponse } from '../ports.ts';
import type { Deadlines } from './deadlines.ts';
import { backoffMs, isRetryableStatus, parseRetryAfter } from './retry.ts';

export type FetchSettings = {
  fetch: HttpFetch;
  clock: Clock;
  /** Tries after the first. */
  retries: number;
  retryBaseMs: number;
  /** Per try; 0 or Infinity for none. */
  timeoutMs: number;
  /** The crawl's one timeout timer (see deadlines.ts). */
  deadlines: Deadlines;
  maxRetryAfterMs: number;
  random: () => number;
  /** Called once per failed try (counted as an error), with whether another try follows. */
  onFailure?: (reason: string, willRetry: boolean) => void;
};

export type FetchedPage = {
  ok: true;
  response: HttpResponse;
  json: unknown;
  fetchedAt: number;
  elapsedMs: number;
};
export type FetchFailure = { ok: false; aborted: boolean; reason: string };

type Try =
  | { ok: true; page: FetchedPage }
  | { ok: false; aborted: boolean; retryable: boolean; reason: string; waitMs?: number };

/** A promise that rejects with the signal's reason once it aborts (at once if it already has). */
export function abortReason(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

async function tryOnce(req: HttpRequest, s: FetchSettings, signal: AbortSignal | undefined): Promise<Try> {
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const unwatch =
    s.timeoutMs > 0 && Number.isFinite(s.timeoutMs)
      ? s.deadlines.watch(s.timeoutMs, () => {
          timedOut = true;
          ctrl.abort(new Error(`timeout after ${s.timeoutMs} ms`));
        })
      : undefined;
  const t0 = s.clock.now();
  let res: HttpResponse;
  try {
    // The race keeps a fetch that ignores its signal from hanging the crawl.
    const trySignal = ctrl.signal;
    res = await Promise.race([s.fetch({ ...req, signal: trySignal }), abortReason(trySignal)]);
  } catch (e) {
    if (signal?.aborted) return { ok: false, aborted: true, retryable: false, reason: 'aborted' };
    if (timedOut)
      return {
        ok: false,
        aborted: false,
        retryable: true,
        reason: `timeout after ${s.timeoutMs} ms: ${req.url}`,
      };
    const msg = e instanceof Error ? e.message : String(e);
    // A body over the size limit came in full size: asking again gets the same, so it is final.
    if (isBodyTooLarge(e))
      return {
        ok: false,
        aborted: false,
        retryable: false,
        reason: msg.includes(req.url) ? msg : `${msg}: ${req.url}`,
      };
    return { ok: false, aborted: false, retryable: true, reason: `network error (${msg}): ${req.url}` };
  } finally {
    unwatch?.();
    signal?.removeEventListener('abort', onAbort);
  }
  const fetchedAt = s.clock.now();
  if (res.status < 200 || res.status > 299) {
    const reason = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}: ${req.url}`;
    if (!isRetryableStatus(res.status)) return { ok: false, aborted: false, retryable: false, reason };
    const waitMs = parseRetryAfter(res.headers, fetchedAt, s.maxRetryAfterMs);
    return { ok: false, aborted: false, retryable: true, reason, waitMs };
  }
  const parsed = parseJson(res.bodyText);
  if (!parsed.ok) {
    return {
      ok: false,
      aborted: false,
      retryable: true,
      reason: `HTTP ${res.status} with ${parsed.reason.slice(0, 120)}: ${req.url}`,
    };
  }
  return {
    ok: true,
    page: { ok: true, response: res, json: parsed.value, fetchedAt, elapsedMs: fetchedAt - t0 },
  };
}

/**
 * Fetches one page: retries 408/429/5xx (500–504), network errors, timeouts and unparsable JSON on a
 * 2xx up to `retries` more times, waiting Retry-After (capped) or exponential backoff with jitter.
 * Other statuses fail at once. `signal` aborts the request in flight and any wait.
 */
export async function fetchPage(
  req: HttpRequest,
  s: FetchSettings,
  signal?: AbortSignal,
): Promise<FetchedPage | FetchFailure> {
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) return { ok: false, aborted: true, reason: 'aborted' };
    const r = await tryOnce(req, s, signal);
    if (r.ok) return r.page;
    if (r.aborted) return { ok: false, aborted: true, reason: 'aborted' };
    const willRetry = r.retryable && attempt < s.retries;
    s.onFailure?.(r.reason, willRetry);
    if (!willRetry) {
      const tries = attempt + 1;
      return {
        ok: false,
        aborted: false,
        reason: r.retryable ? `${r.reason} (gave up after ${tries} tries)` : r.reason,
      };
    }
    const wait = r.waitMs ?? backoffMs(attempt, s.retryBaseMs, s.random);
    if (wait > 0) {
      try {
        await s.clock.sleep(wait, signal);
      } catch {
        return { ok: false, aborted: true, reason: 'aborted' };
      }
    }
  }
}
