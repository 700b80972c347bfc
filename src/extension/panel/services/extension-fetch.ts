/**
 * The crawl engine's HttpFetch for the panel: the panel page's own `fetch`. An extension page with
 * host permission for the API's origin is not bound by CORS, so every response header is readable.
 *
 * Credentials (core/crawl/credentials.ts `isCredentialHeader`, the one rule) go only to the crawl's
 * own origin, and that includes redirects. A request to that origin is sent with `redirect: 'manual'`
 * and the browser's cookies (`credentials: 'include'`; `fetch` cannot set Cookie itself). Browsers
 * hide a redirect's Location from extension pages (an opaque redirect: status 0, no headers), so
 * when one comes the same request goes again without any credential — no credential headers,
 * `credentials: 'omit'` — and the browser follows the hops. If they end on another origin, that
 * credential-free answer is the page; if they end on the crawl's origin (a trailing-slash redirect),
 * the final URL is asked again, with the credentials. Requests to any other origin never carry them.
 *
 * Bodies are read as a stream and counted once decoded; past `maxBodyBytes` the read stops with a
 * clear error instead of holding a gzip bomb in memory. Integers beyond 2^53 in JSON bodies come out
 * quoted (core/exact-integers.ts), as in the CLI.
 */
import { isCredentialHeader } from '../../../core/crawl/credentials.ts';
import { withExactIntegers } from '../../../core/exact-integers.ts';
import type { Header } from '../../../core/exchange.ts';
import {
  DEFAULT_MAX_BODY_BYTES,
  type HttpFetch,
  type HttpRequest,
  type HttpResponse,
} from '../../../core/ports.ts';
import { originOf } from '../../../core/url.ts';

export type ExtensionFetchOptions = {
  /** The origin of the crawl's first request: the only one that gets credentials and cookies. */
  credentialOrigin: string;
  /** The fetch to use. @default globalThis.fetch */
  fetchImpl?: typeof fetch;
  /** Largest decoded body read, in bytes. @default DEFAULT_MAX_BODY_BYTES (256 MiB) */
  maxBodyBytes?: number;
  /** Same-origin redirects followed with credentials before giving up. @default 20 */
  maxRedirects?: number;
};

/** What the fetch rejects with when a body passes the limit. */
export class BodyTooLargeError extends Error {
  constructor(url: string, limit: number) {
    super(
      `the response of ${url} is larger than ${Math.round(limit / 1024 / 1024)} MiB once decoded; the panel stops ` +
        `reading there. Crawl this API with the CLI (pagescope crawl URL --max-body …) instead.`,
    );
    this.name = 'BodyTooLargeError';
  }
}

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
  return o !== undefined && o === originOf(credentialOrigin) ? 'include' : 'omit';
}

/** The body as text, decoded as it streams in; rejects past `max` decoded bytes. */
async function readBoundedText(res: Response, url: string, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > max) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(url, max);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Builds the HttpFetch. Rejects only when no usable response came (network error, abort, body too large). */
export function createExtensionFetch(opts: ExtensionFetchOptions): HttpFetch {
  const doFetch = opts.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  const home = originOf(opts.credentialOrigin);
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRedirects = opts.maxRedirects ?? 20;

  function send(req: HttpRequest, url: string, withCredentials: boolean): Promise<Response> {
    const init: RequestInit = {
      method: req.method,
      headers: toHeaders(
        withCredentials ? req.headers : req.headers.filter((h) => !isCredentialHeader(h.name)),
      ),
      credentials: withCredentials ? 'include' : 'omit',
      // With credentials, redirects stay in our hands; without, the browser may follow them.
      redirect: withCredentials ? 'manual' : 'follow',
      // The crawl wants what the server says now, not a page cached during the user's browsing.
      cache: 'no-store',
    };
    if (req.body !== undefined && req.method !== 'GET' && req.method !== 'HEAD') init.body = req.body;
    if (req.signal) init.signal = req.signal;
    return doFetch(url, init);
  }

  async function respond(res: Response, url: string): Promise<HttpResponse> {
    const finalUrl = res.url || url;
    return {
      status: res.status,
      statusText: res.statusText,
      url: finalUrl,
      headers: fromHeaders(res.headers),
      bodyText: await readBoundedText(res, finalUrl, maxBody),
    };
  }

  return withExactIntegers(async (req: HttpRequest): Promise<HttpResponse> => {
    let url = req.url;
    for (let hop = 0; ; hop++) {
      if (home === undefined || originOf(url) !== home) return respond(await send(req, url, false), url);
      const res = await send(req, url, true);
      if (res.type !== 'opaqueredirect') return respond(res, url);
      // A redirect whose target the browser hides: learn it by following without any credential.
      const probe = await send(req, url, false);
      const target = probe.url || url;
      if (originOf(target) !== home) return respond(probe, target); // another origin: got no credential
      if (!probe.redirected || target === url) {
        await probe.body?.cancel().catch(() => {});
        throw new Error(
          `${url} redirects only when sent the credentials, and browsers hide where to from the panel; ` +
            `crawl it with the CLI, which follows redirects itself`,
        );
      }
      await probe.body?.cancel().catch(() => {});
      if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects from ${req.url}`);
      url = target; // same origin (e.g. a trailing slash): ask there again, with the credentials
    }
  });
}
