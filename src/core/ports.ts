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

/** Makes one HTTP request. Rejects only for network-level failures (no response at all). */
export type HttpFetch = (req: HttpRequest) => Promise<HttpResponse>;

/** Time, injected so tests and benches control it. */
export type Clock = {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};
