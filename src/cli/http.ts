/**
 * A lean HttpFetch over node:http/https for the CLI. One keep-alive agent per protocol for the
 * adapter's life (never one per request), gzip/deflate/br decoding, redirects followed, the whole
 * body returned as text. Node's global fetch (undici) costs ~1 ms more per request on loopback;
 * bench/crawl.bench.ts measures both.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Header } from '../core/exchange.ts';
import type { HttpFetch, HttpRequest, HttpResponse } from '../core/ports.ts';

export type NodeFetchOptions = {
  /** Sockets per origin; keep ≥ the crawl's concurrency. @default 16 */
  maxSockets?: number;
  /** Redirects followed before failing. @default 5 */
  maxRedirects?: number;
  /** Sent when the request has no User-Agent. @default 'pagescope/0.1' */
  userAgent?: string;
  /** Abort a request after this long; 0 = only the request's signal counts. @default 0 */
  timeoutMs?: number;
};

export type NodeFetch = HttpFetch & { /** Closes idle sockets. */ close(): void };

const CREDENTIAL_HEADERS = /^(authorization|cookie|proxy-authorization)$/i;

/** What `fetch` rejects with on abort: an AbortError carrying the signal's reason, as Node's own. */
function abortError(signal: AbortSignal): Error {
  const e = new Error('The operation was aborted', { cause: signal.reason });
  e.name = 'AbortError';
  return Object.assign(e, { code: 'ABORT_ERR' });
}

/**
 * http.request options for `url`, as Node's urlToHttpOptions builds them from a URL object, without
 * its spread of the URL and the merge that follows (measurable per page in a crawl).
 */
function requestOptions(url: URL): http.RequestOptions {
  const { hostname, port, username, password } = url;
  const o: http.RequestOptions = {
    protocol: url.protocol,
    hostname: hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    path: url.pathname + url.search,
  };
  if (port !== '') o.port = Number(port);
  if (username || password) o.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return o;
}

function headerList(raw: string[]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push({ name: raw[i], value: raw[i + 1] });
  return out;
}

/**
 * Content-Encoding from the raw header list, repeated values joined with ', ' as Node's
 * `res.headers` joins them — without building that object for every response.
 */
function contentEncoding(raw: string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2)
    if (raw[i].length === 16 && raw[i].toLowerCase() === 'content-encoding')
      value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1]}`;
  return value;
}

function decoder(encoding: string | undefined): NodeJS.ReadWriteStream | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/** Creates the adapter. Rejects only when no response arrives (DNS, refused, reset, aborted). */
export function createNodeFetch(opts: NodeFetchOptions = {}): NodeFetch {
  const agentOpts = { keepAlive: true, maxSockets: opts.maxSockets ?? 16 };
  const agents = { 'http:': new http.Agent(agentOpts), 'https:': new https.Agent(agentOpts) };
  const maxRedirects = opts.maxRedirects ?? 5;

  /** One request; `sent` gets the ClientRequest so an abort can destroy it. */
  function once(
    req: HttpRequest,
    url: URL,
    sent: (r: http.ClientRequest) => void,
  ): Promise<{ status: number; statusText: string; headers: Header[]; raw: http.IncomingMessage }> {
    return new Promise((resolve, reject) => {
      const proto = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
      if (!proto) return reject(new Error(`unsupported protocol ${url.protocol}`));
      if (req.signal?.aborted) return reject(abortError(req.signal));
      const headers: Record<string, string | string[]> = {};
      for (const h of req.headers) {
        const k = h.name.toLowerCase();
        const prev = headers[k];
        headers[k] = prev === undefined ? h.value : ([] as string[]).concat(prev, h.value);
      }
      headers['accept-encoding'] ??= 'gzip, deflate, br';
      headers['user-agent'] ??= opts.userAgent ?? 'pagescope/0.1';
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
      // The signal is handled by `fetch` (one listener for the whole exchange) rather than given to
      // http.request, whose per-request end-of-stream watchers cost more than the request itself.
      const r = proto.request({
        ...requestOptions(url),
        method: req.method,
        headers,
        agent: agents[url.protocol as 'http:'],
      });
      sent(r);
      if (opts.timeoutMs)
        r.setTimeout(opts.timeoutMs, () => r.destroy(new Error(`timed out after ${opts.timeoutMs} ms`)));
      r.on('error', reject);
      r.on('response', (res) =>
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: headerList(res.rawHeaders),
          raw: res,
        }),
      );
      r.end(req.body);
    });
  }

  function readBody(res: http.IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const dec = decoder(contentEncoding(res.rawHeaders));
      const stream: NodeJS.ReadableStream = dec ? res.pipe(dec) : res;
      const chunks: Buffer[] = [];
      res.on('error', reject);
      stream.on('error', reject);
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () =>
        resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')),
      );
    });
  }

  const fetch = async (req: HttpRequest): Promise<HttpResponse> => {
    const { signal } = req;
    let inFlight: http.ClientRequest | undefined;
    const onAbort = () => inFlight?.destroy(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await follow(req, (r) => (inFlight = r));
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };

  async function follow(req: HttpRequest, sent: (r: http.ClientRequest) => void): Promise<HttpResponse> {
    let url = new URL(req.url);
    let current = req;
    for (let hop = 0; ; hop++) {
      const res = await once(current, url, sent);
      const redirect = res.status >= 300 && res.status < 400 && res.status !== 304;
      const location = redirect
        ? res.headers.find((h) => h.name.toLowerCase() === 'location')?.value
        : undefined;
      if (redirect && location && hop < maxRedirects) {
        res.raw.resume();
        const next = new URL(location, url);
        const keepMethod = res.status === 307 || res.status === 308;
        // Credentials never follow a redirect to another origin (what browsers and undici do).
        const headers =
          next.origin === url.origin
            ? current.headers
            : current.headers.filter((h) => !CREDENTIAL_HEADERS.test(h.name));
        current = {
          ...current,
          headers,
          method: keepMethod ? current.method : 'GET',
          body: keepMethod ? current.body : undefined,
        };
        url = next;
        continue;
      }
      const bodyText = await readBody(res.raw);
      return {
        status: res.status,
        statusText: res.statusText,
        url: url.href,
        headers: res.headers,
        bodyText,
      };
    }
  }
  return Object.assign(fetch, {
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}
