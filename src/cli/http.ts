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

function headerList(raw: string[]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push({ name: raw[i], value: raw[i + 1] });
  return out;
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

  function once(
    req: HttpRequest,
    url: URL,
  ): Promise<{ status: number; statusText: string; headers: Header[]; raw: http.IncomingMessage }> {
    return new Promise((resolve, reject) => {
      const proto = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
      if (!proto) return reject(new Error(`unsupported protocol ${url.protocol}`));
      const headers: Record<string, string | string[]> = {};
      for (const h of req.headers) {
        const k = h.name.toLowerCase();
        const prev = headers[k];
        headers[k] = prev === undefined ? h.value : ([] as string[]).concat(prev, h.value);
      }
      headers['accept-encoding'] ??= 'gzip, deflate, br';
      headers['user-agent'] ??= opts.userAgent ?? 'pagescope/0.1';
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
      const r = proto.request(url, {
        method: req.method,
        headers,
        agent: agents[url.protocol as 'http:'],
        signal: req.signal,
      });
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
      const dec = decoder(res.headers['content-encoding']);
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
    let url = new URL(req.url);
    let current = req;
    for (let hop = 0; ; hop++) {
      const res = await once(current, url);
      const location = res.headers.find((h) => h.name.toLowerCase() === 'location')?.value;
      if (res.status >= 300 && res.status < 400 && res.status !== 304 && location && hop < maxRedirects) {
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
  };
  return Object.assign(fetch, {
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}
