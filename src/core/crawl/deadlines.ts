/**
 * Request timeouts on one timer: each request notes its deadline, and a single clock sleep, armed
 * for the earliest one, fires at most once per timeout period and re-arms for the next deadline
 * still pending. A per-request timer (sleep + AbortController + abort on success) cost ~40 µs a
 * page on the crawl's hot path; here a request adds and removes a Set entry. Deadlines are
 * absolute, so each request still times out exactly `ms` after it started.
 */
import type { Clock } from '../ports.ts';

type Entry = { at: number; onTimeout: () => void };

// Cancelling the armed sleep with a reason of our own skips building a DOMException per abort.
const CANCELLED = Symbol('deadline re-armed');

export class Deadlines {
  private entries = new Set<Entry>();
  private armed: { at: number; ctrl: AbortController } | null = null;

  constructor(private readonly clock: Clock) {}

  /** Calls `onTimeout` once `ms` have passed, unless the returned function is called first. */
  watch(ms: number, onTimeout: () => void): () => void {
    const e: Entry = { at: this.clock.now() + ms, onTimeout };
    this.entries.add(e);
    if (!this.armed || e.at < this.armed.at) this.arm(e.at);
    return () => void this.entries.delete(e);
  }

  /** Cancels the timer and forgets every deadline (the crawl is over; nothing may keep it alive). */
  dispose(): void {
    this.armed?.ctrl.abort(CANCELLED);
    this.armed = null;
    this.entries.clear();
  }

  private arm(at: number): void {
    this.armed?.ctrl.abort(CANCELLED);
    const armed = { at, ctrl: new AbortController() };
    this.armed = armed;
    this.clock.sleep(Math.max(0, at - this.clock.now()), armed.ctrl.signal).then(
      () => {
        if (this.armed !== armed) return;
        this.armed = null;
        this.fire();
      },
      () => {},
    );
  }

  private fire(): void {
    const now = this.clock.now();
    let next = Infinity;
    for (const e of this.entries) {
      if (e.at <= now) {
        this.entries.delete(e);
        e.onTimeout();
      } else if (e.at < next) next = e.at;
    }
    // With no request in flight the timer stays off; the next request arms it again.
    if (next < Infinity && !this.armed) this.arm(next);
  }
}
