// The concurrent strategy: a bounded pool, pages written in page order whatever order they arrive in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink, type FakeReply } from './testing/fakes.ts';
import { laravelPages, startOf } from './testing/fake-apis.ts';
import { detect } from '../detect/index.ts';
import type { HttpFetch } from '../ports.ts';
import type { CrawlOptions } from './types.ts';

function setup(route: (url: URL) => FakeReply) {
  const clock = new FakeClock();
  const f = fakeFetch(clock, route);
  let inflight = 0;
  const arrivals: string[] = [];
  const stats = { maxInflight: 0 };
  const fetch: HttpFetch = async (req) => {
    stats.maxInflight = Math.max(stats.maxInflight, ++inflight);
    try {
      return await f.fetch(req);
    } finally {
      inflight--;
      arrivals.push(
        new URL(req.url).searchParams.get('page') ?? new URL(req.url).searchParams.get('offset') ?? '',
      );
    }
  };
  const sink = new MemorySink();
  const opts = (more: Partial<CrawlOptions> = {}): CrawlOptions => ({ fetch, clock, sink, ...more });
  return { clock, sink, calls: f.calls, fetch: f.fetch, opts, arrivals, stats };
}
const ids = (rs: unknown[]) => rs.map((r) => (r as { id: number }).id);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

test('pages arriving out of order are written in page order', async () => {
  const w = setup(laravelPages(15, 3, { 2: 300, 3: 100, 4: 50, 5: 10 }));
  const start = await startOf(w.fetch, 'http://api.test/users?page=1');
  const seen: number[] = [];
  const s = await crawl(start, w.opts({ onProgress: (p) => seen.push(p.pages) }));
  assert.equal(s.stoppedReason, 'done');
  assert.deepEqual(w.arrivals, ['5', '4', '3', '2'], 'arrived last page first');
  assert.deepEqual(
    w.sink.pages.map((p) => [p.index, p.url]),
    [1, 2, 3, 4, 5].map((n) => [n - 1, `http://api.test/users?page=${n}`]),
  );
  assert.deepEqual(ids(w.sink.records), range(15));
  assert.deepEqual(seen, [1, 2, 3, 4, 5]);
  const t0 = w.calls[1].at;
  assert.ok(
    w.calls.slice(1).every((c) => c.at === t0),
    'all four requested at once',
  );
});

test('the pool never has more than `concurrency` requests in flight', async () => {
  const delays = Object.fromEntries(range(30).map((n) => [n, 10 + ((n * 7) % 5) * 10]));
  const w = setup(laravelPages(90, 3, delays));
  const start = await startOf(w.fetch, 'http://api.test/users?page=1');
  const s = await crawl(start, w.opts({ concurrency: 3 }));
  assert.equal(s.stoppedReason, 'done');
  assert.equal(w.stats.maxInflight, 3);
  assert.deepEqual(ids(w.sink.records), range(90));
});

test('offset pages with a total (X-Total-Count) are fetched concurrently by offset', async () => {
  const w = setup((url) => {
    const off = Number(url.searchParams.get('offset') ?? '0');
    return {
      body: range(7)
        .slice(off, off + 2)
        .map((id) => ({ id })),
      headers: { 'x-total-count': '7' },
    };
  });
  const start = await startOf(w.fetch, 'http://api.test/items?offset=0&limit=2');
  assert.equal(start.detection.kind, 'offset');
  const s = await crawl(start, w.opts());
  assert.equal(s.stoppedReason, 'done');
  assert.deepEqual(
    w.calls.slice(1).map((c) => new URL(c.url).searchParams.get('offset')),
    ['2', '4', '6'],
  );
  assert.deepEqual(ids(w.sink.records), range(7));
});

test('a failing page keeps every page before it; the checkpoint range starts at it; resume completes', async () => {
  const healthy = laravelPages(15, 3, { 4: 5, 5: 5 });
  let broken = true;
  const w = setup((url) => (broken && url.searchParams.get('page') === '3' ? { status: 404 } : healthy(url)));
  const start = await startOf(w.fetch, 'http://api.test/users?page=1');
  const s = await crawl(start, w.opts());
  assert.equal(s.stoppedReason, 'error');
  assert.equal(s.detail, 'HTTP 404: http://api.test/users?page=3');
  assert.deepEqual(ids(w.sink.records), range(6));
  assert.deepEqual(s.checkpoint.range, { from: 3, to: 5 });
  assert.equal(s.checkpoint.nextIndex, 2);
  broken = false;
  const r = await crawl(start, w.opts({ resume: s.checkpoint }));
  assert.equal(r.stoppedReason, 'done');
  assert.deepEqual(ids(w.sink.records), range(15));
  assert.deepEqual(
    w.sink.pages.map((p) => p.index),
    [0, 1, 2, 3, 4],
  );
  assert.equal(r.duplicates, 0);
});

