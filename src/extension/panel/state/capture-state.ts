/**
 * The capture sub-store: every JSON exchange seen (live or imported), each detected once on arrival,
 * the skipped count and the preserve-log flag. Live exchanges are batched so a burst of 10 000
 * costs a few list updates, not 10 000 array copies.
 */
import { batch, computed, signal } from '@preact/signals';
import { isJsonMime, looksLikeJson, type Exchange } from '../../../core/exchange.ts';
import { detectWithReason } from '../../../core/detect/index.ts';
import type { DetectOutcome } from '../../../core/detect/types.ts';
import type { CapturedItem } from './services.ts';

export type CaptureOptions = {
  /** Detection with the reason when there is none. @default core's detectWithReason() */
  detect?: (ex: Exchange) => DetectOutcome;
  /** Runs a batched flush later. @default setTimeout(fn, 30) */
  schedule?: (flush: () => void) => void;
};

export type CaptureState = ReturnType<typeof createCaptureState>;

export function createCaptureState({
  detect = detectWithReason,
  schedule = (f) => void setTimeout(f, 30),
}: CaptureOptions = {}) {
  const items = signal<readonly CapturedItem[]>([]);
  const preserveLog = signal(false);
  /** Skipped by the capture service since the last clear (its counter minus a baseline). */
  const liveSkipped = signal(0);
  const importSkipped = signal(0);
  const skipped = computed(() => liveSkipped.value + importSkipped.value);
  const byId = computed(() => new Map(items.value.map((it) => [it.id, it])));
  let seq = 0;
  let liveBase = 0;
  let liveTotal = 0;
  let pending: CapturedItem[] = [];
  let scheduled = false;

  function toItem(exchange: Exchange, source: CapturedItem['source']): CapturedItem | null {
    const { response, request } = exchange;
    if (!isJsonMime(response.mimeType) && !looksLikeJson(response.bodyText)) return null;
    let outcome: DetectOutcome;
    try {
      outcome = detect(exchange);
    } catch (e) {
      // detect() promises not to throw; one that does must not stop the capture.
      outcome = { ok: false, reason: `detection failed: ${(e as Error).message}` };
    }
    const detection = outcome.ok ? outcome.detection : null;
    const search = `${request.method} ${response.status} ${request.url} ${detection?.style ?? ''}`;
    const notPaginated = outcome.ok ? undefined : outcome.reason;
    return {
      id: String(++seq),
      exchange,
      detection,
      notPaginated,
      source,
      search,
      paginated: detection !== null,
    };
  }

  function flush() {
    scheduled = false;
    if (!pending.length) return;
    const add = pending;
    pending = [];
    items.value = items.value.concat(add);
  }

  function clear() {
    pending = [];
    liveBase = liveTotal;
    batch(() => {
      items.value = [];
      liveSkipped.value = 0;
      importSkipped.value = 0;
    });
  }

  return {
    items,
    byId,
    preserveLog,
    skipped,
    /** Queues one live exchange; the list updates on the next flush. */
    enqueue(ex: Exchange) {
      const it = toItem(ex, 'live');
      if (!it) return;
      pending.push(it);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    /** Adds many at once (backfill, HAR import). Returns how many were kept and skipped. */
    add(list: readonly Exchange[], source: CapturedItem['source'] = 'live') {
      flush();
      const kept: CapturedItem[] = [];
      for (const ex of list) {
        const it = toItem(ex, source);
        if (it) kept.push(it);
      }
      const ignored = list.length - kept.length;
      batch(() => {
        if (kept.length) items.value = items.value.concat(kept);
        if (ignored) importSkipped.value += ignored;
      });
      return { kept: kept.length, skipped: ignored };
    },
    flush,
    /** The capture service's cumulative skipped count; shown relative to the last clear. */
    setLiveSkipped(total: number) {
      liveTotal = total;
      liveSkipped.value = Math.max(0, total - liveBase);
    },
    clear,
    /** The inspected page navigated: the log starts over unless preserve log is on. */
    navigated() {
      if (!preserveLog.value) clear();
    },
  };
}
