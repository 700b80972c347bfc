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

/**
 * Why a request was not analysed. `asset`: an image, font, script or style (not listed, not read);
 * `not-json`, `empty`; `no-content`: DevTools kept no body (Chrome drops bodies over ~10 MB, or it
 * was evicted); `too-large`: over what the panel analyses by itself (`autoLimit`).
 */
type SkipReason = 'asset' | 'not-json' | 'empty' | 'no-content' | 'too-large';
type CaptureStats = { kept: number; skipped: Record<SkipReason, number> };

/** A request the panel lists but did not analyse, and why. */
export type SkippedRequest = {
  /** The request and response; the body only when it was read and is under `maxBody` (too-large can then be analysed on demand). */
  exchange: Exchange;
  reason: Exclude<SkipReason, 'asset'>;
  /** Body size in bytes (or characters once read) when known. */
  size?: number;
};

export type CaptureLimits = {
  /** Bodies longer than this (characters) are listed as too-large, not analysed. @default 8 Mi */
  autoLimit?: number;
  /** A too-large body up to this length is kept so it can be analysed on demand. @default 64 Mi */
  maxBody?: number;
};

export const DEFAULT_AUTO_LIMIT = 8 * 1024 * 1024;
export const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

export type NetworkCapture = {
  /** Every JSON exchange finished after this call, deduplicated against backfill. */
  onExchange(cb: (ex: Exchange) => void): () => void;
  /** Every other request (not asset): listed with the reason it was not analysed. Backfill's too. */
  onSkipped(cb: (s: SkippedRequest) => void): () => void;
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

/** Images, fonts, media, styles, scripts: never JSON, never read, never listed. */
export function isAssetMime(mime: string): boolean {
  return ASSET_MIME.test(mime);
}

function mimeOf(req: DevtoolsRequest): string {
  return req.response?.content?.mimeType ?? '';
}

/** The body size DevTools reports (decoded, else on the wire), or 0 when it reports none. */
function declaredSize(req: DevtoolsRequest): number {
  const r = req.response as { content?: { size?: number }; bodySize?: number } | undefined;
  const n = Math.max(r?.content?.size ?? 0, r?.bodySize ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
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
  { autoLimit = DEFAULT_AUTO_LIMIT, maxBody = DEFAULT_MAX_BODY }: CaptureLimits = {},
): NetworkCapture {
  const listeners = new Set<(ex: Exchange) => void>();
  const skippedListeners = new Set<(s: SkippedRequest) => void>();
  const seen = new Set<string>();
  const stats: CaptureStats = {
    kept: 0,
    skipped: { asset: 0, 'not-json': 0, empty: 0, 'no-content': 0, 'too-large': 0 },
  };
  let next = 0;
  const nextId = () => `${idPrefix}-${++next}`;

  /** Reads the body and converts, or lists why not. Resolves null for anything not kept. */
  async function toExchange(req: DevtoolsRequest): Promise<Exchange | null> {
    const key = entryKey(req);
    if (seen.has(key)) return null;
    seen.add(key);
    const mime = mimeOf(req);
    if (isAssetMime(mime)) {
      stats.skipped.asset++;
      return null;
    }
    const declared = declaredSize(req);
    let content: string | null;
    let encoding: string | undefined;
    try {
      ({ content, encoding } = await req.getContent());
    } catch {
      return skip(req, 'no-content', declared);
    }
    // DevTools answers null (or '') for a body it did not keep, e.g. Chrome's 20 MB responses.
    if (!content && declared) return skip(req, 'no-content', declared);
    // One conversion path for both body kinds: fromHarEntry decodes a base64 body itself.
    const response = {
      ...req.response,
      content: { ...req.response?.content, text: content ?? undefined, encoding },
    };
    const ex = fromHarEntry({ ...req, response });
    const body = ex.response.bodyText;
    if (!body || !body.trim()) return skip(req, 'empty', 0, ex);
    if (!isJsonMime(mime) && !looksLikeJson(body)) return skip(req, 'not-json', body.length, ex);
    if (body.length > autoLimit) return skip(req, 'too-large', body.length, ex);
    stats.kept++;
    return { ...ex, id: nextId() };
  }

  /** Lists a request not analysed; its body is kept only for too-large ones under maxBody. */
  function skip(req: DevtoolsRequest, reason: SkippedRequest['reason'], size?: number, ex?: Exchange): null {
    stats.skipped[reason]++;
    const keepBody = reason === 'too-large' && (size ?? Infinity) <= maxBody;
    const base =
      ex ??
      fromHarEntry({
        ...req,
        response: { ...req.response, content: { ...req.response?.content, text: undefined } },
      });
    const exchange: Exchange = {
      ...base,
      id: nextId(),
      response: { ...base.response, bodyText: keepBody ? base.response.bodyText : null },
    };
    if (size !== undefined && exchange.response.bodySize === undefined) exchange.response.bodySize = size;
    const s: SkippedRequest = { exchange, reason, ...(size ? { size } : {}) };
    for (const cb of skippedListeners) cb(s);
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
    onSkipped(cb) {
      skippedListeners.add(cb);
      return () => skippedListeners.delete(cb);
    },
    onNavigated: (cb) => net.onNavigated(cb),
    stats: () => structuredClone(stats),
    stop: unsubscribe,
  };
}
