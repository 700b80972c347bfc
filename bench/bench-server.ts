/**
 * The crawl bench's API, run in its own process so its timers never share an event loop with the
 * client being measured. Two Laravel-shaped endpoints (detected by core/detect/laravel.ts):
 *   /numbered?page=N  — resource form with meta.total/last_page: numbered pages with a known total
 *   /cursor?cursor=N  — cursorPaginate form with meta.next_cursor and links.next: a strict chain
 * `?pages=P` sets the chain length (default 200). Every response is sent `latencyMs` after its
 * request arrived, precisely (body built, sleep a little less, then wait out the rest). Prints its origin as the first stdout line.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sleepPrecise } from '../src/demo/timing.ts';

const PER_PAGE = 20;

function records(page: number): unknown[] {
  return Array.from({ length: PER_PAGE }, (_, i) => {
    const id = (page - 1) * PER_PAGE + i + 1;
    return {
      id,
      name: `Customer ${id}`,
      email: `c${id}@example.test`,
      address: { city: 'Zürich', zip: String(8000 + (id % 100)) },
      tags: ['a', 'b'],
      score: id / 7,
    };
  });
}

export function respond(origin: string, url: URL): { status: number; body: string } {
  const pages = Math.max(1, Math.min(10_000, Number(url.searchParams.get('pages') ?? 200) || 200));
  const base = `${origin}${url.pathname}?pages=${pages}`;
  if (url.pathname === '/numbered') {
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const at = (n: number) => `${base}&page=${n}`;
    return {
      status: 200,
      body: JSON.stringify({
        data: page <= pages ? records(page) : [],
        links: {
          first: at(1),
          last: at(pages),
          prev: page > 1 ? at(page - 1) : null,
          next: page < pages ? at(page + 1) : null,
        },
        meta: {
          current_page: page,
          last_page: pages,
          per_page: PER_PAGE,
          total: pages * PER_PAGE,
          path: `${origin}${url.pathname}`,
        },
      }),
    };
  }
  if (url.pathname === '/cursor') {
    const page = Math.max(1, Number(url.searchParams.get('cursor') ?? 1) || 1);
    const next = page < pages ? String(page + 1) : null;
    return {
      status: 200,
      body: JSON.stringify({
        data: records(page),
        links: { first: null, last: null, prev: null, next: next ? `${base}&cursor=${next}` : null },
        meta: {
          path: `${origin}${url.pathname}`,
          per_page: PER_PAGE,
          next_cursor: next,
          prev_cursor: page > 1 ? String(page - 1) : null,
        },
      }),
    };
  }
  return { status: 404, body: '{"error":"not found"}' };
}

export async function startBenchServer(latencyMs: number): Promise<{ origin: string; close(): void }> {
  let origin = '';
  const server = createServer(async (req, res) => {
    // The latency runs from the request's arrival: building the body is part of it, as in an API
    // whose stated latency is its response time.
    const arrived = performance.now();
    const r = respond(origin, new URL(req.url ?? '/', origin));
    await sleepPrecise(latencyMs - (performance.now() - arrived));
    res
      .writeHead(r.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(r.body),
      })
      .end(r.body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => (server.closeAllConnections(), server.close()) };
}

if (process.argv[1]?.endsWith('bench-server.ts')) {
  const s = await startBenchServer(Number(process.argv[2] ?? 20));
  console.log(s.origin);
  process.on('SIGTERM', () => (s.close(), process.exit(0)));
}
