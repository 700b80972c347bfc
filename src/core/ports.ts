/**
 * The small interfaces through which core meets the world. The extension and the CLI each pass
 * their own implementations; tests pass fakes.
 */
import type { Header } from './exchange.ts';

/** A request the crawl engine wants made. */
export type HttpRequest = {
  method: string;
  url: string;
  headers: Header[];
  body?: string;
  signal?: AbortSignal;
};

/** What came back. `url` is the final URL after redirects. */
export type HttpResponse = {
  status: number;
  statusText: string;
  url: string;
  headers: Header[];
  bodyText: string;
};

/**
 * Makes one HTTP request. Rejects for network-level failures (no response at all), and when the
 * body passes the adapter's size limit: then with an error whose `code` is BODY_TOO_LARGE (or named
 * `BodyTooLargeError`), which no retry can help.
 */
export type HttpFetch = (req: HttpRequest) => Promise<HttpResponse>;

/** The `code` of an HttpFetch's rejection for a response body over its size limit. */
export const BODY_TOO_LARGE = 'EBODYTOOLARGE';

/** The size limit both HttpFetch adapters (CLI and panel) put on a decoded body unless told: 256 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;

/** True when an HttpFetch rejected because the body was over its size limit (final, not a network error). */
export function isBodyTooLarge(e: unknown): boolean {
  const err = e as { code?: unknown; name?: unknown } | null;
  return err?.code === BODY_TOO_LARGE || err?.name === 'BodyTooLargeError';
}

/** Time, injected so tests and benches control it. */
export type Clock = {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};
