// The IndexedDB crawl store in a real browser (no extension needed): the core engine writes into
// it, is aborted, resumes from the stored checkpoint with a fresh sink, and the records come back
// in order, each once; delete removes one dataset's pages, records and checkpoint and nothing else.
import { test as base, expect } from '@playwright/test';
import path from 'node:path';
import { openBundledPage, type BundledPage } from '../bench/bundled-page.ts';

const test = base.extend<{ store: BundledPage }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  store: async ({}, use) => {
    const p = await openBundledPage(path.join(import.meta.dirname, 'idb-store-page.ts'), 'storeTests');
    await use(p);
    await p.close();
  },
});

const run = (store: BundledPage, name: string) =>
  store.page.evaluate(
    (n) => (globalThis as unknown as { storeTests: Record<string, () => Promise<unknown>> }).storeTests[n](),
    name,
  );

test('abort, then resume from the stored checkpoint: every record once, in order, counts right', async ({
  store,
}) => {
  const r = (await run(store, 'abortAndResume')) as Record<string, unknown>;
  expect(r.first).toEqual({ reason: 'aborted', pages: 4, records: 28 });
  expect(r.paused).toEqual({ status: 'paused', records: 28, pages: 4, more: true });
  const [stored, engine] = r.checkpoints as unknown[];
  expect(stored).toEqual(engine); // lists rebuilt from the page deltas equal the engine's
  expect(r.second).toEqual({ reason: 'done', pages: 10, records: 70, duplicates: 0 });
  expect(r.done).toMatchObject({ status: 'done', records: 70, pages: 10, more: false });
  // The CSV columns of all 70 records, kept while both runs wrote (the resumed sink went on from the row's).
  expect((r.done as { columns: string[] }).columns).toEqual(r.columns);
  expect(r.columns).toEqual(['id']);
  expect((r.done as { bytes: number }).bytes).toBeGreaterThan(70 * 8);
  expect(r.pageIndexes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(r.firstSeqs).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 56, 63]);
  const [finalStored, finalEngine] = r.finalCheckpoints as unknown[];
  expect(finalStored).toEqual(finalEngine);
  expect(r.ids).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
  // Batches of about 8 records, in whole stored pages (one chunk each): 7 at a time.
  expect(r.batches).toEqual(Array(10).fill(7));
});

test('delete removes one dataset whole; a crawl into a deleted dataset stops with an error', async ({
  store,
}) => {
  const r = (await run(store, 'deleteIsolated')) as Record<string, unknown>;
  expect(r.left).toEqual([[true, 20, 4]]);
  expect(r).toMatchObject({ goneRecords: 0, gonePages: 0, goneCheckpoint: true });
  expect(r.kept).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(r.orphan).toMatchObject({ reason: 'error', detail: expect.stringMatching(/no longer exists/) });
});
