/**
 * The CLI's first step of a crawl: fetch the start URL, make it an Exchange and detect pagination.
 * Every way this can fail becomes one line for the user (no stack traces): unreachable host, HTTP
 * error, a body that is not JSON.
 */
import { headerValue, type Exchange, type Header } from '../core/exchange.ts';
import { detectWithReason, type Detection } from '../core/detect/index.ts';
import { locateRecords } from '../core/detect/records.ts';
import { parseJson, extractRecords } from '../core/json.ts';
import type { HttpFetch } from '../core/ports.ts';

export type StartPage =
  | { ok: true; exchange: Exchange; detection: Detection; records?: undefined }
  | { ok: true; exchange: Exchange; detection: null; why: string; records: unknown[] }
  | { ok: false; message: string };

/** `Name: value` → Header; undefined when the text has no name. */
export function parseHeader(text: string): Header | undefined {
  const i = text.indexOf(':');
  const name = i > 0 ? text.slice(0, i).trim() : '';
  if (!name || /[\s"(),/:;<=>?@[\\\]{}]/.test(name)) return undefined;
  return { name, value: text.slice(i + 1).trim() };
}

// Moved to core so the panel's crawl keeps big integers exact the same way; re-exported for the CLI.
export { withExactIntegers } from '../core/exact-integers.ts';

function networkReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err?.code ?? err?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  return code ?? err?.message ?? String(e);
}

/** Fetches and reads the first page. */
export async function fetchStart(
  fetch: HttpFetch,
  url: string,
  headers: Header[],
  timeoutMs: number,
): Promise<StartPage> {
  let res;
  const t0 = performance.now();
  try {
    res = await fetch({ method: 'GET', url, headers, signal: AbortSignal.timeout(timeoutMs) });
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
  const exchange: Exchange = {
    startedDateTime: new Date().toISOString(),
    time: performance.now() - t0,
    request: { method: 'GET', url: res.url || url, headers },
    response: {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
      mimeType: mime,
      bodyText: res.bodyText,
    },
  };
  const d = detectWithReason(exchange, undefined, { body: parsed });
  if (d.ok) return { ok: true, exchange, detection: d.detection };
  const where = locateRecords(parsed.value);
  const records = where ? extractRecords(parsed.value, where.path) : [parsed.value];
  return { ok: true, exchange, detection: null, why: d.reason, records };
}
