// The IndexedDB crawl store in a real browser with hostile records: nested deeper than the browser's
// structured clone goes (a few thousand levels), they are stored as JSON text and exported back
// exactly; and a database from schema version 1 upgrades in place, records kept.
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

test('a version-1 database upgrades: by-dataset index dropped, records kept', async ({ store }) => {
  expect(await run(store, 'upgradeFromV1')).toEqual({ version: 2, indexes: [], ids: [0, 1, 2, 3, 4] });
});
