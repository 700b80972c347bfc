/**
 * Browser side of idb-store.spec.ts (bundled into a plain Chromium page): the real crawl engine over
 * a scripted Link-header API writes into the real IndexedDB store; each scenario returns plain data
 * for the spec to check.
 */
import { crawl } from '../src/core/crawl/engine.ts';
import { createColumnCollector } from '../src/core/export/flatten.ts';
import { fakeFetch, FakeClock } from '../src/core/crawl/testing/fakes.ts';
import { linkPages, startOf } from '../src/core/crawl/testing/fake-apis.ts';
import {
  createDataset,
  createIdbSink,
  deleteDataset,
  finishDataset,
  getCheckpoint,
  getDataset,
  iterateRecords,
  listDatasets,
  listPages,
  openPagescopeDb,
} from '../src/store/idb-store.ts';

const URL0 = 'https://api.example.com/items?page=1';
let n = 0;

async function collect(db: Awaited<ReturnType<typeof openPagescopeDb>>, id: number, batch: number) {
  const batches: number[] = [];
  const ids: unknown[] = [];
  const columns = createColumnCollector();
  for await (const b of iterateRecords(db, id, batch)) {
    batches.push(b.length);
    ids.push(...b.map((r) => (r as { id: unknown }).id));
    columns.add(b);
  }
  return { batches, ids, columns: columns.keys() };
}

/** 10 pages × 7 records; aborted after 4 pages, resumed from the stored checkpoint to the end. */
async function abortAndResume() {
  const db = await openPagescopeDb(`store-test-${n++}`);
  const clock = new FakeClock();
  const { fetch } = fakeFetch(clock, linkPages(70, 7));
  const start = await startOf(fetch, URL0);
  const id = await createDataset(db, start);
  const ctl = new AbortController();
  const first = await crawl(start, {
    fetch,
    clock,
    sink: createIdbSink(db, id),
    signal: ctl.signal,
    onProgress: (p) => p.pages >= 4 && ctl.abort(),
  });
  await finishDataset(db, id, first);
  const paused = await getDataset(db, id);
  const stored = await getCheckpoint(db, id);
  // A new sink, as after DevTools was closed and reopened.
  const second = await crawl(start, { fetch, clock, sink: createIdbSink(db, id), resume: stored });
  await finishDataset(db, id, second);
  const done = await getDataset(db, id);
  const pages = await listPages(db, id);
  const read = await collect(db, id, 8);
  const finalStored = await getCheckpoint(db, id);
  return {
    first: { reason: first.stoppedReason, pages: first.pages, records: first.records },
    paused: paused && {
      status: paused.status,
      records: paused.records,
      pages: paused.pages,
      more: paused.more,
    },
    checkpoints: [stored, first.checkpoint],
    second: {
      reason: second.stoppedReason,
      pages: second.pages,
      records: second.records,
      duplicates: second.duplicates,
    },
    done: done && {
      status: done.status,
      records: done.records,
      pages: done.pages,
      more: done.more,
      bytes: done.bytes,
      columns: done.columns,
    },
    pageIndexes: pages.map((p) => p.index),
    firstSeqs: pages.map((p) => p.firstSeq),
    finalCheckpoints: [finalStored, second.checkpoint],
    ...read,
  };
}

/** Two datasets; deleting one leaves the other whole; a sink for a deleted dataset fails the crawl. */
async function deleteIsolated() {
  const db = await openPagescopeDb(`store-test-${n++}`);
  const clock = new FakeClock();
  const { fetch } = fakeFetch(clock, linkPages(20, 5));
  const start = await startOf(fetch, URL0);
  const a = await createDataset(db, start, 1);
  const b = await createDataset(db, start, 2);
  await crawl(start, { fetch, clock, sink: createIdbSink(db, a) });
  await crawl(start, { fetch, clock, sink: createIdbSink(db, b) });
  await deleteDataset(db, a);
  const left = await listDatasets(db);
  const gone = await collect(db, a, 100);
  const kept = await collect(db, b, 100);
  const orphan = await crawl(start, { fetch, clock, sink: createIdbSink(db, a) });
  return {
    left: left.map((d) => [d.id === b, d.records, d.pages]),
    goneRecords: gone.ids.length,
    gonePages: (await listPages(db, a)).length,
    goneCheckpoint: (await getCheckpoint(db, a)) === undefined,
    kept: kept.ids,
    orphan: { reason: orphan.stoppedReason, detail: orphan.detail },
  };
}

Object.assign(globalThis, { storeTests: { abortAndResume, deleteIsolated } });
