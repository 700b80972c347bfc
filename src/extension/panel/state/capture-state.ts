/**
 * The capture sub-store: every request seen (live or imported) — JSON exchanges detected once on
 * arrival, the others listed as not analysed with the reason — the assets count and the preserve-log
 * flag. Live exchanges are batched so a burst of 10 000 costs a few list updates, not 10 000 array copies.
 */
import { batch, computed, signal } from '@preact/signals';
import { isJsonMime, looksLikeJson, type Exchange } from '../../../core/exchange.ts';
import { detectWithReason } from '../../../core/detect/index.ts';
import type { DetectOutcome } from '../../../core/detect/types.ts';
import { isAssetMime, type SkippedRequest } from '../../network.ts';
import { UNANALYSED_LABEL, type Unanalysed } from '../lib/unanalysed.ts';
import type { CapturedItem } from './captured-item.ts';

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
  /** Images, scripts, styles and fonts the capture service passed over unread, since the last clear. */
  const assets = signal(0);
  /** Listed but not analysed (not JSON, empty, body unavailable, too large). */
  const unanalysed = computed(() => items.value.reduce((n, it) => n + (it.unanalysed ? 1 : 0), 0));
  const byId = computed(() => new Map(items.value.map((it) => [it.id, it])));
  let seq = 0;
  /** The capture service's cumulative asset count at the last poll. */
  let assetsTotal = 0;
  let pending: CapturedItem[] = [];
  let scheduled = false;

  /** A listed request that was not analysed, with why (the Pagination tab shows it). */
  function unanalysedItem(exchange: Exchange, source: CapturedItem['source'], u: Unanalysed): CapturedItem {
    const { request, response } = exchange;
    return {
      id: String(++seq),
      exchange,
      detection: null,
      notPaginated: `not analysed (${UNANALYSED_LABEL[u.reason]})`,
      source,
      search: `${request.method} ${response.status} ${request.url} ${UNANALYSED_LABEL[u.reason]}`,
      paginated: false,
      unanalysed: u,
    };
  }

  function toItem(
    exchange: Exchange,
    source: CapturedItem['source'],
    id = String(++seq),
  ): CapturedItem | null {
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
    const notPaginated = outcome.ok ? undefined : (failedRequestReason(response.status) ?? outcome.reason);
    return {
      id,
      exchange,
      detection,
      notPaginated,
      source,
      search,
      paginated: detection !== null,
    };
  }

  function queue(it: CapturedItem) {
    pending.push(it);
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
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
    batch(() => {
      items.value = [];
      assets.value = 0;
    });
  }

  return {
    items,
    byId,
    preserveLog,
    assets,
    unanalysed,
    /** Queues one live exchange; the list updates on the next flush. */
    enqueue(ex: Exchange) {
      const it = toItem(ex, 'live');
      if (it) queue(it);
    },
    /** Queues a request the capture service did not analyse: it is listed, with why. */
    enqueueSkipped(s: SkippedRequest) {
      queue(unanalysedItem(s.exchange, 'live', { reason: s.reason, ...(s.size ? { size: s.size } : {}) }));
    },
    /**
     * Adds many at once (backfill, HAR import): JSON is analysed, the rest listed as not JSON.
     * Returns how many were analysed and how many not.
     */
    add(list: readonly Exchange[], source: CapturedItem['source'] = 'live') {
      flush();
      const added: CapturedItem[] = [];
      let kept = 0;
      let ignored = 0;
      let assetCount = 0;
      for (const ex of list) {
        const it = toItem(ex, source);
        if (it) {
          kept++;
          added.push(it);
        } else if (isAssetMime(ex.response.mimeType)) assetCount++;
        else {
          ignored++;
          added.push(unanalysedItem(ex, source, { reason: 'not-json', size: ex.response.bodyText?.length }));
        }
      }
      batch(() => {
        if (added.length) items.value = items.value.concat(added);
        if (assetCount) assets.value += assetCount;
      });
      return { kept, skipped: ignored + assetCount };
    },
    /**
     * Analyses a listed too-large request now ("Analyse anyway"), in place (same id, so the
     * selection stays); `fetched`: the same request fetched again by the panel (its body DevTools
     * did not keep). Returns why not when it cannot: no body, or the body is not JSON.
     */
    analyse(id: string, fetched?: Exchange): string | null {
      flush();
      const at = items.value.findIndex((it) => it.id === id);
      const old = items.value[at];
      if (!old?.unanalysed) return null;
      const exchange = fetched ?? old.exchange;
      if (exchange.response.bodyText == null) return 'the body is not available to the panel';
      const it = toItem(exchange, old.source, old.id);
      if (!it) return 'the body is not JSON';
      const next = items.value.slice();
      next[at] = it;
      items.value = next;
      return null;
    },
    flush,
    /** The capture service's cumulative asset count; shown relative to the last clear. */
    setAssetCount(total: number) {
      if (total === assetsTotal) return;
      assets.value += total - assetsTotal;
      assetsTotal = total;
    },
    clear,
    /** The inspected page navigated: the log starts over unless preserve log is on. */
    navigated() {
      if (!preserveLog.value) clear();
    },
  };
}

/** A 401/403 answers nothing about pagination: say the request failed and what a crawl needs. */
function failedRequestReason(status: number): string | undefined {
  if (status === 401 || status === 403)
    return `the request failed with ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}, so there is no page to read. The API wants credentials: a crawl needs them too (sign in on the page so the browser sends its cookies, or use the CLI with -H 'Authorization: …').`;
  if (status >= 400 || status === 0)
    return `the request failed with ${status === 0 ? 'no response' : `HTTP ${status}`}, so there is no page to read.`;
  return undefined;
}
