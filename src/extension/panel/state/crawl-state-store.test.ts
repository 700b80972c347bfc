// The crawl state against an in-memory dataset store (dev/fake-dataset-store.ts) and a fake API:
// a crawl writes into the store, pause and cancel leave the dataset as the user said, and a
// chain shown after a reopen loads its stored pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../../../core/detect/index.ts';
import type { CrawlStart } from '../../../core/crawl/types.ts';
import type { Exchange } from '../../../core/exchange.ts';
import type { HttpRequest, HttpResponse } from '../../../core/ports.ts';
import { createFakeDatasetStore } from '../dev/fake-dataset-store.ts';
import type { CrawlServices } from '../services/crawl-service.ts';
import { createPanelCrawlState } from './crawl-state.ts';

const API = 'http://127.0.0.1:8787/api/items';

/** Page n of a Link-header API: 2 records, `rel="next"` up to page `last`. */
function page(n: number, last = 9): HttpResponse {
  const headers = n < last ? [{ name: 'Link', value: `<${API}?page=${n + 1}>; rel="next"` }] : [];
  return {
    status: 200,
    statusText: 'OK',
    url: `${API}?page=${n}`,
    headers: [{ name: 'Content-Type', value: 'application/json' }, ...headers],
    bodyText: JSON.stringify([{ id: 2 * n - 1 }, { id: 2 * n }]),
  };
}

function startOf(): CrawlStart {
  const res = page(1);
  const exchange = {
    request: { method: 'GET', url: `${API}?page=1`, headers: [] },
    response: { status: 200, headers: res.headers, mimeType: 'application/json', bodyText: res.bodyText },
  } as unknown as Exchange;
  const detection = detect(exchange);
  assert.ok(detection, 'the fake API is detected');
  return { exchange, detection };
}

/** Time stands still: a sleep (request timeout, backoff) ends only when its signal aborts. */
const stillClock = {
  now: () => 0,
  sleep: (_ms: number, signal?: AbortSignal) =>
    new Promise<void>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
};

/**
 * Services with access granted and a fetch that answers pages 2 … `holdAt - 1` at once and holds
 * page `holdAt` until the crawl's signal aborts.
 */
function services(holdAt = 4) {
  const datasets = createFakeDatasetStore();
  const fetched: string[] = [];
  const fetch = (req: HttpRequest) => {
    fetched.push(req.url);
    const n = Number(new URL(req.url).searchParams.get('page'));
    if (n < holdAt) return Promise.resolve(page(n));
    return new Promise<HttpResponse>((_, reject) => {
      const stop = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      if (req.signal?.aborted) stop();
      req.signal?.addEventListener('abort', stop);
    });
  };
  const s: CrawlServices = {
    datasets,
    requestHostPermission: async () => true,
    createFetch: () => fetch,
    clock: stillClock,
    saveBlob: () => {},
  };
  return { services: s, datasets, fetched };
}

/** Waits (turn by turn, no timer) until `ok()` holds. */
async function until(ok: () => boolean, what: string) {
  for (let i = 0; i < 10_000; i++) {
    if (ok()) return;
    await new Promise((r) => setImmediate(r));
  }
  assert.fail(`never happened: ${what}`);
}

test('a crawl writes its pages into the store; Cancel while it runs stops the dataset for good, once', async () => {
  const f = services(4);
  let changes = 0;
  const crawl = createPanelCrawlState(f.services, () => changes++);
  const done = crawl.actions.start(startOf());
  await until(() => (crawl.crawledPages.value.get(1)?.length ?? 0) === 3, 'pages 1-3 stored');
  assert.equal(crawl.phase.value, 'running');
  await crawl.actions.cancel();
  await done;
  assert.equal(crawl.phase.value, 'stopped');
  assert.equal(crawl.cancelledByUser.value, true);
  const row = f.datasets.rows.get(1)!;
  assert.deepEqual(
    { status: row.dataset.status, detail: row.dataset.detail, more: row.dataset.more },
    { status: 'stopped', detail: 'cancelled by you', more: false },
  );
  assert.deepEqual(
    row.records.map((r) => (r as { id: number }).id),
    [1, 2, 3, 4, 5, 6],
  );
  assert.equal(f.datasets.calls.filter((c) => c.startsWith('markCancelled')).length, 1);
  assert.ok(changes >= 2, 'the dataset list was told of the new dataset and of its end');
  assert.ok(crawl.crawledUrls.value.has(`${API}?page=3`));
});

