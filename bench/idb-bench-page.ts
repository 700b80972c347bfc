/**
 * Runs in a headless Chromium page (bundled by idb.bench.ts): writes N records to IndexedDB through
 * the panel's store (createIdbSink: page row + the page's records as one chunk + checkpoint +
 * dataset counts per transaction) and, as the baseline, as a raw batched `put` of the same records
 * (one transaction per page, one put per record, no page row or checkpoint). Only the writes are timed: records and checkpoints (made by the
 * engine's own CrawlRunState, as in a real crawl) are built once, before any measured run.
 */
import { openDB, deleteDB } from 'idb';
import { CrawlRunState, type Accepted } from '../src/core/crawl/checkpoint.ts';
import type { Checkpoint, CrawledPage, CrawlStart } from '../src/core/crawl/types.ts';
import type { Detection } from '../src/core/detect/types.ts';
import { createDataset, createIdbSink, openPagescopeDb } from '../src/store/idb-store.ts';
import { sampleRecord } from './sample-record.ts';

const ORIGIN = 'https://api.example.com';

function makeRecords(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => sampleRecord(i, i + 1));
}

const detection: Detection = {
  kind: 'page',
  style: 'bench',
  confidence: 1,
  evidence: [],
  method: 'GET',
  url: `${ORIGIN}/items?page=1`,
  position: { page: 1 },
  links: {},
  params: { page: 'page' },
  recordsPath: [],
  recordCount: 100,
};
const start: CrawlStart = {
  exchange: {
    request: { method: 'GET', url: detection.url, headers: [] },
    response: { status: 200, headers: [], mimeType: 'application/json', bodyText: '[]' },
  },
  detection,
};

let dbSeq = 0;

type PageInput = { records: Record<string, unknown>[]; page: CrawledPage; checkpoint: Checkpoint };
let prepared: { n: number; pageSize: number; pages: PageInput[] } | null = null;

/**
 * The pages both variants write: records, and the engine's own CrawlRunState pages and checkpoints (as
 * in a real crawl), built once per size and outside every timed or CPU-measured run.
 */
function pagesOf(n: number, pageSize: number): PageInput[] {
  if (prepared?.n === n && prepared.pageSize === pageSize) return prepared.pages;
  const state = new CrawlRunState(detection.url, detection, 10_000);
  const records = makeRecords(n);
  const pages: PageInput[] = [];
  for (let p = 0; p * pageSize < n; p++) {
    const recs = records.slice(p * pageSize, (p + 1) * pageSize);
    const url = `${ORIGIN}/items?page=${p + 1}`;
    state.learnIdKey(recs);
    const acc: Accepted = state.accept(recs, Infinity);
    state.pages++;
    state.nextIndex = p + 1;
    state.guard.record({ method: 'GET', url }, p, `hash-${p}`, undefined);
    const checkpoint = state.checkpoint({ method: 'GET', url: `${ORIGIN}/items?page=${p + 2}` });
    const page: CrawledPage = {
      index: p,
      request: { method: 'GET', url },
      status: 200,
      url,
      detection,
      recordCount: recs.length,
      newRecords: acc.fresh.length,
      duplicates: 0,
      fetchedAt: Date.now(),
      elapsedMs: 5,
      headers: [{ name: 'content-type', value: 'application/json' }],
    };
    pages.push({ records: acc.fresh as Record<string, unknown>[], page, checkpoint });
  }
  prepared = { n, pageSize, pages };
  return pages;
}

/** Builds the pages for a size ahead of the measured runs. */
function prepare(n: number, pageSize: number): number {
  return pagesOf(n, pageSize).length;
}

/** Milliseconds spent in the store's writePage calls for `n` records in pages of `pageSize`. */
async function viaStore(n: number, pageSize: number): Promise<number> {
  const name = `bench-store-${dbSeq++}`;
  const db = await openPagescopeDb(name);
  const id = await createDataset(db, start);
  const sink = createIdbSink(db, id);
  let ms = 0;
  for (const { page, records, checkpoint } of pagesOf(n, pageSize)) {
    const t0 = performance.now();
    await sink.writePage(page, records, checkpoint);
    ms += performance.now() - t0;
  }
  db.close();
  await deleteDB(name);
  return ms;
}

/** Milliseconds for the same records as plain batched puts: one transaction per page, nothing else. */
async function viaRaw(n: number, pageSize: number): Promise<number> {
  const name = `bench-raw-${dbSeq++}`;
  const db = await openDB(name, 1, { upgrade: (d) => void d.createObjectStore('records') });
  let ms = 0;
  let seq = 0;
  for (const { records } of pagesOf(n, pageSize)) {
    const t0 = performance.now();
    const tx = db.transaction('records', 'readwrite');
    for (let i = 0; i < records.length; i++) void tx.store.put(records[i], seq++);
    await tx.done;
    ms += performance.now() - t0;
  }
  db.close();
  await deleteDB(name);
  return ms;
}

Object.assign(globalThis, {
  pagescopeIdbBench: { viaStore, viaRaw, prepare },
});
