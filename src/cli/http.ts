/**
 * A lean HttpFetch over node:http/https for the CLI. One keep-alive agent per protocol for the
 * adapter's life (never one per request), gzip/deflate/br decoding, redirects followed, the whole
 * body returned as text. Node's global fetch (undici) costs ~1 ms more per request on loopback;
 * bench/crawl.bench.ts measures both.
 */
import http from 'node:http';
import https from 'node:https';
import { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { isCredentialHeader } from '../core/crawl/credentials.ts';
import type { Header } from '../core/exchange.ts';
import { BODY_TOO_LARGE, type HttpFetch, type HttpRequest, type HttpResponse } from '../core/ports.ts';

export type NodeFetchOptions = {
  /** Sockets per origin; keep ≥ the crawl's concurrency. @default 16 */
  maxSockets?: number;
  /** Redirects followed before failing. @default 5 */
  maxRedirects?: number;
  /** Sent when the request has no User-Agent. @default 'pagescope/0.1' */
  userAgent?: string;
  /** Abort a request after this long; 0 = only the request's signal counts. @default 0 */
  timeoutMs?: number;
  /** Largest body accepted, counted after decoding, enforced while decoding. @default 256 MiB */
  maxBodyBytes?: number;
};

/** The default decoded body limit: 256 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;

/** What `fetch` rejects with when a decoded body passes `maxBodyBytes` (code `EBODYTOOLARGE`). */
export class BodyTooLargeError extends Error {
  readonly code = BODY_TOO_LARGE;
  constructor(readonly limit: number) {
    super(`response body larger than ${formatBytes(limit)} once decoded (raise the limit with --max-body)`);
    this.name = 'BodyTooLargeError';
  }
}

/** `256 MiB`, `1.5 KiB`, `12 bytes`. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) ((n /= 1024), i++);
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${units[i]}`;
}

export type NodeFetch = HttpFetch & { /** Closes idle sockets. */ close(): void };

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

/** True when `head` starts with a zlib header (RFC 1950): deflate method, check bits valid. */
function isZlibHeader(head: Buffer): boolean {
  return (head[0] & 0x0f) === 8 && ((head[0] << 8) | head[1]) % 31 === 0;
}

/**
 * `Content-Encoding: deflate` as browsers read it: zlib-wrapped (RFC 9110) or, as some servers send
 * it, raw deflate. The first two bytes decide.
 */
function inflateAny(): Transform {
  let inner: zlib.Inflate | zlib.InflateRaw | undefined;
  let head: Buffer | undefined;
  const start = (chunk: Buffer) => {
    inner = chunk.length >= 2 && isZlibHeader(chunk) ? zlib.createInflate() : zlib.createInflateRaw();
    inner.on('data', (d: Buffer) => t.push(d));
    inner.on('error', (e) => t.destroy(e));
    inner.write(chunk);
  };
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (inner) return void inner.write(chunk, () => cb());
      head = head ? Buffer.concat([head, chunk]) : chunk;
      if (head.length < 2) return cb();
      start(head);
      head = undefined;
      cb();
    },
    flush(cb) {
      if (!inner) start(head ?? Buffer.alloc(0));
      inner!.once('end', () => cb());
      inner!.end();
    },
    destroy(err, cb) {
      inner?.destroy();
      cb(err);
    },
  });
  return t;
}

function decoder(encoding: string): NodeJS.ReadWriteStream | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return inflateAny();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/** Decoders for a Content-Encoding list, in decoding order (the last coding applied first). */
function decoders(encoding: string | undefined): NodeJS.ReadWriteStream[] {
  if (encoding === undefined) return [];
  const codings = (encoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  const out: NodeJS.ReadWriteStream[] = [];
  for (const c of codings.reverse()) {
    const d = decoder(c);
    if (!d) return []; // an unknown coding: hand the bytes over as they are, as before
    out.push(d);
  }
  return out;
}

/**
 * A response body decoded (Content-Encoding list) to text. Counts decoded bytes as they come and
 * stops at `maxBody` (a gzip bomb fails after the limit, never after inflating all of it).
 */
export function readDecodedText(
  res: NodeJS.ReadableStream & { destroy(error?: Error): void },
  encoding: string | undefined,
  maxBody: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chain = decoders(encoding);
    const stages: NodeJS.ReadableStream[] = [res];
    for (const d of chain) stages.push(stages[stages.length - 1].pipe(d));
    const stream = stages[stages.length - 1];
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      for (const d of chain) (d as unknown as Transform).destroy();
      res.destroy();
      reject(e);
    };
    for (const s of stages) s.on('error', fail);
    stream.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) return fail(new BodyTooLargeError(maxBody));
      chunks.push(c);
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
  });
}

/** Creates the adapter. Rejects only when no response arrives (DNS, refused, reset, aborted). */
export function createNodeFetch(opts: NodeFetchOptions = {}): NodeFetch {
  const agentOpts = { keepAlive: true, maxSockets: opts.maxSockets ?? 16 };
  const agents = { 'http:': new http.Agent(agentOpts), 'https:': new https.Agent(agentOpts) };
  const maxRedirects = opts.maxRedirects ?? 5;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

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
      // Only the codings this client decodes (a pasted curl command may ask for zstd).
      headers['accept-encoding'] = 'gzip, deflate, br';
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
      r.on('response', (res) => {
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: headerList(res.rawHeaders),
          raw: res,
        });
      });
      r.end(req.body);
    });
  }

  const readBody = (res: http.IncomingMessage) =>
    readDecodedText(res, contentEncoding(res.rawHeaders), maxBody);

  const fetch = async (req: HttpRequest): Promise<HttpResponse> => {
    const { signal } = req;
    let inFlight: http.ClientRequest | undefined;
    let reading: http.IncomingMessage | undefined;
    // The request, and a body still trickling in, end with the abort's error.
    const onAbort = () => {
      const e = abortError(signal!);
      inFlight?.destroy(e);
      reading?.destroy(e);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await follow(
        req,
        (r) => (inFlight = r),
        (res) => (reading = res),
      );
    } catch (e) {
      // An abort while the body trickles in surfaces as the socket's reset: say it was the abort.
      if (signal?.aborted && (e as Error)?.name !== 'AbortError') throw abortError(signal);
      throw e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };

  async function follow(
    req: HttpRequest,
    sent: (r: http.ClientRequest) => void,
    got: (res: http.IncomingMessage) => void,
  ): Promise<HttpResponse> {
    let url = new URL(req.url);
    let current = req;
    for (let hop = 0; ; hop++) {
      const res = await once(current, url, sent);
      const redirect = res.status >= 300 && res.status < 400 && res.status !== 304;
      const location = redirect
        ? res.headers.find((h) => h.name.toLowerCase() === 'location')?.value
        : undefined;
      if (redirect && location && hop < maxRedirects) {
        res.raw.on('error', () => {}); // a redirect's body is dropped, and so is its error
        res.raw.resume();
        const next = new URL(location, url);
        const keepMethod = res.status === 307 || res.status === 308;
        // Credentials never follow a redirect to another origin (what browsers and undici do), by the
        // core's one rule of what a credential header is. Same-origin hops (a trailing slash) keep them.
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
      got(res.raw);
      const bodyText = await readBody(res.raw);
      if (url.username || url.password) {
        // The final URL is reported (and may be stored); user:password never is.
        url = new URL(url.href);
        url.username = url.password = '';
      }
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
