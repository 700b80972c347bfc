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

/**
 * Milliseconds a Retry-After header asks for, from `now` (epoch ms), capped at `capMs`.
 * Undefined when the header is absent or unreadable; a date in the past means 0.
 */
export function parseRetryAfter(headers: readonly Header[], now: number, capMs: number): number | undefined {
  const raw = headerValue(headers, 'retry-after')?.trim();
  if (!raw) return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(raw)) ms = Number(raw) * 1000;
  else {
    const at = Date.parse(raw);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
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
