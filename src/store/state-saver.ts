/**
 * Saves the newest of a stream of states in the background, spaced by an interval: the caller
 * offers a state per page and never waits on the disk; `settle()` saves what is pending now.
 * Saves never overlap and happen in offer order; a failed save is thrown by the next offer/settle.
 */
export type StateSaver<S> = {
  /** Queues `state` (replacing any queued one) and starts a save when the interval allows. */
  offer(state: S): void;
  /** Saves the queued state at once and waits for every save to finish. */
  settle(): Promise<void>;
};

export function createStateSaver<S>(save: (state: S) => Promise<void>, intervalMs: number): StateSaver<S> {
  let queued: S | null = null;
  let saving: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSave = -Infinity;
  let failure: Error | null = null;

  const schedule = (): void => {
    if (saving || timer || queued === null || failure) return;
    const wait = lastSave + intervalMs - performance.now();
    if (wait > 0) {
      timer = setTimeout(() => ((timer = null), schedule()), wait);
      timer.unref?.();
      return;
    }
    const s = queued;
    queued = null;
    saving = (async () => {
      try {
        await save(s);
        lastSave = performance.now();
      } catch (e) {
        failure = e as Error;
      } finally {
        saving = null;
        schedule();
      }
    })();
  };

  return {
    offer(state) {
      if (failure) throw failure;
      queued = state;
      schedule();
    },
    async settle() {
      for (;;) {
        if (timer) clearTimeout(timer);
        timer = null;
        if (!saving && queued !== null && !failure) {
          lastSave = -Infinity;
          schedule();
        }
        if (!saving) break;
        await saving;
      }
      if (failure) throw failure;
    },
  };
}
