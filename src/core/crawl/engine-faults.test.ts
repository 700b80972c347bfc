// Faults: what is retried, how long the engine waits, and what is kept when it gives up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink, type FakeReply } from './testing/fakes.ts';
import { linkPages, startOf } from './testing/fake-apis.ts';
import type { CrawlOptions } from './types.ts';

const healthy = linkPages(9, 3);

/** Page 2 of a 3-page link chain misbehaves with `faults` (one reply per try), then is healthy. */
function faulty(faults: FakeReply[]) {
  const clock = new FakeClock();
  const tries: Record<string, number> = {};
  const f = fakeFetch(clock, (url) => {
    const key = url.searchParams.get('page') ?? '';
    const i = (tries[key] = (tries[key] ?? 0) + 1) - 1;
    if (key === '2' && i < faults.length) return faults[i];
    return healthy(url);
  });
  const sink = new MemorySink();
  const opts = (more: Partial<CrawlOptions> = {}): CrawlOptions => ({
    fetch: f.fetch,
    clock,
    sink,
    random: () => 0,
    ...more,
  });
  return { clock, sink, calls: f.calls, fetch: f.fetch, opts };
}
const ids = (rs: unknown[]) => rs.map((r) => (r as { id: number }).id);
const page2 = (calls: { url: string; at: number }[]) => calls.filter((c) => c.url.endsWith('page=2'));

test('429 with Retry-After in seconds: waits exactly that long, then goes on', async () => {
  const w = faulty([{ status: 429, headers: { 'retry-after': '7' } }]);
  const s = await crawl(await startOf(w.fetch, 'http://api.test/items?page=1'), w.opts());
  assert.equal(s.stoppedReason, 'done');
  const [a, b] = page2(w.calls);
  assert.equal(b.at - a.at, 7000);
  assert.deepEqual([s.retries, s.errors, s.records], [1, 1, 9]);
});

test('429 with Retry-After as an HTTP-date: waits until then', async () => {
  const clock = new FakeClock();
  const when = new Date(clock.t + 12_000).toUTCString();
  const w = faulty([{ status: 429, headers: { 'retry-after': when } }]);
  w.clock.t = clock.t;
  const s = await crawl(await startOf(w.fetch, 'http://api.test/items?page=1'), w.opts());
  const [a, b] = page2(w.calls);
  assert.equal(b.at - a.at, 12_000);
  assert.equal(s.stoppedReason, 'done');
});

test('Retry-After is capped (maxRetryAfterMs)', async () => {
  const w = faulty([{ status: 503, headers: { 'retry-after': '86400' } }]);
  await crawl(await startOf(w.fetch, 'http://api.test/items?page=1'), w.opts({ maxRetryAfterMs: 5000 }));
  const [a, b] = page2(w.calls);
  assert.equal(b.at - a.at, 5000);
});

test('503, 502 then success: exponential backoff (jitter from the injected random)', async () => {
  const w = faulty([{ status: 503 }, { status: 502 }]);
  const events: [number, number, number, string][] = [];
  const onProgress = (p: { pages: number; retries: number; errors: number; lastUrl: string }) =>
    events.push([p.pages, p.retries, p.errors, p.lastUrl]);
  const s = await crawl(
    await startOf(w.fetch, 'http://api.test/items?page=1'),
    w.opts({ retryBaseMs: 400, random: () => 1, onProgress }),
  );
  const p1 = 'http://api.test/items?page=1';
  assert.deepEqual(
    events.slice(0, 4),
    [
      [1, 0, 0, p1],
      [1, 1, 1, p1],
      [1, 2, 2, p1],
      [2, 2, 2, 'http://api.test/items?page=2'],
    ],
    'progress on each retry too',
  );
  const [a, b, c] = page2(w.calls);
  assert.deepEqual([b.at - a.at, c.at - b.at], [400, 800]);
  assert.deepEqual([s.stoppedReason, s.retries, s.records], ['done', 2, 9]);
});

