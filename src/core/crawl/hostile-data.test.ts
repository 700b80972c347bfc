// Hostile data loses nothing and stays bounded (issue 15 items 5, 6, 8): records without usable
// ids, records nested thousands of levels deep, and megabyte cursors over hundreds of pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink, type FakeReply } from './testing/fakes.ts';
import { startOf } from './testing/fake-apis.ts';
import { pageHash } from './guards.ts';
import { stringifyDeep } from '../json-deep.ts';
import type { Checkpoint, CrawledPage, CrawlOptions, CrawlSink } from './types.ts';

function setup(route: (url: URL) => FakeReply) {
  const clock = new FakeClock();
  const f = fakeFetch(clock, route);
  const sink = new MemorySink();
  const opts = (more: Partial<CrawlOptions> = {}): CrawlOptions => ({ fetch: f.fetch, clock, sink, ...more });
  return { sink, calls: f.calls, fetch: f.fetch, opts };
}

/**
 * `?page=N` with a Link next, 5 records a page, 15 in all. Page 1's records have ids (so `id` is
 * learned as the id field); every later record's id is null, as rows an API has not numbered yet.
 */
function nullIdPages(url: URL): FakeReply {
  const page = Number(url.searchParams.get('page') ?? '1');
  const body = Array.from({ length: 5 }, (_, i) => ({
    id: page === 1 ? i + 1 : null,
    name: `row ${(page - 1) * 5 + i + 1}`,
  }));
  const next = page < 3 ? { link: `<http://api.test/rows?page=${page + 1}>; rel="next"` } : {};
  return { body, headers: next };
}

test('records with id: null are all kept: pages told apart by their content, not their ids', async () => {
  const w = setup(nullIdPages);
  const s = await crawl(await startOf(w.fetch, 'http://api.test/rows?page=1'), w.opts());
  assert.equal(s.stoppedReason, 'done', s.detail);
  assert.equal(w.sink.records.length, 15);
  assert.deepEqual(
    w.sink.records.map((r) => (r as { name: string }).name),
    Array.from({ length: 15 }, (_, i) => `row ${i + 1}`),
  );
});

test('records with id: null: a resume keeps all 15 too', async () => {
  const w = setup(nullIdPages);
  const start = await startOf(w.fetch, 'http://api.test/rows?page=1');
  const first = await crawl(start, w.opts({ maxPages: 2 }));
  assert.equal(first.stoppedReason, 'max-pages');
  const resumed = await crawl(start, w.opts({ resume: structuredClone(first.checkpoint) }));
  assert.equal(resumed.stoppedReason, 'done', resumed.detail);
  assert.equal(w.sink.records.length, 15);
  assert.equal(new Set(w.sink.records.map((r) => (r as { name: string }).name)).size, 15);
});

test('page fingerprints: ids only when every record has one and none repeats on the page', () => {
  const a = [
    { id: 1, v: 'x' },
    { id: 2, v: 'y' },
  ];
  assert.equal(pageHash(a, 'id'), pageHash([{ id: 1 }, { id: 2 }], 'id'), 'unique ids: by id');
  const same = [
    { id: 7, v: 'x' },
    { id: 7, v: 'y' },
  ];
  assert.notEqual(
    pageHash(same, 'id'),
    pageHash(
      [
        { id: 7, v: 'z' },
        { id: 7, v: 'w' },
      ],
      'id',
    ),
  );
  const blank = [{ id: '', v: 'x' }];
  assert.notEqual(pageHash(blank, 'id'), pageHash([{ id: '', v: 'y' }], 'id'));
});

/** JSON text of `{"a":{"a":…"bottom"…}}`, `levels` deep (built as text: JSON.stringify cannot). */
const deepText = (levels: number) => '{"a":'.repeat(levels) + '"bottom"' + '}'.repeat(levels);

test('a record nested 5000 levels deep: hashed without recursion, the crawl goes on', async () => {
  const nest: unknown = JSON.parse(deepText(5000));
  assert.throws(() => JSON.stringify([nest]), RangeError, 'JSON.stringify itself gives up here');
  const w = setup((url) => {
    const page = Number(url.searchParams.get('page') ?? '1');
    // No ids: the whole content is the fingerprint, so the deep record must be walked.
    const raw = `[{"name":"p${page}","tree":${page === 2 ? deepText(5000) : 'null'}}]`;
    return { raw, headers: page < 3 ? { link: `<http://api.test/deep?page=${page + 1}>; rel="next"` } : {} };
  });
  const s = await crawl(await startOf(w.fetch, 'http://api.test/deep?page=1'), w.opts());
  assert.equal(s.stoppedReason, 'done', s.detail);
  assert.equal(w.sink.records.length, 3);
  assert.equal(
    stringifyDeep({ a: [1, 'x', null, undefined], b: undefined, c: { d: true } }),
    JSON.stringify({ a: [1, 'x', null, undefined], b: undefined, c: { d: true } }),
  );
});

