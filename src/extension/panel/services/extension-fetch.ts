/**
 * The crawl engine's HttpFetch for the panel: the panel page's own `fetch`. An extension page with
 * host permission for the API's origin is not bound by CORS, so every response header is readable.
 *
 * Credentials: the browser's cookies for the API go only with requests to the crawl's own origin
 * (`credentials: 'include'`); any other origin gets `'omit'`. Authorization-like headers are already
 * dropped for other origins by the engine (core/crawl/credentials.ts). `fetch` cannot set Cookie
 * itself (a forbidden header, silently ignored), which is why `include` is needed at all.
 *
 * Integers beyond 2^53 in JSON bodies come out quoted (core/exact-integers.ts), as in the CLI, so
 * the engine's JSON.parse cannot round ids on the way into IndexedDB and the exports.
 */
import { withExactIntegers } from '../../../core/exact-integers.ts';
import type { Header } from '../../../core/exchange.ts';
import type { HttpFetch, HttpRequest, HttpResponse } from '../../../core/ports.ts';

export type ExtensionFetchOptions = {
  /** The origin of the crawl's first request: the only one that gets the browser's cookies. */
  credentialOrigin: string;
  /** The fetch to use. @default globalThis.fetch */
  fetchImpl?: typeof fetch;
};

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** Headers the browser accepts; a name or value it refuses (e.g. from an odd HAR) is skipped, not fatal. */
function toHeaders(list: readonly Header[]): Headers {
  const out = new Headers();
  for (const h of list) {
    try {
      out.append(h.name, h.value);
    } catch {
      // An invalid header name/value would make the whole request throw; leaving it out is kinder.
    }
  }
  return out;
}

function fromHeaders(h: Headers): Header[] {
  const out: Header[] = [];
  h.forEach((value, name) => out.push({ name, value }));
  return out;
}

/** Which `credentials` mode a request to `url` gets. */
export function credentialsFor(url: string, credentialOrigin: string): RequestCredentials {
  const o = originOf(url);
  return o !== null && o === originOf(credentialOrigin) ? 'include' : 'omit';
}

/** Builds the HttpFetch. Rejects only when no response came (network error, abort), as the port says. */
export function createExtensionFetch(opts: ExtensionFetchOptions): HttpFetch {
  const doFetch = opts.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  return withExactIntegers(async (req: HttpRequest): Promise<HttpResponse> => {
    const init: RequestInit = {
      method: req.method,
      headers: toHeaders(req.headers),
      credentials: credentialsFor(req.url, opts.credentialOrigin),
      redirect: 'follow',
      // The crawl wants what the server says now, not a page cached during the user's browsing.
      cache: 'no-store',
    };
    if (req.body !== undefined && req.method !== 'GET' && req.method !== 'HEAD') init.body = req.body;
    if (req.signal) init.signal = req.signal;
    const res = await doFetch(req.url, init);
    const bodyText = await res.text();
    return {
      status: res.status,
      statusText: res.statusText,
      url: res.url || req.url,
      headers: fromHeaders(res.headers),
      bodyText,
    };
  });
}