test('a network error (fetch rejects) is retried', async () => {
  const w = faulty(['network-error']);
  const s = await crawl(await startOf(w.fetch, 'http://api.test/items?page=1'), w.opts());
  assert.deepEqual([s.stoppedReason, s.retries, s.records], ['done', 1, 9]);
  assert.deepEqual(ids(w.sink.records), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('a request that never answers is aborted after timeoutMs and retried', async () => {
  let hungSignal: AbortSignal | undefined;
  const w = faulty(['hang']);
  const fetch: typeof w.fetch = (req) => {
    if (req.url.endsWith('page=2') && !hungSignal) hungSignal = req.signal;
    return w.fetch(req);
  };
  const s = await crawl(
    await startOf(w.fetch, 'http://api.test/items?page=1'),
    w.opts({ fetch, timeoutMs: 2000, retryBaseMs: 100 }),
  );
  assert.equal(hungSignal?.aborted, true, 'the hung request was aborted');
  const [a, b] = page2(w.calls);
  assert.equal(b.at - a.at, 2000 + 50);
  assert.deepEqual([s.stoppedReason, s.retries, s.records], ['done', 1, 9]);
});

test('truncated JSON on a 200 is retried', async () => {
  const w = faulty([{ raw: '[{"id":4},{"id":5},{"i' }]);
  const s = await crawl(await startOf(w.fetch, 'http://api.test/items?page=1'), w.opts());
  assert.deepEqual([s.stoppedReason, s.retries], ['done', 1]);
  assert.deepEqual(ids(w.sink.records), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('408 is retried; 404 is not, and stops the crawl with the reason', async () => {
  const a = faulty([{ status: 408 }]);
  assert.equal(
    (await crawl(await startOf(a.fetch, 'http://api.test/items?page=1'), a.opts())).stoppedReason,
    'done',
  );
  const w = faulty([{ status: 404 }]);
  const s = await crawl(await startOf(w.fetch, 'http://api.test/items?page=1'), w.opts());
  assert.equal(s.stoppedReason, 'error');
  assert.equal(s.detail, 'HTTP 404: http://api.test/items?page=2');
  assert.equal(page2(w.calls).length, 1);
  assert.equal(s.retries, 0);
});

test('exhausted tries: stops with error, keeps what was crawled, and a resume retries the failed page', async () => {
  const w = faulty([{ status: 503 }, { status: 503 }, { status: 503 }]);
  const start = await startOf(w.fetch, 'http://api.test/items?page=1');
  const s = await crawl(start, w.opts({ retries: 2 }));
  assert.equal(s.stoppedReason, 'error');
  assert.equal(s.detail, 'HTTP 503: http://api.test/items?page=2 (gave up after 3 tries)');
  assert.deepEqual([s.pages, s.records, s.errors, s.retries], [1, 3, 3, 2]);
  assert.deepEqual(ids(w.sink.records), [1, 2, 3]);
  assert.equal(s.checkpoint.next?.url, 'http://api.test/items?page=2');
  const r = await crawl(start, w.opts({ resume: s.checkpoint }));
  assert.equal(r.stoppedReason, 'done');
  assert.deepEqual(ids(w.sink.records), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(
    w.sink.pages.map((p) => p.index),
    [0, 1, 2],
  );
  assert.equal(r.errors, 3, 'counters carry over from the checkpoint');
});

test('a store that fails is an error with a reason; the page is not counted and a resume rewrites it', async () => {
  const w = faulty([]);
  const start = await startOf(w.fetch, 'http://api.test/items?page=1');
  w.sink.failOnPage = 1;
  const s = await crawl(start, w.opts());
  assert.equal(s.stoppedReason, 'error');
  assert.match(s.detail ?? '', /store failed on page 2: disk full/);
  assert.deepEqual([s.pages, s.records], [1, 3]);
  assert.equal(s.checkpoint.next?.url, 'http://api.test/items?page=2');
  w.sink.failOnPage = undefined;
  const r = await crawl(start, w.opts({ resume: s.checkpoint }));
  assert.equal(r.stoppedReason, 'done');
  assert.deepEqual(ids(w.sink.records), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(r.duplicates, 0);
});
