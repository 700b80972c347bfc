/**
 * Small local APIs for the panel's credential and permission journeys: each server records every
 * request it receives (path and raw header lines), so a test can assert what reached which origin.
 * Routes are a table: a path answers JSON records with an optional Link next, or a redirect.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Seen = { method: string; url: string; raw: string; body: string };
export type Route =
  | { records: { id: number }[]; next?: string; status?: number }
  | { redirect: string; status?: number }
  | { json: unknown };

export type TestServer = {
  origin: string;
  seen: Seen[];
  routes: Map<string, Route | ((body: string) => Route)>;
  close(): Promise<void>;
};

/** A page at `/` (setting `cookie` when given) and the routes, keyed by path + query. */
export async function startServer(cookie?: string): Promise<TestServer> {
  const seen: Seen[] = [];
  const routes = new Map<string, Route | ((body: string) => Route)>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const raw = req.rawHeaders.join('\n');
      seen.push({ method: req.method!, url: req.url!, raw, body });
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html', ...(cookie ? { 'set-cookie': cookie } : {}) });
        return res.end('<!doctype html><title>api</title><p>an app</p>');
      }
      const found = routes.get(req.url!);
      const route = typeof found === 'function' ? found(body) : found;
      if (!route) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end('{"error":"not found"}');
      }
      if ('redirect' in route) {
        res.writeHead(route.status ?? 302, { location: route.redirect });
        return res.end();
      }
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      };
      if ('records' in route && route.next) headers.link = `<${route.next}>; rel="next"`;
      res.writeHead('records' in route ? (route.status ?? 200) : 200, headers);
      res.end(JSON.stringify('records' in route ? route.records : route.json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    routes,
    async close() {
      server.closeAllConnections(); // the browser keeps connections alive
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** `n` records with ids from `from`. */
export const recs = (from: number, n = 2) => Array.from({ length: n }, (_, i) => ({ id: from + i }));
