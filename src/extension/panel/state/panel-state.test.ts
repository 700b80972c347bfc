import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Exchange } from '../../../core/exchange.ts';
import type { Detection, DetectOutcome } from '../../../core/detect/types.ts';
import { createPanelState } from './panel-state.ts';
import type { PanelServices } from '../services/panel-services.ts';

function ex(url: string, body: unknown = { items: [1, 2] }, mimeType = 'application/json'): Exchange {
  return {
    request: { method: 'GET', url, headers: [] },
    response: {
      status: 200,
      headers: [],
      mimeType,
      bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    },
  };
}

/** A fake detector: pages when the URL says page=, and counts its calls. */
function fakeDetect() {
  const calls: string[] = [];
  const detect = (e: Exchange): DetectOutcome => {
    calls.push(e.request.url);
    if (!/page=/.test(e.request.url)) return { ok: false, reason: 'no pagination found' };
    const detection: Detection = {
      kind: 'page',
      style: 'vanilla',
      confidence: 0.9,
      evidence: [],
      method: 'GET',
      url: e.request.url,
      position: {},
      links: {},
      params: {},
      recordsPath: ['items'],
      recordCount: 2,
    };
    return { ok: true, detection };
  };
  return { calls, detect };
}

function setup() {
  let navigated: (url: string) => void = () => {};
  let onEx: (e: Exchange) => void = () => {};
  const copied: string[] = [];
  const saved: { name: string; text: string }[] = [];
  const flushes: (() => void)[] = [];
  const services: PanelServices = {
    network: {
      onExchange: (cb) => ((onEx = cb), () => {}),
      onNavigated: (cb) => ((navigated = cb), () => {}),
      backfill: async () => [ex('http://a.test/early?page=1')],
    },
    themeName: () => 'dark',
    clipboard: { writeText: async (t) => void copied.push(t) },
    download: { save: (f) => void saved.push(f) },
  };
  const d = fakeDetect();
  const state = createPanelState(services, { detect: d.detect, schedule: (f) => void flushes.push(f) });
  const off = state.connect();
  return {
    state,
    off,
    copied,
    saved,
    calls: d.calls,
    live: (e: Exchange) => onEx(e),
    nav: (u: string) => navigated(u),
    runFlushes: () => flushes.splice(0).forEach((f) => f()),
  };
}

test('live exchanges arrive in batches, detected exactly once each', async () => {
  const t = setup();
  await Promise.resolve(); // backfill
  assert.equal(t.state.capture.items.value.length, 1);
  for (let i = 0; i < 1000; i++) t.live(ex(`http://a.test/items?page=${i}`));
  assert.equal(t.state.capture.items.value.length, 1, 'not yet flushed');
  t.runFlushes();
  assert.equal(t.state.capture.items.value.length, 1001);
  assert.equal(t.calls.length, 1001);
  void t.state.visible.value; // reading derived state must not re-detect
  t.state.filter.text.value = 'page=5';
  void t.state.visible.value;
  assert.equal(t.calls.length, 1001);
  assert.equal(t.state.ui.theme.value, 'dark');
  t.off();
});

test('every request is listed: non-JSON ones as not analysed (with why), assets counted only', () => {
  const t = setup();
  t.state.capture.add(
    [
      ex('http://a.test/page.html', '<html>', 'text/html'),
      ex('http://a.test/x'),
      ex('http://a.test/a.png', 'x', 'image/png'),
    ],
    'har',
  );
  const items = t.state.capture.items.value;
  assert.deepEqual(
    items.map((it) => [it.exchange.request.url, it.unanalysed?.reason ?? 'analysed']),
    [
      ['http://a.test/page.html', 'not-json'],
      ['http://a.test/x', 'analysed'],
    ],
  );
  assert.equal(items[0].paginated, false);
  assert.match(items[0].notPaginated!, /not analysed \(not JSON\)/);
  assert.equal(t.state.capture.unanalysed.value, 1);
  assert.equal(t.state.capture.assets.value, 1);
  t.state.capture.setAssetCount(5);
  t.state.capture.setAssetCount(5);
  assert.equal(t.state.capture.assets.value, 6);
  t.state.actions.clear();
  assert.equal(t.state.capture.unanalysed.value, 0);
  assert.equal(t.state.capture.assets.value, 0);
  t.state.capture.setAssetCount(7);
  assert.equal(t.state.capture.assets.value, 2, 'counted from the clear');
});

