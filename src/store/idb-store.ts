/**
 * The panel's crawl store over IndexedDB (schema in idb-schema.ts). A crawled page, its records
 * (one chunk), the checkpoint, the dataset's counts and CSV columns are written in ONE short
 * transaction, issued only after the page was fetched (idb's rule: never await anything but
 * IndexedDB inside a transaction). So a panel closed mid-crawl leaves the dataset at its last whole
 * page, and a resume from the stored checkpoint neither loses nor repeats a record.
 */
import type { Checkpoint, CrawledPage, CrawlSink, CrawlStart, CrawlSummary } from '../core/crawl/types.ts';
import { stringifyJson } from '../core/export/deep-json.ts';
import { createColumnCollector } from '../core/export/flatten.ts';
import { splitCheckpoint } from './idb-checkpoint.ts';
import { getCheckpoint } from './idb-queries.ts';
import type { Dataset, DatasetStatus, PagescopeIdb, RecordChunk, StoredPage } from './idb-schema.ts';

export { openPagescopeDb, type Dataset, type PagescopeIdb, type StoredPage } from './idb-schema.ts';
export {
  deleteDataset,
  getCheckpoint,
  getCrawlStart,
  getDataset,
  iterateRecords,
  listDatasets,
  listPages,
  pageRecords,
} from './idb-queries.ts';

/** Records whose size is measured per page; the rest are estimated from them. */
const SIZE_SAMPLE_STRIDE = 16;

/**
 * Approximate NDJSON bytes of a page's records (UTF-16 code units, as `Dataset.bytes` says): every
 * 16th record is stringified and the page scaled from them, instead of stringifying all of them in
 * the page's write (a cost as large as the write's own structured clone).
 */
export function estimateBytes(records: readonly unknown[]): number {
  if (!records.length) return 0;
  let sampled = 0;
  let chars = 0;
  for (let i = 0; i < records.length; i += SIZE_SAMPLE_STRIDE) {
    chars += stringifyJson(records[i]).length + 1;
    sampled++;
  }
  return Math.round((chars * records.length) / sampled);
}

/**
 * The records as the chunk stores them: a record the browser's structured clone cannot take (nested
 * a few thousand levels deep) becomes its JSON text as a `String` object (see RecordChunk). Only
 * called after a page's put failed, so the common page pays no per-record clone. Throws, naming the
 * record, if even JSON text cannot be made.
 */
function cloneableRecords(records: readonly unknown[], firstSeq: number, cloneError: unknown): unknown[] {
  return records.map((record, i) => {
    try {
      structuredClone(record);
      return record;
    } catch {
      try {
        return new String(stringifyJson(record));
      } catch {
        throw new Error(
          `record ${firstSeq + i} cannot be stored: ${(cloneError as Error)?.message ?? String(cloneError)}`,
        );
      }
    }
  });
}

const hasMore = (cp: Checkpoint | null) =>
  !!cp && (cp.next !== null || (!!cp.range && cp.range.from <= cp.range.to));

/** Creates a dataset for a crawl of `start` (status running) and stores the start for resumes. Returns its id. */
export async function createDataset(db: PagescopeIdb, start: CrawlStart, now = Date.now()): Promise<number> {
  const { method, url, headers, postData } = start.exchange.request;
  const meta: Omit<Dataset, 'id'> = {
    source:
      postData?.text !== undefined ? { method, url, headers, body: postData.text } : { method, url, headers },
    style: start.detection.style,
    kind: start.detection.kind,
    startedAt: now,
    updatedAt: now,
    pages: 0,
    records: 0,
    duplicates: 0,
    bytes: 0,
    status: 'running',
    more: true,
    columns: [],
  };
  const tx = db.transaction(['datasets', 'starts'], 'readwrite');
  const id = (await tx.objectStore('datasets').add(meta as Dataset)) as number;
  void tx.objectStore('starts').put(structuredClone(start), id);
  await tx.done;
  return id;
}

/**
 * The CrawlSink for one dataset. Record seqs come from the checkpoint (its `records` counts every
 * record written, earlier runs included), so a sink made for a resume needs no state of its own.
 */
