// End conditions come from the API (issue 11 item 2): a short page ends a chain only where the
// style's docs say so and nothing else says more; the summary then names the short page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink, type FakeReply } from './testing/fakes.ts';
import { startOf } from './testing/fake-apis.ts';

async function run(url: string, route: (u: URL) => FakeReply) {
  const clock = new FakeClock();
  const f = fakeFetch(clock, route);
  const sink = new MemorySink();
  const s = await crawl(await startOf(f.fetch, url), { fetch: f.fetch, clock, sink });
  return { s, sink, calls: f.calls };
}

test('Vend 2.0 with page_size=50: pages of 20 and fewer go on; only the empty page ends', async () => {
  const sizes = [20, 7, 20, 1, 13, 0];
  const { s, sink } = await run('http://vend.test/api/2.0/products?page_size=50', (u) => {
    const after = Number(u.searchParams.get('after') ?? '0');
    const n = sizes[after / 100] ?? 0;
    const data = Array.from({ length: n }, (_, i) => ({ id: `p${after + i}`, version: after + i + 1 }));
    return {
      body: n ? { data, version: { min: after + 1, max: after + 100 } } : { data: [], version: null },
    };
  });
  assert.equal(s.stoppedReason, 'done');
  assert.equal(sink.records.length, 61);
  assert.match(s.detail ?? '', /^empty page at page 6/);
});

test('Stripe: a short page with has_more true is not the end', async () => {
  const sizes = [10, 3, 10, 4];
  const { s, sink } = await run('http://api.test/v1/customers?limit=10', (u) => {
    const after = u.searchParams.get('starting_after');
    const p = after ? Number(after.split('_')[1]) + 1 : 0;
    const data = Array.from({ length: sizes[p] }, (_, i) => ({ id: `cus_${p}_${i}`, object: 'customer' }));
    data[data.length - 1].id = `cus_${p}`;
    return { body: { object: 'list', data, has_more: p < sizes.length - 1 } };
  });
  assert.equal(s.stoppedReason, 'done');
  assert.equal(sink.records.length, 27);
  assert.match(s.detail ?? '', /^hasMore is false at page 4/);
});

test('Socrata: its docs end on a short page, and the summary says so', async () => {
  const rows = 12;
  const { s, sink } = await run('http://soda.test/resource/x.json?$limit=5&$offset=0', (u) => {
    const off = Number(u.searchParams.get('$offset'));
    return { body: Array.from({ length: Math.max(0, Math.min(5, rows - off)) }, (_, i) => ({ n: off + i })) };
  });
  assert.equal(s.stoppedReason, 'done');
  assert.equal(sink.records.length, 12);
  assert.match(s.detail ?? '', /^short page \(2 of 5 records; socrata ends on a short page\) at page 3/);
});
