/**
 * Precise delays for the `latencyMs` option. Benches compare runs at 20 ms per request and
 * setTimeout(20) sleeps ~20.4 ms, so we sleep a little less and wait out the rest on the clock.
 */
import { performance } from 'node:perf_hooks';

const SPIN_MS = 1.5;

export async function sleepPrecise(ms: number): Promise<void> {
  if (!(ms > 0)) return;
  const end = performance.now() + ms;
  if (ms > SPIN_MS + 0.5) await new Promise((r) => setTimeout(r, Math.floor(ms - SPIN_MS)));
  while (performance.now() < end) await new Promise((r) => setImmediate(r));
}
