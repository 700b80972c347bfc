import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CrawlStart } from '../../../core/crawl/types.ts';
import type { Header } from '../../../core/exchange.ts';
import { openIdbDatasetStore } from '../../../store/dataset-store.ts';
import { startCrawl, type CrawlServices } from './crawl-service.ts';

/** A database that records what is written and fails everything else (the crawl stops there). */
function recordingDb(written: unknown[]) {
  const store = {
    add: async (v: unknown) => (written.push(v), 1),
    put: async (v: unknown) => void written.push(v),
  };
  return {
    transaction: () => ({ objectStore: () => store, done: Promise.resolve() }),
    get: () => Promise.reject(new Error('stop here')),
    put: () => Promise.reject(new Error('stop here')),
    getAll: () => Promise.reject(new Error('stop here')),
  };
}

test('a new dataset stores header names only; the values go to memory (onDataset) for resumes', async () => {
  const written: unknown[] = [];
  let kept: Header[] | undefined;
  const services = {
    requestHostPermission: async () => true,
    // The real IndexedDB dataset store, over a database that records what it is given.
    datasets: openIdbDatasetStore(async () => recordingDb(written) as never),
    createFetch: () => async () => {
      throw new Error('no network in this test');
    },
    clock: { now: () => 0, sleep: async () => {} },
  } as unknown as CrawlServices;
  const start = {
    exchange: {
      request: {
        method: 'GET',
        url: 'https://api.example.com/items?page=1',
        headers: [
          { name: 'Authorization', value: 'Bearer T0K3N' },
          { name: 'X-Api-Key', value: 'K3Y' },
        ],
      },
      response: {
        status: 200,
        headers: [{ name: 'Link', value: '<https://api.example.com/items?page=2>; rel="next"' }],
        mimeType: 'application/json',
        bodyText: '[{"id":1}]',
      },
    },
    detection: {
      style: 'link-header',
      kind: 'link',
      params: {},
      next: { url: 'https://api.example.com/items?page=2' },
    },
  } as unknown as CrawlStart;
  await startCrawl(services, start, { maxPages: 1 }, new AbortController().signal, {
    onDataset: (_id, secrets) => (kept = secrets),
  }).catch(() => {});
  assert.ok(written.length >= 2, 'the dataset row and the start were written');
  const text = JSON.stringify(written);
  assert.ok(!text.includes('T0K3N') && !text.includes('K3Y'), text);
  assert.ok(text.includes('"Authorization"') && text.includes('"X-Api-Key"'), 'names are kept');
  assert.deepEqual(
    kept?.map((h) => h.value),
    ['Bearer T0K3N', 'K3Y'],
  );
});
