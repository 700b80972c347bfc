// How a crawl ends: each end condition of the styles, and the user's limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink, type FakeReply } from './testing/fakes.ts';
import { laravelPages, linkPages, startOf, stripePages } from './testing/fake-apis.ts';
import type { CrawlOptions } from './types.ts';

function setup(route: (url: URL, n: number) => FakeReply) {
  const clock = new FakeClock();
  const f = fakeFetch(clock, route);
  const sink = new MemorySink();
  const opts = (more: Partial<CrawlOptions> = {}): CrawlOptions => ({ fetch: f.fetch, clock, sink, ...more });
  return { clock, sink, calls: f.calls, fetch: f.fetch, opts };
}
const idsOf = (records: unknown[]) => records.map((r) => (r as { id: unknown }).id);

test('link chain: page 0 is the start page, follows next links, ends when there is no next link', async () => {
  const w = setup(linkPages(7, 3));
  const start = await startOf(w.fetch, 'http://api.test/items?page=1');
  const s = await crawl(start, w.opts());
  assert.equal(s.stoppedReason, 'done');
  assert.match(s.detail ?? '', /no next link.* at page 3 /);
  assert.deepEqual(idsOf(w.sink.records), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(
    w.sink.pages.map((p) => [p.index, p.url, p.recordCount]),
    [
      [0, 'http://api.test/items?page=1', 3],
      [1, 'http://api.test/items?page=2', 3],
      [2, 'http://api.test/items?page=3', 1],
    ],
  );
  assert.equal(w.calls.length, 3, 'the start page fetched once by startOf, then pages 2 and 3');
  assert.equal(s.pages, 3);
  assert.equal(s.records, 7);
  assert.equal(s.checkpoint.next, null);
  assert.equal(w.sink.pages[1].detection?.style, 'link-header');
});

test('cursor chain ends when hasMore is false (Stripe)', async () => {
  const w = setup(stripePages(5, 2));
  const start = await startOf(w.fetch, 'http://api.test/v1/customers?limit=2');
  const s = await crawl(start, w.opts());
  assert.equal(s.stoppedReason, 'done');
  assert.match(s.detail ?? '', /hasMore is false/);
  assert.deepEqual(idsOf(w.sink.records), ['cus_1', 'cus_2', 'cus_3', 'cus_4', 'cus_5']);
  assert.equal(w.calls[2].url, 'http://api.test/v1/customers?limit=2&starting_after=cus_4');
});

test('cursor chain ends on an empty cursor in the next link', async () => {
  const w = setup((url) => {
    const c = url.searchParams.get('cursor');
    if (c === 'a')
      return { body: [{ id: 1 }], headers: { link: '<http://api.test/x?cursor=b>; rel="next"' } };
    if (c === 'b') return { body: [{ id: 2 }], headers: { link: '<http://api.test/x?cursor=>; rel="next"' } };
    return { status: 500 };
  });
  const start = await startOf(w.fetch, 'http://api.test/x?cursor=a');
  const s = await crawl(start, w.opts());
  assert.equal(s.stoppedReason, 'done');
  assert.match(s.detail ?? '', /empty cursor at page 2/);
  assert.equal(w.calls.length, 2);
});

test('an empty page ends the chain by default', async () => {
  const w = setup((url) => {
    const page = Number(url.searchParams.get('page'));
    const next = `<http://api.test/items?page=${page + 1}>; rel="next"`;
    return { body: page < 3 ? [{ id: page }] : [], headers: { link: next } };
  });
  const start = await startOf(w.fetch, 'http://api.test/items?page=1');
  const s = await crawl(start, w.opts());
  assert.equal(s.stoppedReason, 'done');
  assert.match(s.detail ?? '', /empty page at page 3/);
  assert.equal(w.calls.length, 3);
  assert.deepEqual(idsOf(w.sink.records), [1, 2]);
});

test('Vanilla: empty and short pages mid-chain are not the end; only Paging-Next decides', async () => {
  const bodies: Record<number, unknown[]> = {
    1: [{ id: 1 }],
    2: [],
    3: [{ id: 3 }],
    4: [{ id: 4 }, { id: 5 }],
  };
  const w = setup((url) => {
    const page = Number(url.searchParams.get('page'));
    const headers: Record<string, string> =
      page < 4 ? { 'paging-next': `/api/v2/discussions?page=${page + 1}&limit=2` } : {};
    return { body: bodies[page], headers };
  });
  const start = await startOf(w.fetch, 'http://api.test/api/v2/discussions?page=1&limit=2');
  assert.equal(start.detection.emptyPageEnds, false);
  const s = await crawl(start, w.opts());
  assert.equal(s.stoppedReason, 'done');
  assert.deepEqual(idsOf(w.sink.records), [1, 3, 4, 5]);
  assert.equal(s.pages, 4);
});

test('numbered pages end at the total: no request past the last page', async () => {
  const w = setup(laravelPages(10, 4));
  const start = await startOf(w.fetch, 'http://api.test/users?page=1');
  const s = await crawl(start, w.opts());
  assert.equal(s.stoppedReason, 'done');
  assert.deepEqual(idsOf(w.sink.records), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(w.calls.map((c) => new URL(c.url).searchParams.get('page')).sort(), ['1', '2', '3']);
});

test('maxPages stops after that many pages, the start page included; the checkpoint points at the next', async () => {
  const w = setup(linkPages(100, 2));
  const start = await startOf(w.fetch, 'http://api.test/items?page=1');
  const s = await crawl(start, w.opts({ maxPages: 3 }));
  assert.equal(s.stoppedReason, 'max-pages');
  assert.equal(s.pages, 3);
  assert.deepEqual(idsOf(w.sink.records), [1, 2, 3, 4, 5, 6]);
  assert.equal(s.checkpoint.next?.url, 'http://api.test/items?page=4');
});

for (const [name, route, url] of [
  ['sequential', linkPages(100, 3), 'http://api.test/items?page=1'],
  ['concurrent', laravelPages(100, 3), 'http://api.test/users?page=1'],
] as const) {
  test(`maxRecords is exact (${name}): writes only up to the limit, cutting a page`, async () => {
    const w = setup(route);
    const start = await startOf(w.fetch, url);
    const s = await crawl(start, w.opts({ maxRecords: 7 }));
    assert.equal(s.stoppedReason, 'max-records');
    assert.equal(s.records, 7);
    assert.deepEqual(idsOf(w.sink.records), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(w.sink.pages.at(-1)?.newRecords, 1);
    assert.equal(w.sink.pages.at(-1)?.recordCount, 3);
  });
}

test('duplicates across pages (by id) are counted and not written twice; order is kept', async () => {
  const pages: Record<number, unknown[]> = {
    1: [{ id: 1 }, { id: 2 }],
    2: [{ id: 2 }, { id: 3 }],
    3: [{ id: 4 }, { id: 1 }],
  };
  const w = setup((url) => {
    const p = Number(url.searchParams.get('page'));
    return {
      body: pages[p],
      headers: p < 3 ? { link: `<http://api.test/i?page=${p + 1}>; rel="next"` } : {},
    };
  });
  const s = await crawl(await startOf(w.fetch, 'http://api.test/i?page=1'), w.opts());
  assert.deepEqual(idsOf(w.sink.records), [1, 2, 3, 4]);
  assert.equal(s.duplicates, 2);
  assert.deepEqual(
    w.sink.pages.map((p) => [p.newRecords, p.duplicates]),
    [
      [2, 0],
      [1, 1],
      [1, 1],
    ],
  );
  // Where the skipped ones stood, so diagnostics can rebuild each page's ids from the store.
  assert.deepEqual(
    w.sink.pages.map((p) => p.repeats),
    [undefined, { idKey: 'id', items: [{ at: 0, id: 2 }] }, { idKey: 'id', items: [{ at: 1, id: 1 }] }],
  );
});

test('delayMs waits between requests (virtual time)', async () => {
  const w = setup(linkPages(6, 2));
  const start = await startOf(w.fetch, 'http://api.test/items?page=1');
  const t0 = w.clock.now();
  await crawl(start, w.opts({ delayMs: 250 }));
  assert.deepEqual(
    w.calls.slice(1).map((c) => c.at - t0),
    [250, 500],
  );
});

test('progress: one event per written page with counts, totals, rate and ETA', async () => {
  const w = setup(laravelPages(9, 3, { 1: 100, 2: 100, 3: 100 }));
  const start = await startOf(w.fetch, 'http://api.test/users?page=1');
  const events: {
    pages: number;
    records: number;
    totalPages?: number;
    ratePerSec: number;
    etaMs?: number;
    lastUrl: string;
  }[] = [];
  await crawl(start, w.opts({ concurrency: 1, onProgress: (p) => events.push(p) }));
  assert.deepEqual(
    events.map((e) => [e.pages, e.records, e.totalPages]),
    [
      [1, 3, 3],
      [2, 6, 3],
      [3, 9, 3],
    ],
  );
  assert.equal(events[1].lastUrl, 'http://api.test/users?page=2');
  assert.equal(events[1].ratePerSec, 1 / 0.1, 'two pages written, one fetched in 100 ms of virtual time');
  assert.equal(events[1].etaMs, 100);
  assert.equal(events[2].etaMs, 0);
});
