import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CrawlStart } from '../../../core/crawl/types.ts';
import { createFakeDatasetStore } from '../dev/fake-dataset-store.ts';
import type { CrawlServices, Dataset } from '../services/crawl-service.ts';
import { createPanelCrawlState, startKey } from './crawl-state.ts';

const URL1 = 'http://127.0.0.1:8787/api/items?page=1';

function startOf(url = URL1, method = 'GET', body?: string): CrawlStart {
  return {
    exchange: {
      request: {
        method,
        url,
        headers: [{ name: 'X-Api-Key', value: 'K3Y' }],
        ...(body ? { postData: { mimeType: 'application/json', text: body } } : {}),
      },
      response: { status: 200, headers: [], mimeType: 'application/json', bodyText: '[]' },
    },
    detection: { style: 'page-number', kind: 'page', params: { page: 'page' } },
  } as unknown as CrawlStart;
}

/** Services whose permission answer the test gives; any use of the dataset store fails. */
function fakeServices() {
  const datasets = createFakeDatasetStore();
  datasets.fail = new Error('no database in this test');
  const asked: string[] = [];
  let answer: (granted: boolean) => void = () => {};
  const services = {
    requestHostPermission(pattern: string) {
      asked.push(pattern);
      return new Promise<boolean>((r) => (answer = r));
    },
    hasHostPermission: async () => false,
    datasets,
  } as unknown as CrawlServices;
  return { services, asked, answer: (g: boolean) => answer(g) };
}

const settled = () => new Promise((r) => setImmediate(r));

test('first crawl without access: waiting names the origin, Cancel ends the wait, nothing is stored', async () => {
  const f = fakeServices();
  const crawl = createPanelCrawlState(f.services);
  const done = crawl.actions.start(startOf());
  assert.deepEqual(f.asked, ['http://127.0.0.1:8787/*'], 'asked inside the click, with the port');
  assert.equal(crawl.phase.value, 'waiting');
  assert.equal(crawl.waitingFor.value, 'http://127.0.0.1:8787');
  assert.equal(crawl.running.value, true, 'the crawl buttons are disabled while waiting');
  await crawl.actions.cancel();
  await done;
  assert.equal(crawl.phase.value, 'stopped');
  assert.equal(crawl.problem.value, 'access-cancelled');
  assert.equal(crawl.cancelledByUser.value, true);
  assert.match(crawl.error.value ?? '', /nothing was fetched/);
  assert.equal(crawl.datasetId.value, null);
  assert.equal(crawl.running.value, false, 'a new crawl can start');
});

test('a refusal stops with a clear message and marks the origin as not accessible', async () => {
  const f = fakeServices();
  const crawl = createPanelCrawlState(f.services);
  const done = crawl.actions.start(startOf());
  f.answer(false);
  await done;
  assert.equal(crawl.phase.value, 'stopped');
  assert.equal(crawl.problem.value, 'access-refused');
  assert.match(crawl.error.value ?? '', /Access to http:\/\/127\.0\.0\.1:8787 was refused.*try again/);
  assert.equal(crawl.access.value.get('http://127.0.0.1:8787'), false);
});

test('Grant access asks, waits and returns to idle with access known; checkAccess asks no prompt', async () => {
  const f = fakeServices();
  const crawl = createPanelCrawlState(f.services);
  await crawl.actions.checkAccess(URL1);
  assert.equal(crawl.access.value.get('http://127.0.0.1:8787'), false);
  assert.equal(f.asked.length, 0);
  const granting = crawl.actions.grant(URL1, startKey(startOf()));
  assert.equal(crawl.phase.value, 'waiting');
  assert.equal(f.asked.length, 1);
  f.answer(true);
  await granting;
  assert.equal(crawl.phase.value, 'idle');
  assert.equal(crawl.access.value.get('http://127.0.0.1:8787'), true);
  assert.equal(crawl.error.value, null);
});

test('the status belongs to its chain: the key is the chain of the crawl started', async () => {
  const f = fakeServices();
  const crawl = createPanelCrawlState(f.services);
  const a = startOf('http://127.0.0.1:8787/api/items?page=1');
  const b = startOf('http://127.0.0.1:8787/api/users?page=1');
  const done = crawl.actions.start(a);
  assert.equal(crawl.key.value, startKey(a));
  assert.notEqual(startKey(a), startKey(b));
  assert.equal(
    startKey(a),
    startKey(startOf('http://127.0.0.1:8787/api/items?page=3')),
    'pages share a chain',
  );
  await crawl.actions.cancel();
  await done;
});

test('PUT/PATCH/DELETE are refused before any prompt; a GraphQL query POST waits for the user to confirm', async () => {
  const f = fakeServices();
  const crawl = createPanelCrawlState(f.services);
  await crawl.actions.start(startOf('http://127.0.0.1:8787/bulk?page=1', 'DELETE', '{"ids":"all"}'));
  assert.equal(crawl.phase.value, 'stopped');
  assert.equal(crawl.problem.value, 'replay-refused');
  assert.match(crawl.error.value ?? '', /DELETE is not crawled/);
  assert.equal(f.asked.length, 0, 'no permission asked for a refused method');

  const body = JSON.stringify({ query: 'query Q($after: String) { items(after: $after) { id } }' });
  await crawl.actions.start(startOf('http://127.0.0.1:8787/graphql', 'POST', body));
  assert.equal(crawl.phase.value, 'confirm');
  assert.equal(crawl.ask.value?.kind, 'confirm');
  assert.equal(f.asked.length, 0, 'nothing sent, nothing asked before the yes');
  const confirmed = crawl.actions.confirm();
  assert.equal(f.asked.length, 1, 'the yes is the click that asks for access');
  assert.equal(crawl.phase.value, 'waiting');
  f.answer(false);
  await confirmed;
  assert.equal(crawl.problem.value, 'access-refused');
});

test('a resume without the credential values asks for them instead of crawling without them', async () => {
  const f = fakeServices();
  const crawl = createPanelCrawlState(f.services); // a fresh panel: nothing in memory
  const ds = {
    id: 7,
    style: 'page-number',
    source: {
      method: 'GET',
      url: URL1,
      headers: [
        { name: 'X-Api-Key', value: '' },
        { name: 'Cookie', value: '' },
      ],
    },
  } as unknown as Dataset;
  await crawl.actions.resume(ds);
  assert.equal(crawl.phase.value, 'secrets');
  assert.deepEqual(crawl.ask.value?.kind === 'secrets' && crawl.ask.value.names, ['X-Api-Key']);
  assert.equal(f.asked.length, 0);
  const resumed = crawl.actions.provideSecrets([{ name: 'X-Api-Key', value: 'typed' }]);
  assert.equal(f.asked.length, 1, 'with the values given, the resume asks for access and goes on');
  f.answer(true);
  await resumed;
  await settled();
  assert.match(crawl.error.value ?? '', /no database in this test/, 'it went on to the store');
});