export function createIdbSink(db: PagescopeIdb, datasetId: number): CrawlSink {
  // The dataset row is read once, before any write transaction, then kept here: one crawl at a
  // time writes a dataset, and a read inside each page's transaction would cost a round trip.
  let cached: Dataset | undefined;
  let prev: Checkpoint | undefined | null = null; // null: not read yet
  // The CSV columns go on from the dataset row's (none kept for a dataset begun before version 3).
  let columns: ReturnType<typeof createColumnCollector> | null | undefined;
  return {
    async writePage(page: CrawledPage, records: unknown[], checkpoint: Checkpoint) {
      cached ??= await db.get('datasets', datasetId);
      if (!cached) throw new Error(`dataset ${datasetId} no longer exists (deleted during the crawl?)`);
      if (columns === undefined) columns = cached.columns ? createColumnCollector(cached.columns) : null;
      if (prev === null) prev = await getCheckpoint(db, datasetId);
      const { stored, delta } = splitCheckpoint(checkpoint, prev);
      const firstSeq = checkpoint.records - records.length;
      const tx = db.transaction(['datasets', 'pages', 'chunks', 'checkpoints'], 'readwrite');
      // The page's records go in as one value (idb-schema.ts: one request per page, not per record).
      if (records.length) {
        const key: [number, number] = [datasetId, firstSeq];
        try {
          void tx.objectStore('chunks').put({ seq: firstSeq, records }, key);
        } catch (e) {
          // Structured clone gives up a few thousand levels deep; JSON text of any depth does not.
          let chunk: RecordChunk;
          try {
            chunk = { seq: firstSeq, records: cloneableRecords(records, firstSeq, e) };
          } catch (err) {
            tx.done.catch(() => {});
            tx.abort();
            throw err;
          }
          void tx.objectStore('chunks').put(chunk, key);
        }
      }
      const bytes = estimateBytes(records);
      const row: StoredPage = {
        datasetId,
        index: page.index,
        url: page.url,
        request: page.request,
        status: page.status,
        detection: page.detection,
        recordCount: page.recordCount,
        newRecords: page.newRecords,
        duplicates: page.duplicates,
        repeats: page.repeats,
        firstSeq,
        fetchedAt: page.fetchedAt,
        elapsedMs: page.elapsedMs,
        headers: page.headers,
        delta,
      };
      void tx.objectStore('pages').put(row);
      void tx.objectStore('checkpoints').put(stored, datasetId);
      const meta: Dataset = {
        ...cached,
        pages: checkpoint.pages,
        records: checkpoint.records,
        duplicates: checkpoint.duplicates,
        bytes: cached.bytes + bytes,
        updatedAt: Date.now(),
        more: hasMore(checkpoint),
      };
      if (columns?.add(records)) meta.columns = columns.keys();
      void tx.objectStore('datasets').put(meta);
      try {
        await tx.done;
      } catch (e) {
        columns = undefined; // re-read from the row, which still has the columns before this page
        throw e;
      }
      // Only once committed: a failed page leaves the counts, columns and delta base as they were.
      cached = meta;
      prev = checkpoint;
    },
  };
}

/** Status for a finished run: done, paused (the user aborted), or stopped (limit, loop, error). */
function statusOf(summary: Pick<CrawlSummary, 'stoppedReason'>): DatasetStatus {
  const r = summary.stoppedReason;
  return r === 'done' ? 'done' : r === 'aborted' ? 'paused' : 'stopped';
}

/** Records how a run ended (reason, detail, final checkpoint); the counts are the checkpoint's. */
export async function finishDataset(
  db: PagescopeIdb,
  id: number,
  summary: CrawlSummary,
  now = Date.now(),
): Promise<Dataset | undefined> {
  const tx = db.transaction(['datasets', 'checkpoints'], 'readwrite');
  const meta = await tx.objectStore('datasets').get(id);
  if (!meta) return undefined;
  const cp = summary.checkpoint;
  Object.assign(meta, {
    status: statusOf(summary),
    stoppedReason: summary.stoppedReason,
    updatedAt: now,
    finishedAt: now,
    pages: cp.pages,
    records: cp.records,
    duplicates: cp.duplicates,
    more: summary.stoppedReason !== 'done' && hasMore(cp),
  });
  if (summary.detail !== undefined) meta.detail = summary.detail;
  else delete meta.detail;
  void tx.objectStore('datasets').put(meta);
  // A run that stopped before writing anything (e.g. a failed first fetch) still leaves a checkpoint to resume from.
  // Its lists equal the last page's (only pages add to them), so the page deltas still rebuild them.
  if (cp.pages > 0 || cp.next !== null)
    void tx.objectStore('checkpoints').put(splitCheckpoint(cp).stored, id);
  await tx.done;
  return meta;
}

/** Changes a dataset's meta fields (status, detail, …) in one read-modify-write transaction. */
export async function patchDataset(
  db: PagescopeIdb,
  id: number,
  patch: Partial<Omit<Dataset, 'id'>>,
): Promise<Dataset | undefined> {
  const tx = db.transaction('datasets', 'readwrite');
  const meta = await tx.store.get(id);
  const next = meta && { ...meta, ...patch, updatedAt: patch.updatedAt ?? Date.now() };
  if (next) void tx.store.put(next);
  await tx.done;
  return next;
}

/** Marks a dataset running again before a resume. */
export async function markRunning(db: PagescopeIdb, id: number, now = Date.now()): Promise<void> {
  await patchDataset(db, id, { status: 'running', updatedAt: now, finishedAt: undefined });
}
