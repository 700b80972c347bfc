// The panel state's actions through its services: HAR import and export, copy as cURL and copy
// records (exact big numbers, deep records), and "Fetch and analyse" of a request not analysed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PanelServices } from '../services/panel-services.ts';
import { createPanelState } from './panel-state.ts';
import { ex, fakeDetect, createPanelHarness } from '../dev/panel-harness.ts';

test('HAR import: good file adds rows, bad file explains itself', () => {
  const t = createPanelHarness();
  t.state.actions.importHar('{"nope":1}', 'bad.har');
  assert.equal(t.state.ui.importError.value, 'bad.har: Not a HAR file: no log.entries array.');
  const har = {
    log: {
      entries: [
        {
          request: { url: 'http://h.test/a?page=3' },
          response: { status: 200, content: { mimeType: 'application/json', text: '{"items":[]}' } },
        },
      ],
    },
  };
  t.state.actions.importHar(JSON.stringify(har), 'good.har');
  assert.equal(t.state.ui.importError.value, null);
  const [row] = t.state.capture.items.value;
  assert.equal(row.source, 'har');
  assert.equal(row.detection?.style, 'vanilla');
  assert.match(t.state.ui.notice.value?.text ?? '', /Imported 1 JSON response from good\.har/);
});

test('copy as cURL, copy records and HAR export go through the services', async () => {
  const t = createPanelHarness();
  t.state.capture.add([ex('http://a.test/items?page=1', { items: [{ id: 1 }, { id: 2 }] })]);
  const item = t.state.capture.items.value[0];
  await t.state.actions.copyCurl(item);
  assert.equal(t.copied[0], "curl 'http://a.test/items?page=1'");
  await t.state.actions.copyRecords(item);
  assert.deepEqual(JSON.parse(t.copied[1]), [{ id: 1 }, { id: 2 }]);
  assert.equal(t.state.ui.notice.value?.text, 'Copied 2 records');
  t.state.actions.exportHar();
  assert.match(t.saved[0].name, /^pagescope-.*\.har$/);
  t.state.capture.add([ex('http://a.test/big?page=1', '{"items":[{"id":9007199254740993},{"id":2}]}')]);
  const bigItem = t.state.capture.items.value.find((it) => it.exchange.request.url.includes('/big'))!;
  await t.state.actions.copyRecords(bigItem);
  assert.deepEqual(
    JSON.parse(t.copied[2]),
    [{ id: '9007199254740993' }, { id: 2 }],
    'exact, as exports write it',
  );
  assert.equal(JSON.parse(t.saved[0].text).log.entries.length, 2, 'ours and the backfilled one');
});

test('copy records of a record nested 5000 levels deep copies the whole JSON (no stack overflow)', async () => {
  const t = createPanelHarness();
  const deep = '{"items":[' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + ']}';
  t.state.capture.add([ex('http://a.test/deep?page=1', deep)]);
  const item = t.state.capture.items.value.find((it) => it.exchange.request.url.includes('deep'))!;
  await t.state.actions.copyRecords(item);
  assert.equal(t.state.ui.notice.value?.text, 'Copied 1 record');
  assert.equal(t.copied.at(-1), '[' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + ']');
});

test('"Fetch and analyse" asks for access, fetches the GET with its headers, analyses it in place; refusal and non-GET say why', async () => {
  const asked: string[] = [];
  const fetched: { url: string; origin: string; headers: unknown }[] = [];
  let grant = true;
  const crawl = {
    requestHostPermission: async (p: string) => (asked.push(p), grant),
    createFetch: (origin: string) => async (req: { url: string; headers: unknown }) => {
      fetched.push({ url: req.url, origin, headers: req.headers });
      return {
        status: 200,
        statusText: 'OK',
        url: req.url,
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        bodyText: JSON.stringify({ items: [1, 2] }),
      };
    },
    clock: { now: () => 0, sleep: async () => {} },
    saveBlob: () => {},
  };
  const d = fakeDetect();
  const state = createPanelState(
    {
      themeName: () => 'default',
      clipboard: { writeText: async () => {} },
      download: { save: () => {} },
      crawl: crawl as unknown as PanelServices['crawl'],
    },
    { detect: d.detect, schedule: (f) => f() },
  );
  const gone = { ...ex('http://a.test:8080/big?page=1'), response: { ...ex('x').response, bodyText: null } };
  gone.request.headers = [{ name: 'Authorization', value: 'Bearer t' }];
  state.capture.enqueueSkipped({ exchange: gone, reason: 'no-content', size: 20_000_000 });
  const item = state.capture.items.value[0];

  grant = false;
  await state.actions.fetchAndAnalyse(item);
  assert.match(state.ui.notice.value!.text, /^Could not fetch: Access to http:\/\/a\.test:8080 was refused/);
  assert.equal(fetched.length, 0, 'nothing fetched without access');

  grant = true;
  await state.actions.fetchAndAnalyse(item);
  assert.deepEqual(asked, ['http://a.test:8080/*', 'http://a.test:8080/*']);
  assert.deepEqual(fetched, [
    { url: 'http://a.test:8080/big?page=1', origin: 'http://a.test:8080', headers: gone.request.headers },
  ]);
  const now = state.capture.items.value[0];
  assert.equal(now.id, item.id);
  assert.equal(now.unanalysed, undefined);
  assert.equal(now.detection?.style, 'vanilla');
  assert.equal(now.exchange.response.bodyText, '{"items":[1,2]}');
  assert.equal(state.ui.notice.value?.text, 'Fetched and analysed');

  const post = { ...gone, request: { ...gone.request, method: 'POST' } };
  state.capture.enqueueSkipped({ exchange: post, reason: 'no-content' });
  await state.actions.fetchAndAnalyse(state.capture.items.value[1]);
  assert.equal(state.ui.notice.value?.text, 'Not fetched: only GET requests are repeated (this was a POST).');
  assert.equal(fetched.length, 1);
});
