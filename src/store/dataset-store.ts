/**
 * The panel's view of its crawl store: datasets to list, remove, export and resume, and the crawl's
 * writes, as one interface (`DatasetStore`). `openIdbDatasetStore` implements it over IndexedDB
 * (idb-store.ts, idb-queries.ts); the panel gets it through its services and never sees the
 * database, its key layout or its transactions. Tests pass an in-memory fake of the same interface.
 */
import type { Checkpoint, CrawlSink, CrawlStart, CrawlSummary } from '../core/crawl/types.ts';
import { knownColumns, type KnownColumns } from '../core/export/flatten.ts';
import {
  createDataset,
  createIdbSink,
  deleteDataset,
  finishDataset,
  getCheckpoint,
  getCrawlStart,
  getDataset,
  iterateRecords,
  listDatasets,
  listPages,
  markRunning,
  openPagescopeDb,
  pageRecords,
  patchDataset,
  type Dataset,
  type PagescopeIdb,
  type StoredPage,
} from './idb-store.ts';

export type { Dataset, StoredPage } from './idb-store.ts';

/** The words a dataset cancelled by the user carries (its `detail`), in the panel and in exports. */
const CANCELLED_DETAIL = 'cancelled by you';

export type DatasetStore = {
  /** Every dataset, newest first. */
  list(): Promise<Dataset[]>;
  /** Deletes the dataset with its pages, records, start and checkpoint. */
  remove(id: number): Promise<void>;
  /** The dataset's records in write order, `batchSize` at a time (for streaming exports). */
  records(id: number, batchSize?: number): AsyncIterable<unknown[]>;
  /** The dataset's pages in chain order. */
  pages(id: number): Promise<StoredPage[]>;
  /**
   * The CSV columns of every stored record (flatten.ts keys and names), kept as the crawl wrote
   * them; undefined when the store has none for this dataset (the export then learns them).
   */
  columns(id: number): Promise<KnownColumns | undefined>;
  /** The records `page` added to the dataset (its new records, in order; duplicates skipped). */
  newRecords(page: StoredPage): Promise<unknown[]>;
  /** The user cancelled the crawl: stopped for good (no Resume), with "cancelled by you". */
  markCancelled(id: number): Promise<void>;
  /** A new dataset (status running) for a crawl of `start`; returns its id. */
  create(start: CrawlStart): Promise<number>;
  /** Where the crawl writes the dataset's pages (page, records and checkpoint together). */
  sink(id: number): CrawlSink;
  /** Records how a run ended; the dataset row after it (undefined when it was deleted meanwhile). */
  finish(id: number, summary: CrawlSummary): Promise<Dataset | undefined>;
  /** The first page and detection the crawl started from, for a resume. */
  start(id: number): Promise<CrawlStart | undefined>;
  /** The checkpoint to resume from (of the last written page, or the last run's end). */
  checkpoint(id: number): Promise<Checkpoint | undefined>;
  /** Marks the dataset running again before a resume. */
  markRunning(id: number): Promise<void>;
};

/**
 * The DatasetStore over the panel's IndexedDB database, opened on first use (a failed open is
 * tried again by the next call). @param open @default opens the `pagescope` database
 */
export function openIdbDatasetStore(
  open: () => Promise<PagescopeIdb> = () => openPagescopeDb(),
): DatasetStore {
  let opened: Promise<PagescopeIdb> | null = null;
  const db = () =>
    (opened ??= open().catch((e) => {
      opened = null;
      throw e;
    }));
  return {
    list: async () => listDatasets(await db()),
    remove: async (id) => deleteDataset(await db(), id),
    async *records(id, batchSize = 1000) {
      yield* iterateRecords(await db(), id, batchSize);
    },
    pages: async (id) => listPages(await db(), id),
    newRecords: async (p) => pageRecords(await db(), p),
    async columns(id) {
      const keys = (await getDataset(await db(), id))?.columns;
      return keys ? knownColumns(keys) : undefined;
    },
    async markCancelled(id) {
      await patchDataset(await db(), id, { status: 'stopped', detail: CANCELLED_DETAIL, more: false });
    },
    create: async (start) => createDataset(await db(), start),
    sink(id) {
      let inner: Promise<CrawlSink> | undefined;
      return {
        async writePage(page, records, checkpoint) {
          inner ??= db().then((d) => createIdbSink(d, id));
          await (await inner).writePage(page, records, checkpoint);
        },
      };
    },
    finish: async (id, summary) => finishDataset(await db(), id, summary),
    start: async (id) => getCrawlStart(await db(), id),
    checkpoint: async (id) => getCheckpoint(await db(), id),
    markRunning: async (id) => markRunning(await db(), id),
  };
}