test('a too-large request is listed, then analysed in place by "Analyse anyway"; no body: it says why', () => {
  const t = setup();
  const big = ex('http://a.test/big?page=1');
  t.state.capture.enqueueSkipped({ exchange: big, reason: 'too-large', size: 9_000_000 });
  const gone = { ...ex('http://a.test/gone?page=1'), response: { ...big.response, bodyText: null } };
  t.state.capture.enqueueSkipped({ exchange: gone, reason: 'no-content', size: 20_000_000 });
  t.runFlushes();
  const [listed, noBody] = t.state.capture.items.value;
  assert.deepEqual(listed.unanalysed, { reason: 'too-large', size: 9_000_000 });
  assert.equal(listed.detection, null);
  assert.equal(t.state.capture.unanalysed.value, 2);
  assert.ok(listed.search.includes('too large'), 'the filter finds them by reason');
  t.state.selection.select(listed.id);
  t.state.actions.analyse(listed);
  const now = t.state.capture.items.value[0];
  assert.equal(now.id, listed.id, 'same id: the selection stays');
  assert.equal(now.unanalysed, undefined);
  assert.equal(now.detection?.style, 'vanilla');
  assert.equal(t.state.selection.selected.value?.detection?.style, 'vanilla');
  assert.equal(t.state.ui.notice.value?.text, 'Analysed');
  t.state.actions.analyse(noBody);
  assert.deepEqual(t.state.ui.notice.value, {
    kind: 'error',
    text: 'Could not analyse: the body is not available to the panel',
  });
  assert.equal(t.state.capture.unanalysed.value, 1);
});

test('a 401 or 403 says the request failed and the crawl needs credentials, not "no pagination found"', () => {
  const t = setup();
  const denied = { ...ex('http://a.test/secret'), response: { ...ex('x').response, status: 401 } };
  const forbidden = { ...ex('http://a.test/secret2'), response: { ...ex('x').response, status: 403 } };
  t.state.capture.add([denied, forbidden, ex('http://a.test/open')]);
  const [a, b, c] = t.state.capture.items.value;
  assert.match(
    a.notPaginated!,
    /^the request failed with 401 Unauthorized.*credentials: a crawl needs them too/,
  );
  assert.match(b.notPaginated!, /^the request failed with 403 Forbidden/);
  assert.equal(c.notPaginated, 'no pagination found');
});

test('navigation clears the log unless preserve log is on', () => {
  const t = setup();
  t.state.capture.add([ex('http://a.test/1')]);
  t.state.capture.preserveLog.value = true;
  t.nav('http://a.test/next');
  assert.equal(t.state.capture.items.value.length, 1);
  t.state.capture.preserveLog.value = false;
  t.nav('http://a.test/again');
  assert.equal(t.state.capture.items.value.length, 0);
});

test('filter, paginated only and the bad-regex error drive the shown rows', () => {
  const t = setup();
  t.state.capture.add([
    ex('http://a.test/users?page=1'),
    ex('http://a.test/config'),
    ex('http://a.test/orders?page=2'),
  ]);
  const urls = () => t.state.visible.value.map((r) => r.exchange.request.url.slice(14));
  t.state.filter.paginatedOnly.value = true;
  assert.deepEqual(urls(), ['users?page=1', 'orders?page=2']);
  t.state.filter.text.value = 'vanilla';
  assert.deepEqual(urls(), ['users?page=1', 'orders?page=2'], 'style is searchable');
  t.state.filter.text.value = '/users(/';
  assert.match(t.state.filter.error.value ?? '', /Invalid regular expression/);
  t.state.filter.text.value = '/^GET 200 .*orders/';
  assert.equal(t.state.filter.error.value, null);
  assert.deepEqual(urls(), ['orders?page=2']);
});

test('keyboard selection moves through the shown rows and survives filtering', () => {
  const t = setup();
  t.state.capture.add([ex('http://a.test/1'), ex('http://a.test/2'), ex('http://a.test/3')]);
  const s = t.state.selection;
  s.move(1);
  assert.equal(s.selectedIndex.value, 0);
  s.move(5);
  assert.equal(s.selectedIndex.value, 2);
  s.move(-1);
  s.open();
  assert.equal(s.detailOpen.value, true);
  assert.equal(s.selected.value?.exchange.request.url, 'http://a.test/2');
  t.state.filter.text.value = '/3$/';
  assert.equal(s.selectedIndex.value, -1, 'hidden by the filter');
  assert.ok(s.selected.value, 'but still shown in the detail');
  t.state.actions.clear();
  assert.equal(s.selected.value, undefined);
  assert.equal(s.detailOpen.value, false);
});

test('HAR import: good file adds rows, bad file explains itself', () => {
  const t = setup();
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
  const t = setup();
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

test('a response nested 5000 levels deep is listed (real detection) and does not stop the capture', async () => {
  const { createCaptureState } = await import('./capture-state.ts');
  const capture = createCaptureState({ schedule: () => {} });
  const deep = '{"data":[' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '],"page":1,"next":"/x?page=2"}';
  capture.add([ex('http://a.test/deep?page=1', deep), ex('http://a.test/after')]);
  assert.deepEqual(
    capture.items.value.map((it) => it.exchange.request.url),
    ['http://a.test/deep?page=1', 'http://a.test/after'],
  );
});

test('copy records of a record nested 5000 levels deep copies the whole JSON (no stack overflow)', async () => {
  const t = setup();
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
    openDb: async () => {
      throw new Error('unused');
    },
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