test('Pause keeps the dataset resumable; Cancel afterwards marks the paused dataset cancelled', async () => {
  const f = services(3);
  const crawl = createPanelCrawlState(f.services);
  const done = crawl.actions.start(startOf());
  await until(() => f.fetched.length === 2, 'page 3 asked');
  crawl.actions.pause();
  await done;
  assert.equal(crawl.phase.value, 'paused');
  assert.equal(crawl.cancelledByUser.value, false);
  const row = f.datasets.rows.get(1)!.dataset;
  assert.deepEqual(
    { status: row.status, more: row.more, records: row.records },
    { status: 'paused', more: true, records: 4 },
  );
  assert.ok(!f.datasets.calls.some((c) => c.startsWith('markCancelled')), 'a pause is no cancel');

  await crawl.actions.cancel();
  assert.equal(crawl.phase.value, 'stopped');
  assert.equal(crawl.cancelledByUser.value, true);
  assert.deepEqual(
    { status: row.status, detail: row.detail, more: row.more },
    { status: 'stopped', detail: 'cancelled by you', more: false },
  );
});

test('a resume goes on from the stored checkpoint, into the same dataset, without repeating a record', async () => {
  const f = services(3);
  const crawl = createPanelCrawlState(f.services);
  const first = crawl.actions.start(startOf());
  await until(() => f.fetched.length === 2, 'page 3 asked');
  crawl.actions.pause();
  await first;
  const again = services(99);
  Object.assign(again.services, { datasets: f.datasets });
  const resumed = createPanelCrawlState(again.services);
  await resumed.actions.resume(f.datasets.rows.get(1)!.dataset);
  assert.equal(resumed.phase.value, 'done');
  assert.equal(again.fetched[0], `${API}?page=3`, 'went on where it stopped');
  assert.deepEqual(
    f.datasets.rows.get(1)!.records.map((r) => (r as { id: number }).id),
    Array.from({ length: 18 }, (_, i) => i + 1),
  );
  assert.equal(f.datasets.rows.get(1)!.dataset.status, 'done');
});

test('loadPages fills the crawled pages of a stored dataset (a chain shown after a reopen)', async () => {
  const f = services(3);
  const crawl = createPanelCrawlState(f.services);
  const run = crawl.actions.start(startOf());
  await until(() => f.fetched.length === 2, 'page 3 asked');
  crawl.actions.pause();
  await run;
  const reopened = createPanelCrawlState(f.services);
  assert.equal(reopened.crawledUrls.value.size, 0);
  await reopened.actions.loadPages(1);
  assert.deepEqual(
    reopened.crawledPages.value.get(1)?.map((r) => [r.index, r.url]),
    [
      [0, `${API}?page=1`],
      [1, `${API}?page=2`],
    ],
  );
  assert.ok(reopened.crawledUrls.value.has(`${API}?page=2`));
});

test('a store that cannot be read stops the crawl with its message, nothing half-shown', async () => {
  const f = services(4);
  f.datasets.fail = new Error('IndexedDB is unavailable (private window?)');
  const crawl = createPanelCrawlState(f.services);
  await crawl.actions.start(startOf());
  assert.equal(crawl.phase.value, 'stopped');
  assert.equal(crawl.problem.value, 'failed');
  assert.match(crawl.error.value ?? '', /IndexedDB is unavailable/);
  assert.equal(crawl.datasetId.value, null);
  assert.deepEqual(f.fetched, [], 'nothing fetched without a dataset to write to');
});
