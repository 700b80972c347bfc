// The shown rows of the panel state: the filter (text, paginated only, a bad regex) and keyboard
// selection through what is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ex, createPanelHarness } from '../dev/panel-harness.ts';

test('filter, paginated only and the bad-regex error drive the shown rows', () => {
  const t = createPanelHarness();
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
  const t = createPanelHarness();
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
