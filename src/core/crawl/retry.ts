/**
 * When to retry a request and how long to wait first: exponential backoff with jitter, or the
 * server's Retry-After when it gives one (RFC 9110 §10.2.3: delay-seconds or an HTTP-date).
 */
import { headerValue, type Header } from '../exchange.ts';

/** Statuses worth another try: timeout, rate limit, and the transient server errors. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Longest backoff between two tries when the server gives no Retry-After. */
export const MAX_BACKOFF_MS = 30_000;

/** True for 408, 429, 500, 502, 503 and 504; other 4xx/5xx will not get better by asking again. */
export function isRetryableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status);
}

/** Clock readings below this are not epoch milliseconds (a monotonic clock such as performance.now). */
const EPOCH_2001 = 978_307_200_000;

/**
 * Milliseconds a Retry-After header asks for, capped at `capMs`. An HTTP-date is measured from the
 * response's own Date header (the server's clock, immune to skew), else from `now` when that is epoch
 * ms. Undefined when absent or unreadable (the caller backs off instead); a date in the past means 0.
 */
export function parseRetryAfter(headers: readonly Header[], now: number, capMs: number): number | undefined {
  const raw = headerValue(headers, 'retry-after')?.trim();
  if (!raw) return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(raw)) ms = Number(raw) * 1000;
  else {
    const at = Date.parse(raw);
    const served = Date.parse(headerValue(headers, 'date') ?? '');
    const from = !Number.isNaN(served) ? served : now >= EPOCH_2001 ? now : NaN;
    if (Number.isNaN(at) || Number.isNaN(from)) return undefined;
    ms = at - from;
  }
  return Math.min(Math.max(0, Math.round(ms)), capMs);
}

/**
 * Backoff before retry number `retry` (0 = the first retry): `baseMs * 2^retry`, capped at
 * MAX_BACKOFF_MS, then "equal jitter" — half fixed, half random — so parallel clients spread out
 * without ever retrying at once.
 */
export function backoffMs(retry: number, baseMs: number, random: () => number): number {
  const exp = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(retry, 30));
  return Math.round(exp / 2 + (exp / 2) * Math.min(Math.max(random(), 0), 1));
}
