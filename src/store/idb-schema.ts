/**
 * The panel's IndexedDB schema, as a type (idb's DBSchema) and one `upgrade()`.
 *
 * - `datasets`: one small row per crawl (what the Datasets view lists), auto-increment id.
 * - `pages`: one row per crawled page, keyed `[datasetId, index]`.
 * - `records`: one row per record, keyed `[datasetId, seq]` (seq = 0-based write order), so a
 *   dataset's records are one contiguous key range: export pages through it, delete it in one call.
 *   No index: the key's prefix already selects a dataset (version 1 had a `by-dataset` index that
 *   doubled every record write; version 2 drops it).
 * - `starts` / `checkpoints`: what a resume needs (the first exchange + detection, the engine's
 *   checkpoint minus its growing lists, which the page rows carry as deltas: idb-checkpoint.ts),
 *   kept out of `datasets` so listing stays cheap and a page write does not re-clone the first
 *   page's body. Both keyed by dataset id (out-of-line).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
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
 * `data` is the record as parsed, or — for a record too deeply nested for the browser's structured
 * clone (a few thousand levels) — its JSON text as a `String` object, which parsed JSON never holds
 * (see `recordValue`).
 */
export type StoredRecord = { datasetId: number; seq: number; page: number; data: unknown };

/** The record of a stored row (JSON text of a too-deep record parsed back). */
export function recordValue(row: StoredRecord): unknown {
  const d = row.data;
  return d instanceof String ? JSON.parse(d.valueOf()) : d;
}

export interface PagescopeDB extends DBSchema {
  datasets: { key: number; value: Dataset; indexes: { 'by-started': number } };
  pages: { key: [number, number]; value: StoredPage };
  records: { key: [number, number]; value: StoredRecord };
  starts: { key: number; value: CrawlStart };
  checkpoints: { key: number; value: StoredCheckpoint };
}

export type PagescopeIdb = IDBPDatabase<PagescopeDB>;

export const DB_NAME = 'pagescope';
export const DB_VERSION = 2;

/** Opens (creating or migrating) the database. @param name @default 'pagescope' */
export function openPagescopeDb(name = DB_NAME): Promise<PagescopeIdb> {
  return openDB<PagescopeDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // One migration per version step, in order; a fresh database runs them all.
      if (oldVersion < 1) {
        const datasets = db.createObjectStore('datasets', { keyPath: 'id', autoIncrement: true });
        datasets.createIndex('by-started', 'startedAt');
        db.createObjectStore('pages', { keyPath: ['datasetId', 'index'] });
        db.createObjectStore('records', { keyPath: ['datasetId', 'seq'] });
        db.createObjectStore('starts');
        db.createObjectStore('checkpoints');
      }
      if (oldVersion === 1) {
        // Version 1's unused `by-dataset` index cost a second write per record.
        const records = tx.objectStore('records');
        if (records.indexNames.contains('by-dataset' as never)) records.deleteIndex('by-dataset' as never);
      }
    },
  });
}

/** Every key `[datasetId, n]` of one dataset, for pages and records. */
export function datasetRange(datasetId: number, fromExclusive?: number): IDBKeyRange {
  return fromExclusive === undefined
    ? IDBKeyRange.bound([datasetId, -Infinity], [datasetId, Infinity])
    : IDBKeyRange.bound([datasetId, fromExclusive], [datasetId, Infinity], true);
}
