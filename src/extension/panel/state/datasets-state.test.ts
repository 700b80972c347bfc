import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFakeDatasetStore } from '../dev/fake-dataset-store.ts';
import type { CrawlServices } from '../services/crawl-service.ts';
import { apiNamePart, createDatasetsState, datasetStatusText, exportFileName } from './datasets-state.ts';

const at = Date.UTC(2026, 11, 6, 14, 21, 40);

test('an export file name names the API (host and path), then the style and the start time', () => {
  const ds = {
    style: 'vanilla',
    startedAt: at,
    source: { url: 'http://127.0.0.1:8787/api/v2/discussions?page=1&limit=30' },
  };
  assert.equal(
    exportFileName(ds, 'ndjson'),
    'pagescope-127.0.0.1-8787-api-v2-discussions-vanilla-2026-12-06T14-21-40.ndjson',
  );
  assert.equal(
    exportFileName({ ...ds, source: { url: 'https://api.hubspot.com/crm/v3/objects/contacts' } }, 'csv'),
    'pagescope-api.hubspot.com-crm-v3-objects-contacts-vanilla-2026-12-06T14-21-40.csv',
  );
});

test('the API part is safe on every file system: no separators, no leading dot, bounded length', () => {
  for (const url of [
    'http://h.test/..%2F..%2Fetc/passwd',
    'http://h.test/a:b*c?d|e"f<g>h\\i',
    'http://h.test/' + 'x/'.repeat(200),
    'http://h.test/%00%0a/…/日本',
  ]) {
    const name = apiNamePart(url);
    assert.match(name, /^[a-z0-9][a-z0-9.-]*$/i, url);
    assert.ok(name.length <= 80, url);
    assert.ok(!name.includes('..'), url);
  }
  assert.equal(apiNamePart('not a url'), 'api');
  assert.equal(apiNamePart('http://h.test/'), 'h.test');
});

test('a dataset without a source URL still gets a name (the style alone)', () => {
  assert.equal(
    exportFileName({ style: 'cursor/x', startedAt: at }, 'json'),
    'pagescope-cursor-x-2026-12-06T14-21-40.json',
  );
});

/** The state over an in-memory store, with the downloads it asked for. */
function withStore() {
  const store = createFakeDatasetStore();
  const saved: { name: string; blob: Blob }[] = [];
  const services = {
    datasets: store,
    saveBlob: (blob: Blob, name: string) => void saved.push({ blob, name }),
  } as unknown as CrawlServices;
  return { store, saved, state: createDatasetsState(services) };
}

test('refresh lists the stored datasets newest first; remove deletes one from the store and the list', async () => {
  const { store, state } = withStore();
  store.seed({ id: 1, startedAt: at });
  store.seed({ id: 2, startedAt: at + 1000 });
  await state.actions.refresh();
  assert.equal(state.loaded.value, true);
  assert.deepEqual(
    state.list.value.map((d) => d.id),
    [2, 1],
  );
  await state.actions.remove(2);
  assert.deepEqual(
    state.list.value.map((d) => d.id),
    [1],
  );
  assert.equal(store.rows.has(2), false, 'gone from the store too');
  assert.equal(state.error.value, null);
});

test('exports stream every record out of the store in the chosen format, named after the API', async () => {
  const { store, saved, state } = withStore();
  const records = Array.from({ length: 2500 }, (_, i) => ({
    id: i + 1,
    name: i === 0 ? '=SUM(A1)' : `r${i}`,
  }));
  store.seed({ id: 4, startedAt: at, records: records.length }, records);
  const [ds] = (await state.actions.refresh(), state.list.value);
  assert.equal(await state.actions.exportAs(ds, 'ndjson'), 2500);
  assert.equal(await state.actions.exportAs(ds, 'json'), 2500);
  assert.equal(await state.actions.exportAs(ds, 'csv'), 2500);
  assert.deepEqual(
    saved.map((s) => [s.name.replace(/-2026.*\./, '.'), s.blob.type]),
    [
      ['pagescope-127.0.0.1-8787-api-items-page-number.ndjson', 'application/x-ndjson'],
      ['pagescope-127.0.0.1-8787-api-items-page-number.json', 'application/json'],
      ['pagescope-127.0.0.1-8787-api-items-page-number.csv', 'text/csv'],
    ],
  );
  const [ndjson, json, csv] = await Promise.all(saved.map((s) => s.blob.text()));
  assert.deepEqual(
    ndjson
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l)),
    records,
  );
  assert.deepEqual(JSON.parse(json), records);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines.length, 2501);
  assert.equal(lines[0], 'id,name');
  assert.equal(lines[1], `1,'=SUM(A1)`, 'formula neutralised');
  assert.equal(state.exporting.value, null);
  // CSV took the columns the store kept: the records were read once per export, CSV included.
  assert.deepEqual(
    store.calls.filter((c) => c.startsWith('records:') || c.startsWith('columns:')),
    ['records:4', 'records:4', 'columns:4', 'records:4'],
  );
});

test('a store that fails says what could not be done, and the view keeps working', async () => {
  const { store, saved, state } = withStore();
  store.seed({ id: 1, startedAt: at }, [{ id: 1 }]);
  await state.actions.refresh();
  store.fail = new Error('the database is closed');
  await state.actions.refresh();
  assert.equal(state.error.value, 'Could not read datasets: the database is closed');
  await state.actions.remove(1);
  assert.equal(state.error.value, 'Could not delete the dataset: the database is closed');
  assert.equal(state.list.value.length, 1, 'nothing removed from the list when the store kept it');
  assert.equal(await state.actions.exportAs(state.list.value[0], 'csv'), undefined);
  assert.equal(state.error.value, 'Could not export CSV: the database is closed');
  assert.equal(saved.length, 0);
  assert.equal(state.exporting.value, null, 'the buttons come back');
});

test("the status cell speaks as the crawl status line: 'paused by you', 'cancelled by you', never 'aborted'", () => {
  assert.equal(datasetStatusText({ stoppedReason: 'aborted' }, 'paused'), 'paused by you');
  assert.equal(
    datasetStatusText({ stoppedReason: 'aborted', detail: 'cancelled by you' }, 'stopped'),
    'cancelled by you',
  );
  assert.equal(
    datasetStatusText({ stoppedReason: 'loop', detail: 'page 4 repeats the records of page 3' }, 'stopped'),
    'stopped · loop · page 4 repeats the records of page 3',
  );
  assert.equal(
    datasetStatusText({ stoppedReason: 'done', detail: 'total reached' }, 'done'),
    'done · total reached',
  );
  assert.equal(datasetStatusText({}, 'interrupted'), 'interrupted');
  assert.equal(
    datasetStatusText({ stoppedReason: 'aborted' }, 'interrupted'),
    'interrupted',
    'an old pause is not news',
  );
});