test('a page the store cannot take is reported with a resume hint; the resume completes', async () => {
  const w = setup((url) => {
    const page = Number(url.searchParams.get('page') ?? '1');
    return {
      body: [{ id: page, name: `p${page}` }],
      headers: page < 3 ? { link: `<http://api.test/s?page=${page + 1}>; rel="next"` } : {},
    };
  });
  const start = await startOf(w.fetch, 'http://api.test/s?page=1');
  w.sink.failOnPage = 1;
  const s = await crawl(start, w.opts());
  assert.equal(s.stoppedReason, 'error');
  assert.match(s.detail ?? '', /store failed on page 2: disk full; everything before it is kept; resume/);
  assert.equal(s.checkpoint.next?.url, 'http://api.test/s?page=2');
  w.sink.failOnPage = undefined;
  const r = await crawl(start, w.opts({ resume: s.checkpoint }));
  assert.equal(r.stoppedReason, 'done');
  assert.deepEqual(
    w.sink.records.map((x) => (x as { id: number }).id),
    [1, 2, 3],
  );
});

/** Keeps only the size of each checkpoint, as JSON, and the records' count. */
class SizeSink implements CrawlSink {
  sizes: number[] = [];
  records = 0;
  pages = 0;
  async writePage(_page: CrawledPage, records: unknown[], cp: Checkpoint): Promise<void> {
    this.sizes.push(JSON.stringify(cp).length);
    this.records += records.length;
    this.pages++;
  }
}

test('256 KiB cursors over 200 pages: the checkpoint stays flat (one next request, digests for the rest)', async () => {
  // 50 MiB of cursors in all; the old checkpoint kept every one (~50 MB of JSON by the end).
  const MIB = 256 << 10;
  const PAGES = 200;
  const cursor = (n: number) => String(n).padStart(8, '0') + 'c'.repeat(MIB - 8);
  const clock = new FakeClock();
  const f = fakeFetch(clock, (url) => {
    const c = url.searchParams.get('cursor');
    const n = c ? Number(c.slice(0, 8)) : 0;
    const body = [{ id: n + 1 }];
    const next = n + 1 < PAGES ? { link: `<http://api.test/big?cursor=${cursor(n + 1)}>; rel="next"` } : {};
    return { body, headers: next };
  });
  const sink = new SizeSink();
  const s = await crawl(await startOf(f.fetch, 'http://api.test/big'), { fetch: f.fetch, clock, sink });
  assert.equal(s.stoppedReason, 'done', s.detail);
  assert.equal(sink.records, PAGES);
  const largest = Math.max(...sink.sizes);
  // The next request holds one cursor; everything else is fixed-size digests (200 × ~20 bytes a list).
  assert.ok(largest < MIB + 64 * 1024, `largest checkpoint ${largest} bytes`);
  assert.ok(s.checkpoint.seenUrls.every((u) => /^[0-9a-f]{16}$/.test(u)));
  assert.ok(s.checkpoint.seenCursors.every((u) => /^[0-9a-f]{16}$/.test(u)));
  assert.equal(s.checkpoint.seenCursors.length, PAGES - 1);
});

test('a checkpoint written before digests (whole URLs and cursors) still guards a resume', async () => {
  const w = setup(nullIdPages);
  const start = await startOf(w.fetch, 'http://api.test/rows?page=1');
  const first = await crawl(start, w.opts({ maxPages: 2 }));
  const legacy = structuredClone(first.checkpoint);
  // As an older version wrote it: the request key in clear.
  legacy.seenUrls = ['GET http://api.test/rows?page=1', 'GET http://api.test/rows?page=3'];
  const s = await crawl(start, w.opts({ resume: legacy }));
  assert.equal(s.stoppedReason, 'loop');
  assert.match(s.detail ?? '', /repeats http:\/\/api.test\/rows\?page=3/);
});
