// Pause = abort + resume: nothing lost, nothing written twice, indices without gaps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink, type FakeReply } from './testing/fakes.ts';
import { laravelPages, linkPages, startOf, stripePages } from './testing/fake-apis.ts';
import type { CrawlOptions, CrawlProgress } from './types.ts';

function setup(route: (url: URL) => FakeReply) {
  const clock = new FakeClock();
  const f = fakeFetch(clock, route);
  const sink = new MemorySink();
  const opts = (more: Partial<CrawlOptions> = {}): CrawlOptions => ({ fetch: f.fetch, clock, sink, ...more });
  return { clock, sink, calls: f.calls, fetch: f.fetch, opts };
}
const ids = (rs: unknown[]) => rs.map((r) => (r as { id: unknown }).id);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Aborts once `pages` pages are written. */
function abortAt(pages: number) {
  const ctrl = new AbortController();
  return { signal: ctrl.signal, onProgress: (p: CrawlProgress) => p.pages >= pages && ctrl.abort() };
}

for (const [name, route, url, total] of [
  ['link chain', linkPages(20, 3), 'http://api.test/items?page=1', 20],
  ['cursor chain', stripePages(20, 3), 'http://api.test/v1/customers?limit=3', 20],
  [
    'numbered pages, concurrent',
    laravelPages(20, 3, { 2: 40, 3: 10, 4: 30, 5: 20, 6: 10 }),
    'http://api.test/users?page=1',
    20,
  ],
] as const) {
  test(`abort mid-crawl then resume (${name}): no duplicates, no gaps`, async () => {
    const w = setup(route);
    const start = await startOf(w.fetch, url);
    const s = await crawl(start, w.opts(abortAt(3)));
    assert.equal(s.stoppedReason, 'aborted');
    assert.equal(s.pages, 3);
    assert.equal(w.sink.pages.length, 3);
    assert.deepEqual(
      s.checkpoint,
      { ...w.sink.lastCheckpoint!, next: s.checkpoint.next },
      'summary checkpoint agrees with the stored one',
    );
    const r = await crawl(start, w.opts({ resume: structuredClone(s.checkpoint) }));
    assert.equal(r.stoppedReason, 'done');
    const got = ids(w.sink.records).map((id) => (typeof id === 'string' ? Number(id.slice(4)) : id));
    assert.deepEqual(got, range(total));
    assert.equal(r.duplicates, 0);
    assert.deepEqual(
      w.sink.pages.map((p) => p.index),
      range(7).map((n) => n - 1),
    );
    assert.equal(r.pages, 7);
    assert.equal(r.records, total);
  });
}

test('abort while a request is in flight: the request is cancelled, the checkpoint points at it', async () => {
  const healthy = linkPages(9, 3);
  const ctrl = new AbortController();
  let hang = true;
  const w = setup((url) => (hang && url.searchParams.get('page') === '3' ? 'hang' : healthy(url)));
  const start = await startOf(w.fetch, 'http://api.test/items?page=1');
  const running = crawl(start, w.opts({ signal: ctrl.signal, timeoutMs: 0 }));
  while (w.calls.length < 3) await new Promise((r) => setImmediate(r));
  ctrl.abort();
  const s = await running;
  assert.equal(s.stoppedReason, 'aborted');
  assert.equal(s.checkpoint.next?.url, 'http://api.test/items?page=3');
  assert.equal(s.errors, 0, 'an abort is not an error');
  hang = false;
  const r = await crawl(start, w.opts({ resume: s.checkpoint }));
  assert.deepEqual(ids(w.sink.records), range(9));
  assert.equal(r.stoppedReason, 'done');
});

test('seen ids survive a resume: a record repeated across the pause is counted as a duplicate', async () => {
  const pages: Record<number, number[]> = { 1: [1, 2], 2: [3, 4], 3: [4, 5], 4: [6] };
  const w = setup((url) => {
    const p = Number(url.searchParams.get('page'));
    return {
      body: pages[p].map((id) => ({ id })),
      headers: p < 4 ? { link: `<http://api.test/i?page=${p + 1}>; rel="next"` } : {},
    };
  });
  const start = await startOf(w.fetch, 'http://api.test/i?page=1');
  const s = await crawl(start, w.opts({ maxPages: 2 }));
  assert.deepEqual(s.checkpoint.seenIds, ['n:1', 'n:2', 'n:3', 'n:4']);
  const r = await crawl(start, w.opts({ resume: s.checkpoint }));
  assert.deepEqual(ids(w.sink.records), [1, 2, 3, 4, 5, 6]);
  assert.equal(r.duplicates, 1);
});

test('maxSeenIds caps the ids kept in the checkpoint (most recent kept)', async () => {
  const w = setup(linkPages(10, 5));
  const s = await crawl(await startOf(w.fetch, 'http://api.test/items?page=1'), w.opts({ maxSeenIds: 3 }));
  assert.deepEqual(s.checkpoint.seenIds, ['n:8', 'n:9', 'n:10']);
  assert.equal(s.checkpoint.seenUrls.length, 2);
});

test('a checkpoint for another start URL is refused', async () => {
  const w = setup(linkPages(9, 3));
  const a = await crawl(await startOf(w.fetch, 'http://api.test/items?page=1'), w.opts({ maxPages: 1 }));
  const s = await crawl(
    await startOf(w.fetch, 'http://api.test/other?page=1'),
    w.opts({ resume: a.checkpoint }),
  );
  assert.equal(s.stoppedReason, 'error');
  assert.match(s.detail ?? '', /checkpoint does not belong/);
});
