/**
 * Reading and removing what the crawl store wrote: dataset list, checkpoint (lists rebuilt from the
 * page deltas), start page, pages, records in batches for streaming export, delete.
 */
import type { Checkpoint, CrawlStart } from '../core/crawl/types.ts';
import { joinCheckpoint } from './idb-checkpoint.ts';
import { datasetRange, recordValue, type Dataset, type PagescopeIdb, type StoredPage } from './idb-schema.ts';

/** Every dataset, newest first. */
export async function listDatasets(db: PagescopeIdb): Promise<Dataset[]> {
  return (await db.getAllFromIndex('datasets', 'by-started')).reverse();
}

export function getDataset(db: PagescopeIdb, id: number): Promise<Dataset | undefined> {
  return db.get('datasets', id);
}

/** The checkpoint of the last written page (or of the last run's end), if any, lists rebuilt from the pages. */
export async function getCheckpoint(db: PagescopeIdb, id: number): Promise<Checkpoint | undefined> {
  const tx = db.transaction(['checkpoints', 'pages']);
  const [stored, pages] = await Promise.all([
    tx.objectStore('checkpoints').get(id),
    tx.objectStore('pages').getAll(datasetRange(id)),
  ]);
  return (
    stored &&
    joinCheckpoint(
      stored,
      pages.map((p) => p.delta),
    )
  );
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
export async function* iterateRecords(
  db: PagescopeIdb,
  id: number,
  batchSize = 1000,
): AsyncGenerator<unknown[]> {
  let after: number | undefined;
  for (;;) {
    const rows = await db.getAll('records', datasetRange(id, after), batchSize);
    if (!rows.length) return;
    yield rows.map(recordValue);
    after = rows[rows.length - 1].seq;
    if (rows.length < batchSize) return;
  }
}
