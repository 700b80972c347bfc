/**
 * Which of the first request's headers a crawl replays, and to whom. Credentials go only back to the
 * origin that received them; a next link to another origin gets none unless the user allows it.
 */
import type { Header } from '../exchange.ts';
import type { RequestSpec } from '../detect/types.ts';
import type { HttpRequest } from '../ports.ts';
import { originOf } from '../url.ts';

/**
 * Never replayed: hop-by-hop and framing headers (RFC 9110 §7.6.1), Host, HTTP/2 pseudo-headers
 * (`:authority` in Chrome's HAR), Accept-Encoding (the fetch layer decodes what it asked for itself),
 * and conditional headers — a replayed If-None-Match would turn pages into bodiless 304s.
 */
const DROP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'host',
  'accept-encoding',
  'if-none-match',
  'if-modified-since',
  'if-match',
  'if-unmodified-since',
  'if-range',
  'range',
]);

const CREDENTIAL_EXACT = new Set([
  'authorization',
  'proxy-authorization',
  'authentication',
  'cookie',
  'apikey',
  'api-key',
  'key',
]);
// `*-key`, `*-auth` after a separator (not `monkey`); token, secret, password, signature and session
// ids at the end of any name (`X-CSRFToken`, `X-Client-Secret`, `X-Session-Id`, `sessionid`).
const CREDENTIAL_PATTERN =
  /(^|[-_])(key|auth)$|(token|secret|password|passwd|signature|session|session[-_]?id)$|api[-_]?key|access[-_]?token|^x-auth/;

/**
 * The one definition of a credential header, used by every path that sends a request (crawled pages,
 * redirects in the CLI's HTTP client, the panel's fetches): Authorization, Proxy-Authorization,
 * Cookie and names that look like API keys, tokens, secrets or session ids (`X-Api-Key`,
 * `X-Auth-Token`, `*-Key`, `X-CSRFToken`).
 */
export function isCredentialHeader(name: string): boolean {
  const n = name.toLowerCase();
  return CREDENTIAL_EXACT.has(n) || CREDENTIAL_PATTERN.test(n);
}

/** The first request's headers worth replaying on every page (still including credentials). */
export function replayableHeaders(headers: readonly Header[]): Header[] {
  return headers.filter((h) => !h.name.startsWith(':') && !DROP.has(h.name.toLowerCase()));
}

/** The start URL's origin, parsed once per crawl rather than once per request. */
let lastStart: { url: string; origin: string | undefined } | undefined;
function startOrigin(url: string): string | undefined {
  if (lastStart?.url !== url) lastStart = { url, origin: originOf(url) };
  return lastStart.origin;
}

/**
 * The request to send for `spec`: the replayable headers of the first request, overridden by the
 * spec's own, minus credential headers when `spec.url` is on another origin than `startUrl` and
 * `allowCrossOrigin` is false.
 */
export function buildRequest(
  spec: RequestSpec,
  base: readonly Header[],
  startUrl: string,
  allowCrossOrigin: boolean,
): HttpRequest {
  const own = spec.headers ?? [];
  let headers: Header[];
  if (!own.length) headers = base.slice();
  else {
    const overridden = new Set(own.map((h) => h.name.toLowerCase()));
    headers = [...base.filter((h) => !overridden.has(h.name.toLowerCase())), ...replayableHeaders(own)];
  }
  const origin = originOf(spec.url);
  const sameOrigin = origin !== undefined && origin === startOrigin(startUrl);
  if (!sameOrigin && !allowCrossOrigin) headers = headers.filter((h) => !isCredentialHeader(h.name));
  const req: HttpRequest = { method: spec.method || 'GET', url: spec.url, headers };
  if (spec.body !== undefined) req.body = spec.body;
  return req;
}
