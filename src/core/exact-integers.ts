/**
 * Integers beyond 2^53 kept exact on the way into a crawl, the same way in the CLI and the panel:
 * JSON bodies pass through `quoteBigIntegers` (export/lossless.ts) before the engine's `JSON.parse`
 * could round them, so an id like 9007199254740993 reaches the store and every export as its exact
 * digits (a string), and distinct records never collapse into one dedup key.
 */
import type { CrawlStart } from './crawl/types.ts';
import { headerValue, isJsonMime, looksLikeJson, type Header } from './exchange.ts';
import { quoteBigIntegers, type QuotedText } from './export/lossless.ts';
import type { HttpFetch } from './ports.ts';

/** The body with unsafe integers quoted, when it is JSON by MIME type or by its first character. */
export function exactJsonBody(headers: readonly Header[], bodyText: string, mimeType?: string): QuotedText {
  const mime = mimeType || headerValue(headers, 'content-type') || '';
  if (!isJsonMime(mime) && !looksLikeJson(bodyText)) return { text: bodyText, quoted: 0 };
  return quoteBigIntegers(bodyText);
}

/**
 * Wraps a fetch so JSON bodies keep integers beyond 2^53 exact (as strings of digits), before the
 * engine's JSON.parse could round them. `count()` says how many were kept.
 */
export function withExactIntegers(fetch: HttpFetch): HttpFetch & { count(): number } {
  let count = 0;
  const wrapped: HttpFetch = async (req) => {
    const res = await fetch(req);
    const q = exactJsonBody(res.headers, res.bodyText);
    if (!q.quoted) return res;
    count += q.quoted;
    return { ...res, bodyText: q.text };
  };
  return Object.assign(wrapped, { count: () => count });
}

/**
 * The crawl start with its first page's body quoted the same way: a start page captured by DevTools
 * (or read from a HAR) did not come through `withExactIntegers`, yet its records are page 0 of the
 * crawl. Returns `start` itself when nothing needed quoting.
 */
export function withExactStart(start: CrawlStart): CrawlStart {
  const res = start.exchange.response;
  if (res.bodyText == null) return start;
  const q = exactJsonBody(res.headers, res.bodyText, res.mimeType);
  if (!q.quoted) return start;
  return { ...start, exchange: { ...start.exchange, response: { ...res, bodyText: q.text } } };
}
