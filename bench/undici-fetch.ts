/**
 * The candidate for issue 13: the CLI's HttpFetch over undici's `Agent` (a keep-alive `Pool` per
 * origin) and `request`, instead of src/cli/http.ts's own node:http code. Same behaviour: redirects
 * followed by hand (credentials dropped on a cross-origin hop by core's rule), the body decoded and
 * bounded by src/cli/http.ts's readDecodedText, user:password@ as Basic auth, AbortError on abort.
 * bench/crawl.bench.ts times both clients under the same engine, interleaved.
 */
import { Agent, type Dispatcher } from 'undici';
import { isCredentialHeader } from '../src/core/crawl/credentials.ts';
import type { Header } from '../src/core/exchange.ts';
import type { HttpRequest, HttpResponse } from '../src/core/ports.ts';
import { DEFAULT_MAX_BODY_BYTES, readDecodedText, type NodeFetch } from '../src/cli/http.ts';

function abortError(signal: AbortSignal): Error {
  const e = new Error('The operation was aborted', { cause: signal.reason });
  e.name = 'AbortError';
  return Object.assign(e, { code: 'ABORT_ERR' });
}

/** undici refuses hop-by-hop headers that node:http passed on; the connection is undici's business. */
const HOP = new Set(['connection', 'keep-alive', 'upgrade', 'transfer-encoding', 'proxy-connection']);

function headersOf(raw: Dispatcher.ResponseData['headers']): Header[] {
  const out: Header[] = [];
  for (const name in raw) {
    const v = raw[name];
    if (Array.isArray(v)) for (const x of v) out.push({ name, value: x });
    else if (v !== undefined) out.push({ name, value: v });
  }
  return out;
}

export function createUndiciFetch(
  opts: { maxSockets?: number; maxRedirects?: number; maxBodyBytes?: number } = {},
): NodeFetch {
  const agent = new Agent({ connections: opts.maxSockets ?? 16, keepAliveTimeout: 4_000 });
  const maxRedirects = opts.maxRedirects ?? 5;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  async function once(req: HttpRequest, url: URL) {
    const headers: Record<string, string | string[]> = {};
    for (const h of req.headers) {
      const k = h.name.toLowerCase();
      if (HOP.has(k)) continue;
      const prev = headers[k];
      headers[k] = prev === undefined ? h.value : ([] as string[]).concat(prev, h.value);
    }
    headers['accept-encoding'] = 'gzip, deflate, br';
    headers['user-agent'] ??= 'pagescope/0.1';
    if ((url.username || url.password) && headers.authorization === undefined) {
      const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
    }
    return agent.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: req.method as Dispatcher.HttpMethod,
      headers,
      body: req.body,
      signal: req.signal,
    });
  }

  const fetch = async (req: HttpRequest): Promise<HttpResponse> => {
    const { signal } = req;
    if (signal?.aborted) throw abortError(signal);
    try {
      let url = new URL(req.url);
      let current = req;
      for (let hop = 0; ; hop++) {
        const res = await once(current, url);
        const status = res.statusCode;
        const location = status >= 300 && status < 400 && status !== 304 ? res.headers.location : undefined;
        if (typeof location === 'string' && hop < maxRedirects) {
          res.body.on('error', () => {});
          res.body.resume();
          const next = new URL(location, url);
          const keepMethod = status === 307 || status === 308;
          const headers =
            next.origin === url.origin
              ? current.headers
              : current.headers.filter((h) => !isCredentialHeader(h.name));
          current = {
            ...current,
            headers,
            method: keepMethod ? current.method : 'GET',
            body: keepMethod ? current.body : undefined,
          };
          url = next;
          continue;
        }
        const enc = res.headers['content-encoding'];
        const bodyText = await readDecodedText(res.body, Array.isArray(enc) ? enc.join(', ') : enc, maxBody);
        if (url.username || url.password) {
          url = new URL(url.href);
          url.username = url.password = '';
        }
        return {
          status,
          statusText: res.statusText,
          url: url.href,
          headers: headersOf(res.headers),
          bodyText,
        };
      }
    } catch (e) {
      if (signal?.aborted && (e as Error)?.name !== 'AbortError') throw abortError(signal);
      throw e;
    }
  };
  return Object.assign(fetch, { close: () => void agent.close() });
}
