/**
 * The demo API server: node:http only, bound to 127.0.0.1 by default. It strips the optional
 * `/_faults/<spec>` prefix, routes by exact path, adds latency and seeded faults, and always answers
 * bad input with JSON (4xx), never a crash.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buggyCatalog, buggyRoutes } from './buggy/index.ts';
import { routes, styles } from './catalog.ts';
import { trapCatalog, trapRoutes } from './traps/index.ts';
import { inhouseRoutes } from './inhouse.ts';
import { createFaultState, parseFaultSpec, type FaultSpec } from './faults.ts';
import { json, type DemoRequest, type DemoResponse } from './http.ts';
import { demoPageHtml, demoPageScript } from './page.ts';
import { sleepPrecise } from './timing.ts';
import { writeFault, writeResponse } from './write.ts';

export type DemoServerOptions = {
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Delay added to every API response, server-wide. @default 0 */
  latencyMs?: number;
};

export type DemoServer = { origin: string; close(): Promise<void> };

const MAX_BODY = 1 << 20;

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

/** Splits `/_faults/<spec>/rest` into prefix, spec text and the wrapped path. */
function splitFaultPrefix(pathname: string): { prefix: string; spec?: string; path: string } {
  const m = /^\/_faults\/([^/]*)(\/.*)?$/.exec(pathname);
  if (!m) return { prefix: '', path: pathname };
  return { prefix: `/_faults/${m[1]}`, spec: decodeURIComponent(m[1]), path: m[2] ?? '/' };
}

function route(req: DemoRequest): DemoResponse {
  if (req.path === '/api/styles.json') return json(styles);
  if (req.path === '/buggy/catalog.json') return json(buggyCatalog);
  if (req.path === '/traps/catalog.json') return json(trapCatalog);
  const r =
    routes.get(req.path) ??
    buggyRoutes.get(req.path) ??
    inhouseRoutes.get(req.path) ??
    trapRoutes.get(req.path);
  if (!r)
    return json(
      { error: 'not_found', message: `No demo endpoint at ${req.path}. See /api/styles.json.` },
      404,
    );
  const allowed = (r.method ?? 'GET').split(',');
  if (!allowed.includes(req.method) && !(req.method === 'HEAD' && allowed.includes('GET'))) {
    return json({ error: 'method_not_allowed', message: `${req.method} is not supported here` }, 405, {
      Allow: allowed.join(', '),
    });
  }
  return r.handle(req);
}

/** Starts the demo API. Resolves once listening; `close()` also drops open (e.g. timed-out) connections. */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  const latencyMs = opts.latencyMs ?? 0;
  const faults = createFaultState();
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return writeResponse(res, json({ error: 'bad_request', message: 'unparsable URL' }, 400));
    }
    let split: ReturnType<typeof splitFaultPrefix>;
    try {
      split = splitFaultPrefix(url.pathname);
    } catch {
      return writeResponse(res, json({ error: 'bad_request', message: 'bad fault prefix encoding' }, 400));
    }
    let spec: FaultSpec | undefined;
    if (split.spec !== undefined) {
      const parsed = parseFaultSpec(split.spec);
      if (!parsed.ok)
        return writeResponse(res, json({ error: 'bad_fault_spec', message: parsed.error }, 400));
      spec = parsed.spec;
    }
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return writeResponse(res, { status: 204, body: undefined });
    // Browsers ask for it on every demo page load; a JSON 404 would be noise in the panel and the console.
    if (split.path === '/favicon.ico') return writeResponse(res, { status: 204, body: undefined });
    if (split.path === '/' || split.path === '/index.html')
      return writeResponse(res, {
        status: 200,
        body: demoPageHtml(split.prefix),
        contentType: 'text/html; charset=utf-8',
      });
    if (split.path === '/demo.js')
      return writeResponse(res, {
        status: 200,
        body: demoPageScript(),
        contentType: 'text/javascript; charset=utf-8',
      });

    const body = method === 'POST' ? await readBody(req) : '';
    if (body === undefined)
      return writeResponse(
        res,
        json({ error: 'payload_too_large', message: 'request body over 1 MiB' }, 413),
      );
    const demoReq: DemoRequest = {
      method,
      path: split.path,
      prefix: split.prefix,
      query: url.searchParams,
      origin,
      headers: req.headers,
      body,
    };

    await sleepPrecise(latencyMs + (spec?.latencyMs ?? 0));
    if (spec) {
      const mode = faults.decide(split.spec!, spec, split.path + url.search);
      if (mode !== undefined) return writeFault(req, res, mode, spec, () => route(demoReq));
    }
    writeResponse(res, route(demoReq), method === 'HEAD');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A bug in a handler must not take the demo down; say so in JSON and keep serving.
      if (!res.headersSent) writeResponse(res, json({ error: 'demo_bug', message: String(err) }, 500));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  origin = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
