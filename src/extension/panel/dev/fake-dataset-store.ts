/**
 * An in-memory DatasetStore (the interface store/dataset-store.ts implements over IndexedDB), for
 * panel-state tests and pages without a database: datasets, pages, records and checkpoints in maps,
 * deep-copied in and out as a structured clone would. `fail` makes every call reject, to test errors.
 */
import type { Checkpoint, CrawlStart } from '../../../core/crawl/types.ts';
import { createColumnCollector } from '../../../core/export/flatten.ts';
import type { Dataset, DatasetStore, StoredPage } from '../services/crawl-service.ts';

export type FakeDatasetStore = DatasetStore & {
  /** When set, every call rejects (or the sink's write throws) with this error. */
  fail: Error | null;
  /** Calls made, by method name, in order (`markCancelled:3`). */
  calls: string[];
  /** The stored rows, to look at in a test. */
  rows: Map<number, { dataset: Dataset; start: CrawlStart; pages: StoredPage[]; records: unknown[] }>;
  /** Puts a dataset row as a finished crawl left it (for list, export and resume tests). */
  seed(dataset: Partial<Dataset> & Pick<Dataset, 'id'>, records?: unknown[], start?: CrawlStart): void;
};

const hasMore = (cp: Checkpoint | undefined) =>
  !!cp && (cp.next !== null || (!!cp.range && cp.range.from <= cp.range.to));

export function createFakeDatasetStore(): FakeDatasetStore {
  const rows: FakeDatasetStore['rows'] = new Map();
  const checkpoints = new Map<number, Checkpoint>();
  let nextId = 1;
  const row = (id: number) => {
    const r = rows.get(id);
    if (!r) throw new Error(`dataset ${id} no longer exists`);
    return r;
  };
  /** Runs `fn` as a store call: recorded, failing when `fail` is set, results copied. */
  const call = async <T>(name: string, fn: () => T): Promise<T> => {
    store.calls.push(name);
    await Promise.resolve();
    if (store.fail) throw store.fail;
    return structuredClone(fn());
  };
  const store: FakeDatasetStore = {
    fail: null,
    calls: [],
    rows,
    seed(dataset, records = [], start) {
      const base: Dataset = {
        id: dataset.id,
        source: { method: 'GET', url: 'http://127.0.0.1:8787/api/items?page=1', headers: [] },
        style: 'page-number',
        kind: 'page',
        startedAt: dataset.id * 1000,
        updatedAt: dataset.id * 1000,
        pages: 1,
        records: records.length,
        duplicates: 0,
        bytes: 0,
        status: 'done',
        more: false,
      };
      rows.set(dataset.id, {
        dataset: { ...base, ...dataset },
        start: start ?? ({} as CrawlStart),
        pages: [],
        records: [...records],
      });
      nextId = Math.max(nextId, dataset.id + 1);
    },
    list: () =>
      call('list', () => [...rows.values()].map((r) => r.dataset).sort((a, b) => b.startedAt - a.startedAt)),
    remove: (id) =>
      call(`remove:${id}`, () => {
        rows.delete(id);
        checkpoints.delete(id);
      }),
    async *records(id, batchSize = 1000) {
      const all = await call(`records:${id}`, () => row(id).records);
      for (let i = 0; i < all.length; i += batchSize) yield all.slice(i, i + batchSize);
    },
    pages: (id) => call(`pages:${id}`, () => rows.get(id)?.pages ?? []),
    // As a store that collected them while the records were written would answer.
    columns: (id) =>
      call(`columns:${id}`, () => {
        const collector = createColumnCollector();
        collector.add(row(id).records);
        return collector.known();
      }),
    newRecords: (p) =>
      call(`newRecords:${p.datasetId}:${p.index}`, () =>
        row(p.datasetId).records.slice(p.firstSeq, p.firstSeq + p.newRecords),
      ),
    markCancelled: (id) =>
      call(`markCancelled:${id}`, () => {
        Object.assign(row(id).dataset, { status: 'stopped', detail: 'cancelled by you', more: false });
      }),
    create: (start) =>
      call('create', () => {
        const id = nextId++;
        const { method, url, headers } = start.exchange.request;
        store.seed(
          {
            id,
            source: { method, url, headers },
            style: start.detection.style,
            status: 'running',
            more: true,
            pages: 0,
          },
          [],
          structuredClone(start),
        );
        return id;
      }),
    sink: (id) => ({
      async writePage(page, records, checkpoint) {
        await call(`writePage:${id}:${page.index}`, () => {
          const r = row(id);
          const firstSeq = checkpoint.records - records.length;
          r.records.splice(firstSeq, records.length, ...structuredClone(records));
          r.pages = [
            ...r.pages.filter((p) => p.index !== page.index),
            { ...structuredClone(page), datasetId: id, firstSeq, delta: {} as StoredPage['delta'] },
          ];
          checkpoints.set(id, structuredClone(checkpoint));
          const { pages, duplicates } = checkpoint;
          Object.assign(r.dataset, {
            pages,
            records: checkpoint.records,
            duplicates,
            more: hasMore(checkpoint),
          });
        });
      },
    }),
    finish: (id, summary) =>
      call(`finish:${id}`, () => {
        const r = rows.get(id);
        if (!r) return undefined;
        const reason = summary.stoppedReason;
        const cp = summary.checkpoint;
        checkpoints.set(id, structuredClone(cp));
        Object.assign(r.dataset, {
          status: reason === 'done' ? 'done' : reason === 'aborted' ? 'paused' : 'stopped',
          stoppedReason: reason,
          detail: summary.detail,
          pages: cp.pages,
          records: cp.records,
          duplicates: cp.duplicates,
          more: reason !== 'done' && hasMore(cp),
        });
        return r.dataset;
      }),
    start: (id) => call(`start:${id}`, () => rows.get(id)?.start),
    checkpoint: (id) => call(`checkpoint:${id}`, () => checkpoints.get(id)),
    markRunning: (id) =>
      call(`markRunning:${id}`, () => {
        Object.assign(row(id).dataset, { status: 'running', finishedAt: undefined });
      }),
  };
  return store;
}
