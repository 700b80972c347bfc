/**
 * The CLI's first step of a crawl: fetch the start URL, make it an Exchange and detect pagination.
 * Every way this can fail becomes one line for the user (no stack traces): unreachable host, HTTP
 * error, a body that is not JSON, a body too large.
 *
 * Credentials belong to the origin the user typed: when the start URL redirects to another origin,
 * the exchange the crawl starts from carries no credential header, so no later page sends one there.
 */
import { isCredentialHeader } from '../core/crawl/credentials.ts';
import { headerValue, type Exchange, type Header } from '../core/exchange.ts';
import { detectWithReason, MAX_BODY_CHARS, type Detection } from '../core/detect/index.ts';
import { locateRecords } from '../core/detect/records.ts';
import { parseJson, extractRecords } from '../core/json.ts';
import { isBodyTooLarge, type HttpFetch } from '../core/ports.ts';
import { originOf } from '../core/url.ts';
import { formatBytes } from './http.ts';

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

// Moved to core so the panel's crawl keeps big integers exact the same way; re-exported for the CLI.
export { withExactIntegers } from '../core/exact-integers.ts';

function networkReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err?.code ?? err?.cause?.code;
  if (isBodyTooLarge(err) || isBodyTooLarge(err?.cause)) return err.message;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  return code ?? err?.message ?? String(e);
}

/** Fetches and reads the first page. */
export async function fetchStart(fetch: HttpFetch, req: StartRequest, timeoutMs: number): Promise<StartPage> {
  const { url, method, headers, body } = req;
  let res;
  const t0 = performance.now();
  try {
    res = await fetch({ method, url, headers, body, signal: AbortSignal.timeout(timeoutMs) });
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
  const exchange: Exchange = {
    startedDateTime: new Date().toISOString(),
    time: performance.now() - t0,
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
