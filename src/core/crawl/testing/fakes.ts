/**
 * Fakes for tests and benches of the crawl engine: a virtual clock (time only moves when everything
 * else is idle, so retries, Retry-After and timeouts run instantly and deterministically), a
 * scripted fetch that records what it was sent, and an in-memory sink.
 */
import type { Header } from '../../exchange.ts';
import type { Clock, HttpRequest, HttpResponse } from '../../ports.ts';
import type { Checkpoint, CrawledPage, CrawlSink } from '../types.ts';

type Timer = { at: number; seq: number; resolve: () => void };

// setImmediate runs after pending promise work, which is what "idle" means for in-memory fakes.
const later: (fn: () => void) => void =
  (globalThis as { setImmediate?: (fn: () => void) => void }).setImmediate ?? ((fn) => setTimeout(fn, 0));

/** A clock whose sleeps complete in virtual time, earliest first, once the program is otherwise idle. */
export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private seq = 0;
  private scheduled = false;
  /** Every sleep asked for, in ms, in order (cancelled ones included). */
  readonly sleeps: number[] = [];

  /** @param t start time, epoch ms. @default 2024-01-01T00:00:00Z */
  constructor(public t = Date.UTC(2024, 0, 1)) {}

  /** Virtual epoch ms. */
  now(): number {
    return this.t;
  }

  /** Resolves when virtual time reaches now + ms (earliest timer first, once all else is idle); rejects on abort. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, resolve };
      const onAbort = () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(signal!.reason);
      };
      timer.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    later(() => {
      this.scheduled = false;
      if (!this.timers.length) return;
      let first = this.timers[0];
      for (const x of this.timers) if (x.at < first.at || (x.at === first.at && x.seq < first.seq)) first = x;
      this.timers = this.timers.filter((x) => x !== first);
      this.t = Math.max(this.t, first.at);
      first.resolve();
      if (this.timers.length) this.schedule();
    });
  }
}

/** What a scripted route answers: a response, a network failure, or a request that never answers. */
export type FakeReply =
  | {
      status?: number;
      headers?: Record<string, string | undefined>;
      body?: unknown;
      raw?: string;
      delayMs?: number;
    }
  | 'network-error'
  | 'hang';

type FakeCall = { method: string; url: string; headers: Header[]; at: number };

/** A fetch answering from `route(url, callNumber)`; records every call with its virtual time. */
export function fakeFetch(clock: FakeClock, route: (url: URL, n: number, req: HttpRequest) => FakeReply) {
  const calls: FakeCall[] = [];
  const fetch = async (req: HttpRequest): Promise<HttpResponse> => {
    calls.push({ method: req.method, url: req.url, headers: req.headers, at: clock.now() });
    const reply = route(new URL(req.url), calls.length, req);
    if (reply === 'network-error') throw new TypeError('fetch failed: ECONNRESET');
    if (reply === 'hang') return new Promise<never>(() => {});
    if (reply.delayMs) await clock.sleep(reply.delayMs, req.signal);
    const headers: Header[] = [];
    for (const [name, value] of Object.entries({ 'content-type': 'application/json', ...reply.headers }))
      if (value !== undefined) headers.push({ name, value });
    const bodyText = reply.raw ?? JSON.stringify(reply.body ?? null);
    return { status: reply.status ?? 200, statusText: '', url: req.url, headers, bodyText };
  };
  return { fetch, calls };
}

/** A sink keeping everything in memory; `failOnPage` makes one write reject (a full disk, a closed DB). */
export class MemorySink implements CrawlSink {
  pages: CrawledPage[] = [];
  records: unknown[] = [];
  checkpoints: Checkpoint[] = [];
  failOnPage?: number;

  /** Keeps the page, its records and a clone of the checkpoint; rejects for `failOnPage`. */
  async writePage(page: CrawledPage, records: unknown[], checkpoint: Checkpoint): Promise<void> {
    if (page.index === this.failOnPage) throw new Error('disk full');
    this.pages.push(page);
    this.records.push(...records);
    this.checkpoints.push(structuredClone(checkpoint));
  }

  /** The checkpoint of the last stored page. */
  get lastCheckpoint(): Checkpoint | undefined {
    return this.checkpoints[this.checkpoints.length - 1];
  }
}
