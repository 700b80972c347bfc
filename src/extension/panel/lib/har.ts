/**
 * HAR 1.2 in and out of the panel: import a file's entries as Exchanges (through core's
 * fromHarEntry), export the captured list as a HAR log other tools open (DevTools, Charles, har-viewer).
 * Exports are sanitised by default: credential header values (core's `isCredentialHeader`:
 * Authorization, Cookie, API-key-like names), Set-Cookie values and passwords in URLs are replaced
 * by `[redacted]`, so a HAR can be shared. The raw export is a separate, explicit choice.
 * Spec: http://www.softwareishard.com/blog/har-12-spec/
 */
import { isCredentialHeader } from '../../../core/crawl/credentials.ts';
import { fromHarEntry, type Exchange, type HarEntry, type Header } from '../../../core/exchange.ts';

/** What a sanitised export writes in place of a secret. */
const REDACTED = '[redacted]';

export type HarImport = { ok: true; exchanges: Exchange[]; ignored: number } | { ok: false; reason: string };

/** Parses HAR text. A file that is not a HAR log comes back as `{ ok: false, reason }` for the user. */
export function parseHar(text: string, idPrefix = 'har'): HarImport {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, reason: `Not a HAR file: the JSON does not parse (${(e as Error).message}).` };
  }
  const entries = (doc as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) return { ok: false, reason: 'Not a HAR file: no log.entries array.' };
  const exchanges: Exchange[] = [];
  let ignored = 0;
  entries.forEach((entry, i) => {
    const e = entry as HarEntry;
    if (!e || typeof e !== 'object' || typeof e.request?.url !== 'string') ignored++;
    else exchanges.push(fromHarEntry(e, `${idPrefix}-${i}`));
  });
  if (entries.length && !exchanges.length)
    return { ok: false, reason: 'Not a HAR file: no entry has a request URL.' };
  return { ok: true, exchanges, ignored };
}

function queryString(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

const utf8 = new TextEncoder();

/** One Exchange as a HAR 1.2 entry (every field the spec requires; unknowns as -1 as it says). */
function toHarEntry(ex: Exchange): Record<string, unknown> {
  const { request: req, response: res } = ex;
  const text = res.bodyText;
  const size = text == null ? 0 : utf8.encode(text).length;
  const time = ex.time ?? 0;
  return {
    startedDateTime: ex.startedDateTime ?? new Date(0).toISOString(),
    time,
    request: {
      method: req.method,
      url: req.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: req.headers,
      queryString: queryString(req.url),
      ...(req.postData
        ? { postData: { mimeType: req.postData.mimeType ?? '', text: req.postData.text ?? '' } }
        : {}),
      headersSize: -1,
      bodySize: req.postData?.text != null ? utf8.encode(req.postData.text).length : 0,
    },
    response: {
      status: res.status,
      statusText: res.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: res.headers,
      content: { size, mimeType: res.mimeType, ...(text != null ? { text } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: res.bodySize ?? size,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
  };
}

const redactHeaders = (list: readonly Header[], secret: (name: string) => boolean): Header[] =>
  list.map((h) => (secret(h.name) ? { name: h.name, value: REDACTED } : h));

/** `user:password@` in a URL becomes `[redacted]@` (percent-encoded, as URLs keep it). */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = REDACTED;
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

/** The exchange with credential header values, Set-Cookie values and URL passwords redacted. */
function sanitiseExchange(ex: Exchange): Exchange {
  return {
    ...ex,
    request: {
      ...ex.request,
      url: redactUrl(ex.request.url),
      headers: redactHeaders(ex.request.headers, isCredentialHeader),
    },
    response: {
      ...ex.response,
      headers: redactHeaders(ex.response.headers, (n) => /^set-cookie2?$/i.test(n)),
    },
  };
}

export type HarOptions = {
  /** Keep credential values as captured (the "raw" export). @default false: sanitised */
  raw?: boolean;
  creator?: { name: string; version: string };
};

/** The whole HAR 1.2 document for a list of exchanges: sanitised unless `raw`. */
export function toHar(exchanges: readonly Exchange[], opts: HarOptions = {}) {
  const creator = opts.creator ?? { name: 'Pagescope', version: '0.1.0' };
  const list = opts.raw ? exchanges : exchanges.map(sanitiseExchange);
  const comment = opts.raw
    ? 'raw export: contains the captured credentials (Authorization, cookies, API keys)'
    : 'sanitised by Pagescope: credential header values, cookies and URL passwords are [redacted]';
  return { log: { version: '1.2', creator, pages: [], entries: list.map(toHarEntry), comment } };
}

/**
 * The HAR download of `exchanges`: `pagescope-<time>.har`, sanitised, or, with `raw`, named
 * `….raw-with-credentials.har` so the file says what it holds. @param now @default the current time
 */
export function harFile(
  exchanges: readonly Exchange[],
  opts: { raw?: boolean } = {},
  now = new Date(),
): { name: string; text: string; mime: string } {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return {
    name: `pagescope-${stamp}${opts.raw ? '.raw-with-credentials' : ''}.har`,
    text: JSON.stringify(toHar(exchanges, { raw: opts.raw }), null, 2),
    mime: 'application/json',
  };
}