test('maxPages bounds the concurrent range and leaves the rest in the checkpoint', async () => {
  const w = setup(laravelPages(30, 3));
  const start = await startOf(w.fetch, 'http://api.test/users?page=1');
  const s = await crawl(start, w.opts({ maxPages: 4 }));
  assert.equal(s.stoppedReason, 'max-pages');
  assert.equal(w.calls.length, 4, 'no request beyond page 4');
  assert.deepEqual(s.checkpoint.range, { from: 5, to: 10 });
  assert.equal(s.checkpoint.next?.url, 'http://api.test/users?page=5');
});

test('an empty page before the total ends a concurrent crawl (the total was stale)', async () => {
  const real = laravelPages(12, 3);
  const w = setup((url) => {
    const r = real(url) as { body: { data: unknown[] } };
    if (url.searchParams.get('page') === '3') r.body.data = [];
    return r;
  });
  const s = await crawl(await startOf(w.fetch, 'http://api.test/users?page=1'), w.opts({ concurrency: 1 }));
  assert.equal(s.stoppedReason, 'done');
  assert.match(s.detail ?? '', /empty page at page 3 \(http:\/\/api.test\/users\?page=3\)/);
  assert.deepEqual(ids(w.sink.records), range(6));
});

test('a prediction the links never confirm is dropped with its failures: not written, no error counted', async () => {
  // Pages 1-3 on /a; page 3's next link moves to /b. /a?page=4.. answers 404 at once, while page 3
  // is still on its way: those failures belong to guesses, not to the API's chain.
  const w = setup((url) => {
    const page = Number(url.searchParams.get('page') ?? '1');
    const onB = url.pathname === '/b';
    if (!onB && page > 3) return { status: 404, body: { error: 'moved' } };
    const next = page < 6 ? `http://api.test/${onB || page >= 3 ? 'b' : 'a'}?page=${page + 1}` : null;
    const data = Array.from({ length: 3 }, (_, i) => ({ id: (page - 1) * 3 + i + 1 }));
    const body = { current_page: page, data, last_page: 6, per_page: 3, total: 18, next_page_url: next };
    return { body, delayMs: page === 3 ? 100 : 1 };
  });
  const s = await crawl(await startOf(w.fetch, 'http://api.test/a?page=1'), w.opts({ concurrency: 4 }));
  assert.equal(s.stoppedReason, 'done', s.detail);
  assert.deepEqual(ids(w.sink.records), range(18));
  assert.ok(
    w.calls.some((c) => c.url === 'http://api.test/a?page=4'),
    'the guess was fetched (concurrently) …',
  );
  assert.equal(s.errors, 0, '… but its 404 is no error of the crawl');
  assert.equal(s.retries, 0);
  assert.match(s.notes?.[0] ?? '', /disagreed at page 3: its next link is http:\/\/api.test\/b\?page=4/);
});

test('a freed slot is filled before the page that freed it is read', async () => {
  const log: string[] = [];
  const w = setup((url) => {
    log.push(`fetch ${url.searchParams.get('page')}`);
    return laravelPages(15, 3, { 2: 10, 3: 20, 4: 10, 5: 10 })(url);
  });
  const start = await startOf(w.fetch, 'http://api.test/users?page=1');
  log.length = 0;
  const s = await crawl(
    start,
    w.opts({
      concurrency: 2,
      detectPage: (exchange, options) => {
        log.push(`read ${new URL(exchange.request.url).searchParams.get('page')}`);
        return detect(exchange, options);
      },
    }),
  );
  assert.equal(s.stoppedReason, 'done');
  assert.deepEqual(ids(w.sink.records), range(15));
  // Page 2 arrives first: page 4 is asked for before page 2 is read (detected, deduped, written).
  assert.deepEqual(log.slice(0, 4), ['fetch 2', 'fetch 3', 'fetch 4', 'read 2'], log.join(' | '));
});
