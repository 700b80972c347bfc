// End to end over real local servers: real detect() on every page, real fetch, real clock.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crawl } from './engine.ts';
import { MemorySink } from './testing/fakes.ts';
import { realClock as clock, realFetch as httpFetch } from './testing/real-io.ts';
import { startOf } from './testing/fake-apis.ts';

type Seen = { url: string; auth?: string; key?: string };
async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, url: URL) => void,
): Promise<{ base: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({
      url: req.url ?? '',
      auth: req.headers.authorization,
      key: req.headers['x-api-key'] as string | undefined,
    });
    handler(req, res, url);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}
const json = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => ({ id: a + i + 1 }));

test('Link-header chain across two origins: all records, credentials only to the first origin', async () => {
  const mirror = await serve((_req, res, url) => {
    const p = Number(url.searchParams.get('page'));
    json(res, range((p - 1) * 5, p * 5), p < 4 ? { link: `</items?page=${p + 1}>; rel="next"` } : {});
  });
  const api = await serve((_req, res, url) => {
    const p = Number(url.searchParams.get('page'));
    const next = p < 2 ? `</items?page=${p + 1}>` : `<${mirror.base}/items?page=3>`;
    json(res, range((p - 1) * 5, p * 5), { link: `${next}; rel="next"` });
  });
  const headers = [
    { name: 'Authorization', value: 'Bearer s3cret' },
    { name: 'X-Api-Key', value: 'k' },
  ];
  const start = await startOf(httpFetch, `${api.base}/items?page=1`, headers);
  const sink = new MemorySink();
  const s = await crawl(start, { fetch: httpFetch, clock, sink });
  assert.equal(s.stoppedReason, 'done');
  assert.deepEqual(sink.records, range(0, 20));
  assert.deepEqual(
    api.seen.map((x) => [x.url, x.auth, x.key]),
    [
      ['/items?page=1', 'Bearer s3cret', 'k'],
      ['/items?page=2', 'Bearer s3cret', 'k'],
    ],
  );
  assert.deepEqual(
    mirror.seen.map((x) => [x.url, x.auth, x.key]),
    [
      ['/items?page=3', undefined, undefined],
      ['/items?page=4', undefined, undefined],
    ],
  );
});

test('Laravel numbered pages, concurrent, with a 503 (Retry-After: 0) and a truncated body on the way', async () => {
  const hits: Record<string, number> = {};
  const api = await serve((_req, res, url) => {
    const p = Number(url.searchParams.get('page') ?? '1');
    const n = (hits[p] = (hits[p] ?? 0) + 1);
    if (p === 3 && n === 1) return json(res, { message: 'busy' }, { 'retry-after': '0' }, 503);
    if (p === 5 && n === 1) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"current_page":5,"data":[{"id":4');
    }
    const body = {
      current_page: p,
      data: range((p - 1) * 4, Math.min(30, p * 4)),
      last_page: 8,
      per_page: 4,
      total: 30,
      next_page_url: p < 8 ? `/users?page=${p + 1}` : null,
    };
    json(res, body);
  });
  const start = await startOf(httpFetch, `${api.base}/users?page=1`);
  assert.equal(start.detection.style, 'laravel');
  const sink = new MemorySink();
  const s = await crawl(start, { fetch: httpFetch, clock, sink, retryBaseMs: 1 });
  assert.equal(s.stoppedReason, 'done');
  assert.deepEqual(sink.records, range(0, 30));
  assert.deepEqual(
    sink.pages.map((p) => p.index),
    [0, 1, 2, 3, 4, 5, 6, 7],
  );
  assert.equal(s.retries, 2);
});
