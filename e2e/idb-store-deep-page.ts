/**
 * Browser side of idb-store-deep.spec.ts (bundled into a plain Chromium page): records nested
 * deeper than structured clone goes, written through the real store and exported back; and
 * version-1 and version-2 databases opened by the current schema.
 */
import { deleteDB, openDB } from 'idb';
import { CrawlRunState } from '../src/core/crawl/checkpoint.ts';
import type { CrawledPage, CrawlStart } from '../src/core/crawl/types.ts';
import type { Detection } from '../src/core/detect/types.ts';
import { createNdjsonWriter } from '../src/core/export/ndjson.ts';
import { createMemorySink } from '../src/core/export/types.ts';
import {
  createDataset,
  createIdbSink,
  getDataset,
  iterateRecords,
  listPages,
  openPagescopeDb,
  pageRecords,
} from '../src/store/idb-store.ts';

const URL0 = 'https://api.example.com/items?page=1';
const detection = {
  kind: 'page',
  style: 'test',
  confidence: 1,
  evidence: [],
  method: 'GET',
  url: URL0,
  position: { page: 1 },
  links: {},
  params: { page: 'page' },
  recordsPath: [],
  recordCount: 3,
} as unknown as Detection;
const start: CrawlStart = {
  exchange: {
    request: { method: 'GET', url: URL0, headers: [] },
    response: { status: 200, headers: [], mimeType: 'application/json', bodyText: '[]' },
  },
  detection,
};

/** Deep records next to plain ones, one page; returns what the store gives back and the NDJSON export. */
async function deepRecords(depth: number) {
  const name = `deep-${depth}-${Math.random()}`;
  const db = await openPagescopeDb(name);
  const id = await createDataset(db, start);
  const deepText = '{"k":'.repeat(depth) + '[1,"x"]' + '}'.repeat(depth);
  const deepArrayText = '['.repeat(depth) + ']'.repeat(depth);
  const records = [{ id: 1 }, { id: 2, deep: JSON.parse(deepText) }, JSON.parse(deepArrayText), { id: 4 }];
  let cloneFails = false;
  try {
    structuredClone(records[1]);
  } catch {
    cloneFails = true;
  }
  const state = new CrawlRunState(URL0, detection, 100);
  state.accept(records, Infinity);
  state.pages++;
  state.nextIndex = 1;
  const page: CrawledPage = {
    index: 0,
    request: { method: 'GET', url: URL0 },
    status: 200,
    url: URL0,
    detection,
    recordCount: records.length,
    newRecords: records.length,
    duplicates: 0,
    fetchedAt: 0,
    elapsedMs: 1,
    headers: [],
  };
  let error: string | null = null;
  try {
    await createIdbSink(db, id).writePage(page, records, state.checkpoint(null));
  } catch (e) {
    error = (e as Error).message;
  }
  const sink = createMemorySink();
  const writer = createNdjsonWriter(sink);
  for await (const batch of iterateRecords(db, id)) await writer.write(batch);
  const meta = await getDataset(db, id);
  db.close();
  await deleteDB(name);
  return {
    cloneFails,
    error,
    exported: sink.text(),
    expected: `{"id":1}\n{"id":2,"deep":${deepText}}\n${deepArrayText}\n{"id":4}\n`,
    records: meta?.records,
    bytes: meta?.bytes,
  };
}

/**
 * A database written by schema version 1 (with its by-dataset index) or 2 (one row per record)
 * opens as version 3: the rows of each page become one chunk, in order, a too-deep record's JSON
 * text included, and the old store is gone. Two datasets, two pages each.
 */
async function upgradeFrom(version: 1 | 2) {
  const name = `v${version}-${Math.random()}`;
  const old = await openDB(name, version, {
    upgrade(db) {
      const datasets = db.createObjectStore('datasets', { keyPath: 'id', autoIncrement: true });
      datasets.createIndex('by-started', 'startedAt');
      db.createObjectStore('pages', { keyPath: ['datasetId', 'index'] });
      const records = db.createObjectStore('records', { keyPath: ['datasetId', 'seq'] });
      if (version === 1) records.createIndex('by-dataset', 'datasetId');
      db.createObjectStore('starts');
      db.createObjectStore('checkpoints');
    },
  });
  const tx = old.transaction(['records', 'pages'], 'readwrite');
  for (const datasetId of [7, 8])
    for (let seq = 0; seq < 5; seq++) {
      const page = seq < 3 ? 0 : 1;
      const data =
        seq === 4 && datasetId === 8 ? new String('{"id":4,"deep":[[[]]]}') : { id: seq, datasetId };
      void tx.objectStore('records').put({ datasetId, seq, page, data });
      if (seq === 0 || seq === 3)
        void tx
          .objectStore('pages')
          .put({ datasetId, index: page, firstSeq: seq, newRecords: page ? 2 : 3, delta: {} });
    }
  await tx.done;
  old.close();
  const db = await openPagescopeDb(name);
  const stores = [...db.objectStoreNames].sort();
  const all: unknown[] = [];
  for await (const batch of iterateRecords(db, 8, 2)) all.push(...batch);
  const seven: unknown[] = [];
  for await (const batch of iterateRecords(db, 7)) seven.push(...batch);
  const pages = await listPages(db, 8);
  const byPage = await Promise.all(pages.map((p) => pageRecords(db, p)));
  const result = {
    version: db.version,
    stores,
    all,
    seven: seven.length,
    byPage: byPage.map((r) => r.length),
  };
  db.close();
  await deleteDB(name);
  return result;
}

Object.assign(globalThis, { deepStoreTests: { deepRecords, upgradeFrom } });
