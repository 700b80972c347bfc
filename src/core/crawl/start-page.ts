/**
 * A crawl's first step, for every shell that starts from a URL: fetch the start URL, make it an
 * Exchange and detect its pagination (or, when there is none, locate its records). Every way this
 * can fail becomes one line for the user (no stack traces): unreachable host, HTTP error, a body that
 * is not JSON, a body too large. Network and time come in as ports.
 *
 * Credentials belong to the origin the user typed: when the start URL redirects to another origin,
 * the exchange the crawl starts from carries no credential header, so no later page sends one there.
 */
import { formatBytes } from '../bytes.ts';
import { detectWithReason, MAX_BODY_CHARS } from '../detect/index.ts';
import { locateRecords } from '../detect/records.ts';
import type { Detection } from '../detect/types.ts';
import { headerValue, type Exchange, type Header } from '../exchange.ts';
import { extractRecords, parseJson } from '../json.ts';
import { isBodyTooLarge, type Clock, type HttpFetch, type HttpRequest, type HttpResponse } from '../ports.ts';
import { originOf } from '../url.ts';
import { isCredentialHeader } from './credentials.ts';
import { abortReason } from './fetch-page.ts';

/** What the user asked for: the first request of the crawl. */
export type StartRequest = { method: string; url: string; headers: Header[]; body?: string };

type Started = {
  ok: true;
  exchange: Exchange;
  /** Set when the start URL redirected to another origin: the credential headers left behind. */
  redirect?: { to: string; dropped: string[] };
};
export type StartPage =
  | (Started & { detection: Detection; records?: undefined })
  | (Started & { detection: null; why: string; records: unknown[] })
  | { ok: false; message: string };

/** What an HttpFetch may reject with: a Node system error (`code`), wrapped or not, or an abort. */
type FetchError = { code?: string; name?: string; message?: string; cause?: { code?: string } };

function networkReason(e: unknown): string {
  const err = e as FetchError | undefined;
  const code = err?.code ?? err?.cause?.code;
  if (isBodyTooLarge(err) || isBodyTooLarge(err?.cause)) return err?.message ?? String(e);
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  return code ?? err?.message ?? String(e);
}

/**
 * One request, aborted through its signal when `timeoutMs` pass on `clock` first; it then rejects
 * with a `TimeoutError` (or the fetch's own abort error), even when the fetch ignores its signal.
 */
export async function fetchWithTimeout(
  fetch: HttpFetch,
  req: HttpRequest,
  clock: Clock,
  timeoutMs: number,
): Promise<HttpResponse> {
  const request = new AbortController();
  const timer = new AbortController();
  clock.sleep(timeoutMs, timer.signal).then(
    () => {
      const e = new Error(`timed out after ${timeoutMs} ms`);
      e.name = 'TimeoutError';
      request.abort(e);
    },
    () => {},
  );
  try {
    return await Promise.race([fetch({ ...req, signal: request.signal }), abortReason(request.signal)]);
  } finally {
    timer.abort();
  }
}

type FetchStartOptions = { clock: Clock; timeoutMs: number };

/** Fetches and reads the first page. Never throws: a failure is `{ ok: false, message }`. */
export async function fetchStart(
  fetch: HttpFetch,
  req: StartRequest,
  { clock, timeoutMs }: FetchStartOptions,
): Promise<StartPage> {
  const { url, method, headers, body } = req;
  let res;
  const t0 = clock.now();
  try {
    res = await fetchWithTimeout(fetch, { method, url, headers, body }, clock, timeoutMs);
  } catch (e) {
    return { ok: false, message: `cannot reach ${url}: ${networkReason(e)}` };
  }
  const mime = headerValue(res.headers, 'content-type') ?? '';
  if (res.status < 200 || res.status > 299) {
    return {
      ok: false,
      message: `${url} answered HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`,
    };
  }
  const parsed = parseJson(res.bodyText);
  if (!parsed.ok) {
    return {
      ok: false,
      message: `${url} did not return JSON (${mime || 'no content-type'}; ${parsed.reason.slice(0, 80)})`,
    };
  }
  const finalUrl = res.url || url;
  const crossed = originOf(finalUrl) !== originOf(url);
  const request: Exchange['request'] = {
    method,
    url: finalUrl,
    headers: crossed ? headers.filter((h) => !isCredentialHeader(h.name)) : headers,
  };
  if (body !== undefined)
    request.postData = { mimeType: headerValue(headers, 'content-type') ?? '', text: body };
  const done = clock.now();
  const exchange: Exchange = {
    // The clock reads epoch milliseconds (systemClock; a fake clock's start is its epoch).
    startedDateTime: new Date(t0).toISOString(),
    time: done - t0,
    request,
    response: {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
      mimeType: mime,
      bodyText: res.bodyText,
    },
  };
  const started: Started = { ok: true, exchange };
  if (crossed)
    started.redirect = {
      to: finalUrl,
      dropped: headers.filter((h) => isCredentialHeader(h.name)).map((h) => h.name),
    };
  const d = detectWithReason(exchange, undefined, { body: parsed });
  if (d.ok) return { ...started, detection: d.detection };
  const why =
    res.bodyText.length > MAX_BODY_CHARS
      ? `the body is too large to detect pagination in (${formatBytes(res.bodyText.length)} of text, over ${formatBytes(MAX_BODY_CHARS)})`
      : d.reason;
  const where = locateRecords(parsed.value);
  const records = where ? extractRecords(parsed.value, where.path) : [parsed.value];
  return { ...started, detection: null, why, records };
}

/** The note for a start URL that redirected to another origin, or undefined. */
export function redirectNote(start: StartPage, typed: string): string | undefined {
  if (!start.ok || !start.redirect) return undefined;
  const { to, dropped } = start.redirect;
  const kept = dropped.length
    ? `; ${dropped.join(', ')} stay with ${originOf(typed)} and are not sent there`
    : '';
  return `note: ${typed} redirected to another origin (${originOf(to)})${kept}`;
}
