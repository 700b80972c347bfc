/**
 * The panel's crawl store over IndexedDB (schema in idb-schema.ts). A crawled page, its records,
 * the checkpoint and the dataset's counts are written in ONE short transaction, issued only after
 * the page was fetched (idb's rule: never await anything but IndexedDB inside a transaction). So a
 * panel closed mid-crawl leaves the dataset at its last whole page, and a resume from the stored
 * checkpoint neither loses nor repeats a record.
 */
import type { Checkpoint, CrawledPage, CrawlSink, CrawlStart, CrawlSummary } from '../core/crawl/types.ts';
import { datasetRange, type Dataset, type DatasetStatus, type PagescopeIdb, type StoredPage } from './idb-schema.ts';

export { openPagescopeDb, type Dataset, type DatasetStatus, type PagescopeIdb, type StoredPage } from './idb-schema.ts';

const hasMore = (cp: Checkpoint | null) => !!cp && (cp.next !== null || (!!cp.range && cp.range.from <= cp.range.to));

/** Creates a dataset for a crawl of `start` (status running) and stores the start for resumes. Returns its id. */
export async function createDataset(db: PagescopeIdb, start: CrawlStart, now = Date.now()): Promise<number> {
  const { method, url, headers, postData } = start.exchange.request;
  const meta: Omit<Dataset, 'id'> = {
    source: postData?.text !== undefined ? { method, url, headers, body: postData.text } : { method, url, headers },
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
  return {
    async writePage(page: CrawledPage, records: unknown[], checkpoint: Checkpoint) {
      const firstSeq = checkpoint.records - records.length;
      const tx = db.transaction(['datasets', 'pages', 'records', 'checkpoints'], 'readwrite');
      const datasets = tx.objectStore('datasets');
      const meta = await datasets.get(datasetId);
      if (!meta) {
        tx.abort();
        await tx.done.catch(() => {});
        throw new Error(`dataset ${datasetId} no longer exists (deleted during the crawl?)`);
      }
      const store = tx.objectStore('records');
      let bytes = 0;
      // Puts are queued without awaiting each: one batch, one commit.
      for (let i = 0; i < records.length; i++) {
        const data = records[i];
        bytes += (JSON.stringify(data ?? null)?.length ?? 4) + 1;
        void store.put({ datasetId, seq: firstSeq + i, page: page.index, data });
      }
      const row: StoredPage = {
        datasetId, index: page.index, url: page.url, request: page.request, status: page.status,
        detection: page.detection, recordCount: page.recordCount, newRecords: page.newRecords,
        duplicates: page.duplicates, firstSeq, fetchedAt: page.fetchedAt, elapsedMs: page.elapsedMs, headers: page.headers,
      };
      void tx.objectStore('pages').put(row);
      void tx.objectStore('checkpoints').put(checkpoint, datasetId);
      meta.pages = checkpoint.pages;
      meta.records = checkpoint.records;
      meta.duplicates = checkpoint.duplicates;
      meta.bytes += bytes;
      meta.updatedAt = Date.now();
      meta.more = hasMore(checkpoint);
      void datasets.put(meta);
      await tx.done;
    },
  };
}

/** Status for a finished run: done, paused (the user aborted), or stopped (limit, loop, error). */
export function statusOf(summary: Pick<CrawlSummary, 'stoppedReason'>): DatasetStatus {
  const r = summary.stoppedReason;
  return r === 'done' ? 'done' : r === 'aborted' ? 'paused' : 'stopped';
}

/** Records how a run ended (reason, detail, final checkpoint); the counts are the checkpoint's. */
export async function finishDataset(db: PagescopeIdb, id: number, summary: CrawlSummary, now = Date.now()): Promise<Dataset | undefined> {
  const tx = db.transaction(['datasets', 'checkpoints'], 'readwrite');
  const meta = await tx.objectStore('datasets').get(id);
  if (!meta) return undefined;
  const cp = summary.checkpoint;
  Object.assign(meta, {
    status: statusOf(summary), stoppedReason: summary.stoppedReason, updatedAt: now, finishedAt: now,
    pages: cp.pages, records: cp.records, duplicates: cp.duplicates, more: summary.stoppedReason !== 'done' && hasMore(cp),
  });
  if (summary.detail !== undefined) meta.detail = summary.detail;
  else delete meta.detail;
  void tx.objectStore('datasets').put(meta);
  // A run that stopped before writing anything (e.g. a failed first fetch) still leaves a checkpoint to resume from.
  if (cp.pages > 0 || cp.next !== null) void tx.objectStore('checkpoints').put(cp, id);
  await tx.done;
  return meta;
}

/** Changes a dataset's meta fields (status, detail, …) in one read-modify-write transaction. */
export async function patchDataset(db: PagescopeIdb, id: number, patch: Partial<Omit<Dataset, 'id'>>): Promise<Dataset | undefined> {
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

/** Every dataset, newest first. */
export async function listDatasets(db: PagescopeIdb): Promise<Dataset[]> {
  return (await db.getAllFromIndex('datasets', 'by-started')).reverse();
}

export function getDataset(db: PagescopeIdb, id: number): Promise<Dataset | undefined> {
  return db.get('datasets', id);
}

/** The checkpoint of the last written page (or of the last run's end), if any. */
export function getCheckpoint(db: PagescopeIdb, id: number): Promise<Checkpoint | undefined> {
  return db.get('checkpoints', id);
}

/** The first page and detection the crawl started from. */
export function getCrawlStart(db: PagescopeIdb, id: number): Promise<CrawlStart | undefined> {
  return db.get('starts', id);
}

/** The dataset's pages in chain order. */
export function listPages(db: PagescopeIdb, id: number): Promise<StoredPage[]> {
  return db.getAll('pages', datasetRange(id));
}

/** Deletes the dataset with its pages, records, start and checkpoint, in one transaction. */
export async function deleteDataset(db: PagescopeIdb, id: number): Promise<void> {
  const tx = db.transaction(['datasets', 'pages', 'records', 'starts', 'checkpoints'], 'readwrite');
  void tx.objectStore('records').delete(datasetRange(id));
  void tx.objectStore('pages').delete(datasetRange(id));
  void tx.objectStore('starts').delete(id);
  void tx.objectStore('checkpoints').delete(id);
  void tx.objectStore('datasets').delete(id);
  await tx.done;
}

/**
 * The dataset's records in write order, `batchSize` at a time. Each batch is read in its own short
 * transaction starting after the last seq seen (a key-range cursor), because the consumer awaits
 * other work (exporters, Blob parts) between batches and a transaction would close under it.
 */
export async function* iterateRecords(db: PagescopeIdb, id: number, batchSize = 1000): AsyncGenerator<unknown[]> {
  let after: number | undefined;
  for (;;) {
    const rows = await db.getAll('records', datasetRange(id, after), batchSize);
    if (!rows.length) return;
    yield rows.map((r) => r.data);
    after = rows[rows.length - 1].seq;
    if (rows.length < batchSize) return;
  }
}
