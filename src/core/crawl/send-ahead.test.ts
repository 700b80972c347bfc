// A chain's next request goes out while the page before it is written (sequential.ts): what is sent
// ahead, what is not, and that a refused write leaves nothing of it behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink, type FakeReply } from './testing/fakes.ts';
import { linkPages, startOf } from './testing/fake-apis.ts';
import type { Checkpoint, CrawledPage, CrawlOptions } from './types.ts';
import type { HttpRequest } from '../ports.ts';

const START = 'http://api.test/items?page=1';
const pageOf = (url: string) => new URL(url).searchParams.get('page');

/** A 4-page Link-header chain (3 records a page) whose sink takes 50 ms (virtual) to write a page, logging what happens when. */
function chain(route: (url: URL, n: number, req: HttpRequest) => FakeReply = linkPages(12, 3)) {
  const clock = new FakeClock();
  const log: string[] = [];
  const f = fakeFetch(clock, (url, n, req) => {
    log.push(`fetch ${url.searchParams.get('page')}`);
    return route(url, n, req);
  });
  class SlowSink extends MemorySink {
    override async writePage(page: CrawledPage, records: unknown[], checkpoint: Checkpoint) {
      log.push(`write ${page.index} start`);
      await clock.sleep(50);
      await super.writePage(page, records, checkpoint);
      log.push(`write ${page.index} end`);
    }
  }
  const sink = new SlowSink();
  const opts = (more: Partial<CrawlOptions> = {}): CrawlOptions => ({
    fetch: f.fetch,
    clock,
    sink,
    random: () => 0,
    ...more,
  });
  return { clock, log, sink, f, opts };
}

test("the next link's request goes out while the page that named it is being written", async () => {
  const c = chain();
  const start = await startOf(c.f.fetch, START);
  c.log.length = 0;
  const s = await crawl(start, c.opts());
  assert.equal(s.stoppedReason, 'done');
  assert.equal(s.records, 12);
  // Page 2 (index 1) names page 3: page 3 is asked for as soon as page 2 is read, before its write
  // begins; likewise page 4 before page 3's write.
  const at = (e: string) => c.log.indexOf(e);
  const order = c.log.join(' | ');
  assert.ok(at('fetch 2') < at('fetch 3') && at('fetch 3') < at('write 1 start'), order);
  assert.ok(at('write 1 end') < at('fetch 4') && at('fetch 4') < at('write 2 start'), order);
  // Each page is still written once, in order, and asked for once.
  assert.deepEqual(
    c.sink.pages.map((p) => p.index),
    [0, 1, 2, 3],
  );
  assert.deepEqual(c.f.calls.map((x) => pageOf(x.url)).slice(1), ['2', '3', '4']);
});

test('a refused write: the request sent ahead is aborted and never read; the resume starts at the refused page', async () => {
  const signals = new Map<string, AbortSignal | undefined>();
  const c = chain((url, n, req) => {
    const page = url.searchParams.get('page')!;
    signals.set(page, req.signal);
    // Page 3 answers only once the crawl gives up on it (an abort ends the wait).
    return page === '3' ? 'hang' : linkPages(12, 3)(url);
  });
  c.sink.failOnPage = 1;
  const s = await crawl(await startOf(c.f.fetch, START), c.opts());
  assert.equal(s.stoppedReason, 'error');
  assert.match(s.detail ?? '', /store failed on page 2/);
  assert.equal(signals.get('3')?.aborted, true, 'the request sent ahead was aborted');
  assert.deepEqual(
    c.sink.pages.map((p) => p.index),
    [0],
  );
  assert.deepEqual([s.pages, s.records, s.errors], [1, 3, 0]);
  assert.equal(pageOf(s.checkpoint!.next!.url), '2');
  assert.equal(s.checkpoint!.nextIndex, 1);
});

test('failures of a request sent ahead count like any other, and the page is kept once', async () => {
  let tries = 0;
  const c = chain((url) =>
    url.searchParams.get('page') === '3' && tries++ === 0 ? { status: 503 } : linkPages(12, 3)(url),
  );
  const s = await crawl(await startOf(c.f.fetch, START), c.opts());
  assert.equal(s.stoppedReason, 'done');
  assert.deepEqual([s.records, s.errors, s.retries, s.pages], [12, 1, 1, 4]);
});

test('nothing is sent ahead past a limit, or when a delay is asked for between requests', async () => {
  const pages = chain();
  const a = await crawl(await startOf(pages.f.fetch, START), pages.opts({ maxPages: 2 }));
  assert.equal(a.stoppedReason, 'max-pages');
  assert.deepEqual(
    pages.f.calls.map((x) => pageOf(x.url)),
    ['1', '2'],
    'page 3 never asked for',
  );

  const records = chain();
  const b = await crawl(await startOf(records.f.fetch, START), records.opts({ maxRecords: 5 }));
  assert.equal(b.stoppedReason, 'max-records');
  assert.deepEqual(
    records.f.calls.map((x) => pageOf(x.url)),
    ['1', '2'],
  );

  const polite = chain();
  const start = await startOf(polite.f.fetch, START);
  polite.log.length = 0;
  const d = await crawl(start, polite.opts({ delayMs: 1000 }));
  assert.equal(d.stoppedReason, 'done');
  // With a delay, each request waits for the write before it and then the delay.
  assert.ok(polite.log.indexOf('fetch 3') > polite.log.indexOf('write 1 end'), polite.log.join(' | '));
  const at = polite.f.calls.map((x) => x.at);
  for (let i = 2; i < at.length; i++) assert.ok(at[i] - at[i - 1] >= 1050, `gap ${at[i] - at[i - 1]}`);
});

test('a loop the next link shows is stopped before anything is sent for it', async () => {
  // Page 2 links back to page 2 (itself).
  const c = chain((url) => {
    const r = linkPages(12, 3)(url);
    if (url.searchParams.get('page') !== '2' || typeof r !== 'object') return r;
    return { ...r, headers: { link: `<${url.href}>; rel="next"` } };
  });
  const s = await crawl(await startOf(c.f.fetch, START), c.opts());
  assert.equal(s.stoppedReason, 'loop');
  assert.deepEqual(
    c.f.calls.map((x) => pageOf(x.url)),
    ['1', '2'],
  );
});
