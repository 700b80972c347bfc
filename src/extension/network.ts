/**
 * The capture service: turns what DevTools records into Exchanges the panel can detect on.
 * It talks to DevTools only through the small `DevtoolsNetwork` port (implemented in browser.ts),
 * so it runs unchanged against a fake in unit tests.
 */
import { fromHarEntry, isJsonMime, looksLikeJson, type Exchange, type HarEntry } from '../core/exchange.ts';

/** A recorded request: a HAR entry plus a way to fetch its body, which DevTools keeps out of the HAR. */
export type DevtoolsRequest = HarEntry & {
  getContent(): Promise<{ content: string | null; encoding?: string }>;
};

/** What the capture service needs from `devtools.network`; each listener returns its own unsubscribe. */
export type DevtoolsNetwork = {
  onRequestFinished(cb: (req: DevtoolsRequest) => void): () => void;
  getHAR(): Promise<DevtoolsRequest[]>;
  onNavigated(cb: (url: string) => void): () => void;
};

export type SkipReason = 'not-json' | 'empty' | 'no-content';
export type CaptureStats = { kept: number; skipped: Record<SkipReason, number> };

export type NetworkCapture = {
  /** Every JSON exchange finished after this call, deduplicated against backfill. */
  onExchange(cb: (ex: Exchange) => void): () => void;
  /** JSON exchanges DevTools recorded before the panel existed (getHAR), minus any already seen. */
  backfill(): Promise<Exchange[]>;
  onNavigated(cb: (url: string) => void): () => void;
  stats(): CaptureStats;
  /** Removes the DevTools listener. */
  stop(): void;
};

// Obvious non-JSON types are skipped before getContent(): reading every script and image body
// is what makes network panels slow on busy pages. Anything else (text/html, text/plain, no type)
// is read and sniffed, because some servers label JSON wrongly.
const ASSET_MIME =
  /^(image|font|audio|video)\/|^text\/css|javascript|ecmascript|wasm|^application\/(pdf|zip)/i;

function mimeOf(req: DevtoolsRequest): string {
  return req.response?.content?.mimeType ?? '';
}

// DevTools gives no request id in its HAR, so a live entry and the same entry in getHAR() are
// matched on what HAR does give; `time` separates two identical fetches in one millisecond.
function entryKey(req: DevtoolsRequest): string {
  return [req.request?.method, req.request?.url, req.startedDateTime, req.time, req.response?.status].join(
    ' ',
  );
}

/**
 * Creates the capture service. The DevTools listener is added at once, so nothing finishing
 * between creation and the first `onExchange` subscriber is lost.
 * @param idPrefix distinguishes this capture's ids from an earlier session's. @default base-36 time
 */
export function createNetworkCapture(
  net: DevtoolsNetwork,
  idPrefix = Date.now().toString(36),
): NetworkCapture {
  const listeners = new Set<(ex: Exchange) => void>();
  const seen = new Set<string>();
  const stats: CaptureStats = { kept: 0, skipped: { 'not-json': 0, empty: 0, 'no-content': 0 } };
  let next = 0;

  /** Reads the body and converts, or counts why not. Resolves null for anything not kept. */
  async function toExchange(req: DevtoolsRequest): Promise<Exchange | null> {
    const key = entryKey(req);
    if (seen.has(key)) return null;
    seen.add(key);
    const mime = mimeOf(req);
    if (ASSET_MIME.test(mime)) return skip('not-json');
    let content: string | null;
    let encoding: string | undefined;
    try {
      ({ content, encoding } = await req.getContent());
    } catch {
      return skip('no-content');
    }
    // One conversion path for both body kinds: fromHarEntry decodes a base64 body itself.
    const response = {
      ...req.response,
      content: { ...req.response?.content, text: content ?? undefined, encoding },
    };
    const ex = fromHarEntry({ ...req, response });
    const body = ex.response.bodyText;
    if (!body || !body.trim()) return skip('empty');
    if (!isJsonMime(mime) && !looksLikeJson(body)) return skip('not-json');
    stats.kept++;
    return { ...ex, id: `${idPrefix}-${++next}` };
  }

  function skip(reason: SkipReason): null {
    stats.skipped[reason]++;
    return null;
  }

  const unsubscribe = net.onRequestFinished((req) => {
    void toExchange(req).then((ex) => {
      if (ex) for (const cb of listeners) cb(ex);
    });
  });

  return {
    onExchange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async backfill() {
      const entries = await net.getHAR();
      const out = await Promise.all(entries.map(toExchange));
      return out.filter((ex): ex is Exchange => ex !== null);
    },
    onNavigated: (cb) => net.onNavigated(cb),
    stats: () => structuredClone(stats),
    stop: unsubscribe,
  };
}
