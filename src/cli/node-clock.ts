/** The real Clock for the CLI: performance.now and abortable timers. */
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../core/ports.ts';

export const nodeClock: Clock = {
  now: () => performance.now(),
  async sleep(ms, signal) {
    if (signal?.aborted) throw signal.reason;
    if (ms <= 0) return;
    await delay(ms, undefined, { signal }).catch((e) => {
      throw signal?.aborted ? signal.reason : e;
    });
  },
};
