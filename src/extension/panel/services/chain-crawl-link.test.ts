// The link from stored crawl pages to the chain view, over the in-memory dataset store: a page's
// records come back as the API sent them (skipped duplicates as id-only stand-ins in their place).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signal } from '@preact/signals';
import { chainKey } from '../../../core/chain/key.ts';
import type { Checkpoint, CrawledPage, PageRepeats } from '../../../core/crawl/types.ts';
import type { Detection } from '../../../core/detect/types.ts';
import { createFakeDatasetStore } from '../dev/fake-dataset-store.ts';
import type { PanelCrawledPage } from '../state/chain-state.ts';
import { linkCrawledPages } from './chain-crawl-link.ts';
import type { StoredPageRef, CrawlServices } from './crawl-service.ts';

const API = 'http://127.0.0.1:8787/api/items';
const detection = { style: 'page-number', kind: 'page', params: { page: 'page' } } as unknown as Detection;

function pageOf(index: number, recordCount: number, newRecords: number, repeats?: PageRepeats): CrawledPage {
  const url = `${API}?page=${index + 1}`;
  return {
    index,
    request: { method: 'GET', url, headers: [] },
    status: 200,
    url,
    detection,
    recordCount,
    newRecords,
    duplicates: recordCount - newRecords,
    ...(repeats ? { repeats } : {}),
    fetchedAt: 0,
    elapsedMs: 1,
    headers: [],
  };
}

const until = async (ok: () => boolean, what: string) => {
  for (let i = 0; i < 10_000 && !ok(); i++) await new Promise((r) => setImmediate(r));
  assert.ok(ok(), what);
};

test('stored pages reach the chain with their records as sent: duplicates as id stand-ins, cut pages without', async () => {
  const store = createFakeDatasetStore();
  store.seed({ id: 1 });
  const sink = store.sink(1);
  let records = 0;
  const write = (page: CrawledPage, recs: unknown[]) =>
    sink.writePage(page, recs, { records: (records += recs.length) } as Checkpoint);
  // Page 1: ids 1, 7, 2 where 7 repeats a record seen before the crawl; page 2: 2 again, then 3.
  await write(pageOf(0, 3, 2, { idKey: 'id', items: [{ at: 1, id: 7 }] }), [{ id: 1 }, { id: 2 }]);
  await write(pageOf(1, 2, 1, { idKey: 'id', items: [{ at: 0, id: 2 }] }), [{ id: 3, n: 'three' }]);
  // Page 3 was cut by max records: 5 on the page, 1 written, no repeats to rebuild it from.
  await write(pageOf(2, 5, 1), [{ id: 4 }]);

  const marked: { key: string; pages: readonly PanelCrawledPage[] }[] = [];
  const crawledPages = signal<ReadonlyMap<number, readonly StoredPageRef[]>>(new Map());
  const stop = linkCrawledPages(
    { markChainCrawled: (key, pages) => void marked.push({ key, pages }) },
    { crawledPages },
    { datasets: store } as unknown as CrawlServices,
  );
  crawledPages.value = new Map([[1, [0, 1, 2].map((index) => ({ datasetId: 1, index, url: '' }))]]);
  await until(() => marked.length === 1, 'the chain was marked');
  stop();

  assert.equal(
    marked[0].key,
    chainKey({ request: { method: 'GET', url: `${API}?page=1`, headers: [] } }, detection),
  );
  assert.deepEqual(
    marked[0].pages.map((p) => [p.index, p.url, p.records]),
    [
      [0, `${API}?page=1`, [{ id: 1 }, { id: 7 }, { id: 2 }]],
      [1, `${API}?page=2`, [{ id: 2 }, { id: 3, n: 'three' }]],
      [2, `${API}?page=3`, undefined],
    ],
  );
});

test('without crawl services the link does nothing; a failing store leaves the chain as predicted', async () => {
  const crawledPages = signal<ReadonlyMap<number, readonly StoredPageRef[]>>(new Map());
  const marked: string[] = [];
  const chain = { markChainCrawled: (key: string) => void marked.push(key) };
  linkCrawledPages(chain, { crawledPages })();

  const store = createFakeDatasetStore();
  store.fail = new Error('closed');
  const stop = linkCrawledPages(chain, { crawledPages }, { datasets: store } as unknown as CrawlServices);
  crawledPages.value = new Map([[1, [{ datasetId: 1, index: 0, url: `${API}?page=1` }]]]);
  await until(() => store.calls.includes('pages:1'), 'the pages were asked for');
  await new Promise((r) => setImmediate(r));
  stop();
  assert.deepEqual(marked, []);
});
