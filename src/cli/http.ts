/**
 * The CLI's HttpFetch: undici's Agent (a keep-alive Pool per origin, Node's own HTTP engine) makes
 * the requests, through its dispatch handler API (`send`); this file adds what a crawl needs on top:
 * redirects followed by hand so credentials never reach another origin (core's isCredentialHeader),
 * bodies decoded and held to a size limit while they come (http-body.ts), user:password@ as Basic
 * auth, and AbortError on abort. It replaced a hand-written node:http client once
 * bench/crawl.bench.ts measured undici within 2% of it (see the commit that made the switch).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { PassThrough } from 'node:stream';
import { Agent, errors, type Dispatcher } from 'undici';
import { isCredentialHeader } from '../core/crawl/credentials.ts';
import type { Header } from '../core/exchange.ts';
import {
  DEFAULT_MAX_BODY_BYTES,
  type HttpFetch,
  type HttpRequest,
  type HttpResponse,
} from '../core/ports.ts';
import { bodyCollector, decoders, readDecodedText } from './http-body.ts';

export type NodeFetchOptions = {
  /** Sockets per origin; keep ≥ the crawl's concurrency. @default 16 */
  maxSockets?: number;
  /** Redirects followed before failing. @default 5 */
  maxRedirects?: number;
  /** Sent when the request has no User-Agent. @default 'pagescope/0.1' */
  userAgent?: string;
  /** Fail a request whose headers or next body bytes take longer than this; 0 = only the request's signal counts. @default 0 */
  timeoutMs?: number;
  /** Largest body accepted, counted after decoding, enforced while decoding. @default 256 MiB */
  maxBodyBytes?: number;
};

export type NodeFetch = HttpFetch & { /** Closes idle sockets. */ close(): void };

/** What `fetch` rejects with on abort: an AbortError carrying the signal's reason, as Node's own. */
function abortError(signal: AbortSignal): Error {
  const e = new Error('The operation was aborted', { cause: signal.reason });
  e.name = 'AbortError';
  return Object.assign(e, { code: 'ABORT_ERR' });
}

