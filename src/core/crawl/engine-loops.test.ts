// Loop guards: chains that come back on themselves stop with 'loop' and name where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink, type FakeReply } from './testing/fakes.ts';
import { laravelPages, startOf } from './testing/fake-apis.ts';

async function run(url: string, route: (url: URL) => FakeReply) {
  const clock = new FakeClock();
  const f = fakeFetch(clock, route);
  const sink = new MemorySink();
  const start = await startOf(f.fetch, url);
  const s = await crawl(start, { fetch: f.fetch, clock, sink, maxPages: 50 });
  return { s, sink, calls: f.calls };
}
const link = (href: string) => ({ link: `<${href}>; rel="next"` });

test('a next link to a URL already fetched (query order aside) is a loop', async () => {
  const { s, sink, calls } = await run('http://api.test/items?page=1&limit=2', (url) => {
    const p = Number(url.searchParams.get('page'));
    const next =
      p < 3 ? `http://api.test/items?page=${p + 1}&limit=2` : 'http://api.test/items?limit=2&page=3';
    return { body: [{ id: p * 10 }], headers: link(next) };
  });
  assert.equal(s.stoppedReason, 'loop');
  assert.equal(s.detail, 'next link repeats http://api.test/items?limit=2&page=3 (page 3)');
  assert.equal(sink.pages.length, 3);
  assert.equal(calls.length, 3);
});

test('a next link back to an earlier page number is a loop', async () => {
  const { s, calls } = await run('http://api.test/items', (url) => {
    const p = Number(url.searchParams.get('page') ?? '1');
    return { body: [{ id: p }], headers: link(`http://api.test/items?page=${p < 3 ? p + 1 : 1}`) };
  });
  assert.equal(s.stoppedReason, 'loop');
  assert.equal(s.detail, 'next link of page 3 goes back to page=1: http://api.test/items?page=1');
  assert.equal(calls.length, 3);
});

test('a cursor that comes back is a loop, even in a different URL', async () => {
  const nexts: Record<string, string> = { a: 'b', b: 'c', c: 'b' };
  const { s, sink } = await run('http://api.test/events?cursor=a', (url) => {
    const c = url.searchParams.get('cursor')!;
    const again = c === 'c' ? '&retry=1' : '';
    return { body: [{ id: c }], headers: link(`http://api.test/events?cursor=${nexts[c]}${again}`) };
  });
  assert.equal(s.stoppedReason, 'loop');
  assert.equal(s.detail, 'cursor b repeats (page 2): http://api.test/events?cursor=b&retry=1');
  assert.deepEqual(sink.records, [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
});

test('a page whose records repeat an earlier page (page parameter ignored) is a loop and is not written', async () => {
  const { s, sink } = await run('http://api.test/items?page=1', (url) => {
    const p = Number(url.searchParams.get('page'));
    return { body: [{ id: 1 }, { id: 2 }], headers: link(`http://api.test/items?page=${p + 1}`) };
  });
  assert.equal(s.stoppedReason, 'loop');
  assert.equal(s.detail, 'page 2 (http://api.test/items?page=2) repeats the records of page 1');
  assert.equal(sink.pages.length, 1);
  assert.equal(s.checkpoint.next?.url, 'http://api.test/items?page=2');
});

test('pages past the end that repeat the last page (records without ids: by content) are a loop', async () => {
  const { s, sink } = await run('http://api.test/log?page=1', (url) => {
    const p = Number(url.searchParams.get('page'));
    const q = Math.min(p, 3);
    return {
      body: [{ line: `l${q}a` }, { line: `l${q}b` }],
      headers: link(`http://api.test/log?page=${p + 1}`),
    };
  });
  assert.equal(s.stoppedReason, 'loop');
  assert.equal(s.detail, 'page 4 (http://api.test/log?page=4) repeats the records of page 3');
  assert.equal(sink.records.length, 6);
});

test('concurrent: a server ignoring the page number repeats page 1, caught as a loop', async () => {
  const real = laravelPages(12, 3);
  const { s, sink } = await run('http://api.test/users?page=1', (url) => {
    const r = real(new URL('http://api.test/users?page=1')) as { body: Record<string, unknown> };
    return { body: { ...r.body, current_page: Number(url.searchParams.get('page')) } };
  });
  assert.equal(s.stoppedReason, 'loop');
  assert.match(s.detail ?? '', /^page 2 \(http:\/\/api.test\/users\?page=2\) repeats the records of page 1$/);
  assert.equal(sink.pages.length, 1);
  assert.deepEqual(s.checkpoint.range, { from: 2, to: 4 });
});
