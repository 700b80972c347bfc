// The capture side of the panel state: exchanges batched and detected once, every request listed
// (not analysed ones with why), large and failed responses, navigation, deeply nested bodies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ex, createPanelHarness } from '../dev/panel-harness.ts';

test('live exchanges arrive in batches, detected exactly once each', async () => {
  const t = createPanelHarness();
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
  const t = createPanelHarness();
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
  const t = createPanelHarness();
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
  const t = createPanelHarness();
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
  const t = createPanelHarness();
  t.state.capture.add([ex('http://a.test/1')]);
  t.state.capture.preserveLog.value = true;
  t.nav('http://a.test/next');
  assert.equal(t.state.capture.items.value.length, 1);
  t.state.capture.preserveLog.value = false;
  t.nav('http://a.test/again');
  assert.equal(t.state.capture.items.value.length, 0);
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
