/**
 * The panel's IndexedDB schema, as a type (idb's DBSchema) and one `upgrade()`.
 *
 * - `datasets`: one small row per crawl (what the Datasets view lists), auto-increment id.
 * - `pages`: one row per crawled page, keyed `[datasetId, index]`.
 * - `chunks`: one row per crawled page holding that page's new records (`RecordChunk`), keyed
 *   `[datasetId, seq]` by the seq (0-based write order) of its first record, so a dataset's records
 *   are one contiguous key range: export reads it in order, delete removes it in one call. One
 *   value per page instead of one per record: each IndexedDB request costs far more than cloning
 *   a record (100 000 records in pages of 100 measured ~10× faster as 1 000 page puts than as
 *   100 000 record puts in headless Chromium). Versions 1–2 kept a `records` store with one row
 *   per record (version 1 also a `by-dataset` index that doubled every write); version 3 moves
 *   those rows into chunks and drops the store.
 * - `starts` / `checkpoints`: what a resume needs (the first exchange + detection, the engine's
 *   checkpoint minus its growing lists, which the page rows carry as deltas: idb-checkpoint.ts),
 *   kept out of `datasets` so listing stays cheap and a page write does not re-clone the first
 *   page's body. Both keyed by dataset id (out-of-line).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { CrawlStart, PageRepeats, PaginationKind, StoppedReason } from '../core/crawl/types.ts';
import type { Detection, RequestSpec } from '../core/detect/types.ts';
import type { Header } from '../core/exchange.ts';
import type { CheckpointDelta, StoredCheckpoint } from './idb-checkpoint.ts';

/** running: a crawl is (or was, until DevTools closed) writing; paused: stopped by the user; stopped: a limit, loop or error. */
export type DatasetStatus = 'running' | 'paused' | 'done' | 'stopped';

export type Dataset = {
  id: number;
  /** The first request as the user's app made it (local to the user, so headers are kept whole). */
  source: { method: string; url: string; headers: Header[]; body?: string };
  style: string;
  kind: PaginationKind;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  pages: number;
  records: number;
  duplicates: number;
  /** Approximate size of the records as NDJSON text (UTF-16 code units; every 16th record measured, see estimateBytes). */
  bytes: number;
  status: DatasetStatus;
  stoppedReason?: StoppedReason;
  detail?: string;
  /** True when the checkpoint says there is more to fetch (a Resume can go on). */
  more: boolean;
  /**
   * The CSV columns of every record stored so far (flatten.ts column keys, in order of first
   * appearance), kept as pages are written so a CSV export reads the records once. Absent for a
   * dataset begun before schema version 3, whose CSV export learns them in a first pass.
   */
  columns?: string[];
};

export type StoredPage = {
  datasetId: number;
  index: number;
  url: string;
  request: RequestSpec;
  status: number;
  detection: Detection | null;
  recordCount: number;
  newRecords: number;
  duplicates: number;
  /** Where the skipped duplicates stood on the page, and their ids (see CrawledPage.repeats). */
  repeats?: PageRepeats;
  /** seq of the page's first new record. */
  firstSeq: number;
  fetchedAt: number;
  elapsedMs: number;
  headers: Header[];
  /** What this page added to the checkpoint's lists (see idb-checkpoint.ts). */
  delta: CheckpointDelta;
};

/**
 * One page's new records, in write order; `seq` is the first one's. Each record is as parsed, or —
 * for a record too deeply nested for the browser's structured clone (a few thousand levels) — its
 * JSON text as a `String` object, which parsed JSON never holds (see `recordValue`).
 */
export type RecordChunk = { seq: number; records: unknown[] };

/** A stored record as the crawl read it (JSON text of a too-deep record parsed back). */
export function recordValue(stored: unknown): unknown {
  return stored instanceof String ? JSON.parse(stored.valueOf()) : stored;
}

/** Versions 1–2: one row per record. */
type LegacyRecordRow = { datasetId: number; seq: number; page: number; data: unknown };

interface PagescopeDB extends DBSchema {
  datasets: { key: number; value: Dataset; indexes: { 'by-started': number } };
  pages: { key: [number, number]; value: StoredPage };
  chunks: { key: [number, number]; value: RecordChunk };
  starts: { key: number; value: CrawlStart };
  checkpoints: { key: number; value: StoredCheckpoint };
}

export type PagescopeIdb = IDBPDatabase<PagescopeDB>;

const DB_NAME = 'pagescope';
const DB_VERSION = 3;

/** Opens (creating or migrating) the database. @param name @default 'pagescope' */
export function openPagescopeDb(name = DB_NAME): Promise<PagescopeIdb> {
  return openDB<PagescopeDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      // A fresh database gets version 3's stores; an older one is migrated in this same transaction
      // (only IndexedDB requests are awaited here, so it stays open until the copy is done).
      if (oldVersion < 1) {
        const datasets = db.createObjectStore('datasets', { keyPath: 'id', autoIncrement: true });
        datasets.createIndex('by-started', 'startedAt');
        db.createObjectStore('pages', { keyPath: ['datasetId', 'index'] });
        db.createObjectStore('starts');
        db.createObjectStore('checkpoints');
      }
      db.createObjectStore('chunks');
      if (oldVersion >= 1)
        await moveRecordRowsToChunks(tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>);
    },
  });
}

/**
 * Versions 1–2 → 3: every run of per-record rows of one dataset and page (contiguous seqs) becomes
 * one chunk, in one pass of a cursor, then the old store goes.
 */
async function moveRecordRowsToChunks(tx: IDBPTransaction<unknown, string[], 'versionchange'>) {
  const rows = tx.objectStore('records');
  const chunks = tx.objectStore('chunks');
  let open: { datasetId: number; page: number; chunk: RecordChunk } | null = null;
  const flush = () => open && void chunks.put(open.chunk, [open.datasetId, open.chunk.seq]);
  for (let c = await rows.openCursor(); c; c = await c.continue()) {
    const row = c.value as LegacyRecordRow;
    const next = open && open.chunk.seq + open.chunk.records.length;
    if (!open || open.datasetId !== row.datasetId || open.page !== row.page || next !== row.seq) {
      flush();
      open = { datasetId: row.datasetId, page: row.page, chunk: { seq: row.seq, records: [] } };
    }
    open.chunk.records.push(row.data);
  }
  flush();
  tx.db.deleteObjectStore('records');
}

/** Every key `[datasetId, n]` of one dataset, for pages and chunks. */
export function datasetRange(datasetId: number, fromExclusive?: number): IDBKeyRange {
  return fromExclusive === undefined
    ? IDBKeyRange.bound([datasetId, -Infinity], [datasetId, Infinity])
    : IDBKeyRange.bound([datasetId, fromExclusive], [datasetId, Infinity], true);
}
