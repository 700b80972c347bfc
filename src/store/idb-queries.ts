/**
 * Reading and removing what the crawl store wrote: dataset list, checkpoint (lists rebuilt from the
 * page deltas), start page, pages, records in batches for streaming export or of one page, delete.
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
  const tx = db.transaction(['datasets', 'pages', 'chunks', 'starts', 'checkpoints'], 'readwrite');
  void tx.objectStore('chunks').delete(datasetRange(id));
  void tx.objectStore('pages').delete(datasetRange(id));
  void tx.objectStore('starts').delete(id);
  void tx.objectStore('checkpoints').delete(id);
  void tx.objectStore('datasets').delete(id);
  await tx.done;
}

/**
 * The dataset's records in write order, about `batchSize` at a time (whole stored pages: a batch
 * holds at least one page's records). Each read is its own short transaction starting after the
 * last chunk seen (a key range), because the consumer awaits other work (exporters, Blob parts)
 * between batches and a transaction would close under it.
 */
export async function* iterateRecords(
  db: PagescopeIdb,
  id: number,
  batchSize = 1000,
): AsyncGenerator<unknown[]> {
  let after: number | undefined;
  let perRead = 1; // chunks per read, sized from the pages seen so far
  for (;;) {
    const chunks = await db.getAll('chunks', datasetRange(id, after), perRead);
    if (!chunks.length) return;
    const batch: unknown[] = [];
    for (const c of chunks) for (const r of c.records) batch.push(recordValue(r));
    if (batch.length) yield batch;
    if (chunks.length < perRead) return;
    after = chunks[chunks.length - 1].seq;
    perRead = Math.max(1, Math.floor(batchSize / Math.max(1, batch.length / chunks.length)));
  }
}

/** The new records of one stored page (its chunk), as the crawl read them. */
export async function pageRecords(db: PagescopeIdb, page: StoredPage): Promise<unknown[]> {
  if (!page.newRecords) return [];
  const chunk = await db.get('chunks', [page.datasetId, page.firstSeq]);
  return chunk ? chunk.records.map(recordValue) : [];
}
