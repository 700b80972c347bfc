import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startDemoServer, type DemoServer } from '../server.ts';
import { parseLink } from '../walkers.ts';
import type { BuggyEntry } from './shared.ts';

let server: DemoServer;
let catalog: BuggyEntry[];
before(async () => {
  server = await startDemoServer();
  catalog = await (await fetch(`${server.origin}/buggy/catalog.json`)).json();
});
after(() => server.close());

const getJson = async (pathOrUrl: string) => {
  const res = await fetch(new URL(pathOrUrl, server.origin));
  assert.equal(res.status, 200, pathOrUrl);
  return { body: (await res.json()) as any, headers: res.headers };
};
const first = (bug: string) => catalog.find((b) => b.bug === bug)!.firstPage;

/** Follows `next` (a URL or null) from each page until it is null, a URL repeats, or 20 pages. */
async function followNext(start: string, next: (body: any, headers: Headers) => string | null | undefined) {
  const urls: string[] = [];
  const pages: any[] = [];
  let url: string | null | undefined = start;
  while (url && pages.length < 20) {
    const abs = new URL(url, server.origin).href;
    if (urls.includes(abs)) return { urls, pages, repeatedUrl: abs };
    urls.push(abs);
    const { body, headers } = await getJson(abs);
    pages.push(body);
    url = next(body, headers);
  }
  return { urls, pages, repeatedUrl: undefined };
}
const ids = (rows: any[]) => rows.map((r) => r.id);

test('the buggy catalog lists every chain, each answering its first page', async () => {
  assert.equal(catalog.length, 14);
  for (const b of catalog) {
    assert.ok(b.bug && b.description && b.firstPage.startsWith('/buggy/'), b.bug);
    await getJson(b.firstPage);
  }
});

test('duplicates-shifting-offset: the same id on two pages', async () => {
  const all: number[] = [];
  for (let offset = 0, total = Infinity; offset < total; offset += 10) {
    const { body } = await getJson(`/buggy/shifting-offset?offset=${offset}&limit=10`);
    all.push(...ids(body.items));
    total = body.total;
  }
  assert.equal(all.length - new Set(all).size, 3);
});

test('missing-records: total 50 but 47 distinct records', async () => {
  const { pages } = await followNext(first('missing-records'), (b) => b.links.next);
  assert.equal(pages[0].meta.total, 50);
  assert.equal(new Set(pages.flatMap((p) => ids(p.data))).size, 47);
});

test('page-size-changes: per_page changes mid-chain and records repeat', async () => {
  const { pages } = await followNext(first('page-size-changes'), (b) => b.links.next);
  assert.deepEqual([...new Set(pages.map((p) => p.meta.per_page))], [10, 8]);
  const all = pages.flatMap((p) => ids(p.data));
  assert.ok(all.length > new Set(all).size);
});

test('totals-inconsistent and total-changes', async () => {
  const { pages } = await followNext(first('totals-inconsistent'), (b) => b.next);
  const p = pages[0].pagination;
  assert.notEqual(Math.ceil(p.total_records / p.per_page), p.total_pages);
  assert.deepEqual(
    pages.slice(5).map((x) => x.records.length),
    [0, 0],
  );
  const changes = await followNext(first('total-changes'), (b) => b.links.next);
  assert.deepEqual(
    changes.pages.map((x) => x.meta.total),
    [40, 43, 41, 44],
  );
});

test('past-end-repeats and next-on-last-page', async () => {
  const p3 = await getJson('/buggy/past-end-repeats?page=3');
  const p4 = await getJson('/buggy/past-end-repeats?page=4');
  assert.deepEqual(p4.body.items, p3.body.items);
  assert.deepEqual((await getJson('/buggy/past-end-repeats?page=11')).body.items, []);
  const { pages } = await followNext(first('next-on-last-page'), (_b, h) => parseLink(h.get('link')).next);
  assert.deepEqual(
    pages.map((x) => x.length),
    [10, 10, 10, 2, 0],
  );
});

test('chain-ends-early: no next after page 3 of 3, yet page 4 has 8 more records', async () => {
  const { pages } = await followNext(first('chain-ends-early'), (b) => b.links.next);
  assert.deepEqual(
    pages.map((p) => [p.data.length, p.meta.last_page, p.meta.total]),
    [
      [10, 3, 30],
      [10, 3, 30],
      [10, 3, 30],
    ],
  );
  const past = await getJson('/buggy/ends-too-early?page=4');
  assert.equal(past.body.data.length, 8);
  assert.ok(!pages.flatMap((p) => ids(p.data)).includes(past.body.data[0].id));
  assert.deepEqual((await getJson('/buggy/ends-too-early?page=5')).body.data, []);
});

test('empty-page-has-more: has_more true with empty data', async () => {
  const { pages } = await followNext(first('empty-page-has-more'), (b) =>
    b.has_more && b.data.length ? `/buggy/empty-has-more?starting_after=${b.data.at(-1).id}` : null,
  );
  assert.deepEqual(
    pages.map((x) => [x.data.length, x.has_more]),
    [
      [10, true],
      [10, true],
      [5, true],
      [0, true],
    ],
  );
});

test('cursor-cycle returns to an earlier cursor within 3 distinct URLs', async () => {
  const r = await followNext(first('cursor-cycle'), (b) => `/buggy/cursor-cycle?cursor=${b.next_cursor}`);
  assert.equal(r.urls.length, 3);
  assert.equal(r.repeatedUrl, r.urls[1]);
});

test('next-backwards, links-drop-filter, mixed-links', async () => {
  const back = await followNext(first('next-backwards'), (b) => b.links.next);
  assert.deepEqual(
    back.pages.map((p) => p.meta.current_page),
    [1, 2, 3],
  );
  assert.equal(back.repeatedUrl, back.urls[1]);
  const filt = await followNext(first('links-drop-filter'), (b) => b.links.next);
  assert.ok(filt.pages[0].data.every((r: any) => r.status === 'open'));
  assert.ok(
    filt.pages
      .slice(1)
      .flatMap((p) => p.data)
      .some((r: any) => r.status === 'closed'),
  );
  const mixed = await followNext(first('mixed-links'), (b) => b.links.next);
  const nexts = mixed.pages.map((p) => p.links.next).filter(Boolean);
  assert.ok(
    nexts.some((u: string) => u.startsWith('/')) && nexts.some((u: string) => u.startsWith('http://')),
  );
});

test('unstable-ordering: following version.max skips records', async () => {
  const { pages } = await followNext(first('unstable-ordering'), (b) =>
    b.data.length ? `/buggy/unstable-order?sort=version&after=${b.version.max}` : null,
  );
  const seen = pages.flatMap((p) => ids(p.data));
  assert.ok(seen.length < 30 && seen.length === new Set(seen).size);
  assert.ok(pages[0].data.some((r: any, i: number, a: any[]) => i > 0 && r.version < a[i - 1].version));
});
