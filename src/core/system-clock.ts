/**
 * The one real Clock, for the CLI, the panel, the benches and the tests that crawl real servers:
 * epoch milliseconds (so a Retry-After date can be honoured without a Date header) and abortable
 * setTimeout sleeps. Date and setTimeout are standard in Node and browsers alike. Unit tests use
 * the virtual FakeClock instead.
 */
import type { Clock } from './ports.ts';

/** Date.now, and sleeps that reject with the signal's reason when it aborts (before or during). */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
