// The IndexedDB crawl store in a real browser with hostile records: nested deeper than the browser's
// structured clone goes (a few thousand levels), they are stored as JSON text and exported back
// exactly; and databases from schema versions 1 and 2 upgrade in place, records kept.
import { test as base, expect } from '@playwright/test';
import path from 'node:path';
import { openBundledPage, type BundledPage } from '../bench/bundled-page.ts';

const test = base.extend<{ store: BundledPage }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  store: async ({}, use) => {
    const p = await openBundledPage(
      path.join(import.meta.dirname, 'idb-store-deep-page.ts'),
      'deepStoreTests',
    );
    await use(p);
    await p.close();
  },
});

const run = (store: BundledPage, name: string, arg?: unknown) =>
  store.page.evaluate(
    ([n, a]) =>
      (
        globalThis as unknown as { deepStoreTests: Record<string, (a: unknown) => Promise<unknown>> }
      ).deepStoreTests[n](a),
    [name, arg] as const,
  );

for (const depth of [5000, 50_000]) {
  test(`records nested ${depth} levels deep are stored and exported exactly`, async ({ store }) => {
    const r = (await run(store, 'deepRecords', depth)) as Record<string, unknown>;
    expect(r.cloneFails).toBe(true); // the browser's own clone cannot take them
    expect(r.error).toBeNull();
    expect(r.exported).toBe(r.expected);
    expect(r.records).toBe(4);
    expect(r.bytes).toBeGreaterThan(0);
  });
}

for (const version of [1, 2]) {
  test(`a version-${version} database upgrades: one chunk per page, records kept in order`, async ({
    store,
  }) => {
    const r = (await run(store, 'upgradeFrom', version)) as Record<string, unknown>;
    expect(r.version).toBe(3);
    expect(r.stores).toEqual(['checkpoints', 'chunks', 'datasets', 'pages', 'starts']);
    expect(r.all).toEqual([
      { id: 0, datasetId: 8 },
      { id: 1, datasetId: 8 },
      { id: 2, datasetId: 8 },
      { id: 3, datasetId: 8 },
      { id: 4, deep: [[[]]] },
    ]);
    expect(r.seven).toBe(5);
    expect(r.byPage).toEqual([3, 2]);
  });
}