/** undici refuses hop-by-hop headers (a pasted curl command may carry them); the connection is its own. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'upgrade', 'transfer-encoding', 'proxy-connection']);

/** The request's headers for undici: repeated names as lists, the codings we decode, our User-Agent. */
function requestHeaders(req: HttpRequest, url: URL, userAgent: string): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const h of req.headers) {
    const k = h.name.toLowerCase();
    if (HOP_BY_HOP.has(k)) continue;
    const prev = headers[k];
    headers[k] = prev === undefined ? h.value : ([] as string[]).concat(prev, h.value);
  }
  // Only the codings this client decodes (a pasted curl command may ask for zstd).
  headers['accept-encoding'] = 'gzip, deflate, br';
  headers['user-agent'] ??= userAgent;
  if ((url.username || url.password) && headers.authorization === undefined) {
    const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(user, 'utf8').toString('base64')}`;
  }
  return headers;
}

/** undici's header object as a list; a repeated header stays several entries. */
function headerList(raw: IncomingHttpHeaders): Header[] {
  const out: Header[] = [];
  for (const name in raw) {
    const v = raw[name];
    if (Array.isArray(v)) for (const x of v) out.push({ name, value: x });
    else if (v !== undefined) out.push({ name, value: v });
  }
  return out;
}

/** One response as `send` hands it over: a redirect to follow carries no body. */
type Answer = { status: number; statusText: string; headers: IncomingHttpHeaders; bodyText: string | null };

/** True for a response `follow` treats as a redirect (it has somewhere to go). */
function redirectTo(status: number, headers: IncomingHttpHeaders): string | undefined {
  const location = status >= 300 && status < 400 && status !== 304 ? headers.location : undefined;
  return typeof location === 'string' ? location : undefined;
}

/**
 * One request through undici's dispatch: the body arrives as chunks straight into this handler,
 * without a Readable per response (measured ~0.4 ms less CPU a page than `request`, see
 * bench/crawl.bench.ts). An encoded body goes through the zlib decoders (readDecodedText); a plain
 * one is collected and counted here. A redirect's body, when `follow` will follow it, is dropped.
 */
function send(
  agent: Dispatcher,
  opts: Dispatcher.DispatchOptions,
  signal: AbortSignal | undefined,
  skipRedirectBody: boolean,
  maxBody: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    let answer: Answer | undefined;
    let plain: ReturnType<typeof bodyCollector> | null = null;
    let decoded: PassThrough | null = null;
    const fail = (e: Error) => {
      if (settled) return;
      done();
      plain = null;
      decoded?.destroy();
      controller?.abort(e); // a no-op once undici has failed or finished the request itself
      reject(e);
    };
    // Not yet on a socket: reject now; onRequestStart cancels it when it gets one (as undici's request does).
    const onAbort = () => fail(abortError(signal!));
    const done = () => {
      settled = true;
      signal?.removeEventListener('abort', onAbort);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    agent.dispatch(opts, {
      onRequestStart(c) {
        controller = c;
        if (signal?.aborted) c.abort(abortError(signal));
      },
      onResponseStart(c, status, headers, statusText) {
        answer = { status, statusText: statusText ?? '', headers, bodyText: null };
        if (skipRedirectBody && redirectTo(status, headers) !== undefined) return;
        const coding = headers['content-encoding'];
        const chain = decoders(Array.isArray(coding) ? coding.join(', ') : coding);
        if (!chain.length) {
          plain = bodyCollector(maxBody);
          return;
        }
        // Encoded: the decoders count the decoded bytes; a refusal aborts the request.
        decoded = new PassThrough();
        decoded.on('drain', () => c.resume());
        readDecodedText(decoded, chain, maxBody).then((text) => {
          if (settled) return;
          done();
          resolve({ ...answer!, bodyText: text });
        }, fail);
      },
      onResponseData(c, chunk) {
        if (decoded) {
          if (!decoded.write(chunk)) c.pause();
        } else if (plain) {
          const tooLarge = plain.add(chunk);
          if (tooLarge) c.abort(tooLarge);
        }
      },
      onResponseEnd() {
        if (decoded) return void decoded.end();
        if (settled) return;
        done();
        resolve({ ...answer!, bodyText: plain ? plain.text() : null });
      },
      onResponseError(_c, e) {
        fail(e);
      },
    });
  });
}

/** Creates the adapter. Rejects only when no response arrives (DNS, refused, reset, aborted, too large). */
export function createNodeFetch(opts: NodeFetchOptions = {}): NodeFetch {
  const timeout = opts.timeoutMs ?? 0; // 0: undici's own timers off, the request's signal decides
  const agent = new Agent({
    connections: opts.maxSockets ?? 16,
    headersTimeout: timeout,
    bodyTimeout: timeout,
  });
  const maxRedirects = opts.maxRedirects ?? 5;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const userAgent = opts.userAgent ?? 'pagescope/0.1';

  function once(req: HttpRequest, url: URL, hop: number): Promise<Answer> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return Promise.reject(new Error(`unsupported protocol ${url.protocol}`));
    const options: Dispatcher.DispatchOptions = {
      origin: url.origin,
      path: url.pathname + url.search,
      method: req.method as Dispatcher.HttpMethod,
      headers: requestHeaders(req, url, userAgent),
      body: req.body,
    };
    return send(agent, options, req.signal, hop < maxRedirects, maxBody);
  }

  async function follow(req: HttpRequest): Promise<HttpResponse> {
    let url = new URL(req.url);
    let current = req;
    for (let hop = 0; ; hop++) {
      const res = await once(current, url, hop);
      const status = res.status;
      const location = redirectTo(status, res.headers);
      if (location !== undefined && res.bodyText === null) {
        const next = new URL(location, url);
        const keepMethod = status === 307 || status === 308;
        // Credentials never follow a redirect to another origin (what browsers do), by the core's
        // one rule of what a credential header is. Same-origin hops (a trailing slash) keep them.
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
      if (url.username || url.password) {
        // The final URL is reported (and may be stored); user:password never is.
        url = new URL(url.href);
        url.username = url.password = '';
      }
      return {
        status,
        statusText: res.statusText,
        url: url.href,
        headers: headerList(res.headers),
        bodyText: res.bodyText ?? '',
      };
    }
  }

  const fetch = async (req: HttpRequest): Promise<HttpResponse> => {
    const { signal } = req;
    if (signal?.aborted) throw abortError(signal);
    try {
      return await follow(req);
    } catch (e) {
      // An abort surfaces as undici's own error or the signal's reason: say it was the abort.
      if (signal?.aborted && (e as Error)?.name !== 'AbortError') throw abortError(signal);
      if (e instanceof errors.HeadersTimeoutError || e instanceof errors.BodyTimeoutError)
        throw new Error(`timed out after ${timeout} ms`, { cause: e });
      throw e;
    }
  };
  return Object.assign(fetch, { close: () => void agent.destroy() });
}
