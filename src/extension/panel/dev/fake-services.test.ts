import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPanelState } from '../state/panel-state.ts';
import { createFakeServices } from './fake-services.ts';

const ex = (url: string) => ({
  request: { method: 'GET', url, headers: [] },
  response: {
    status: 200,
    headers: [{ name: 'Paging-Next', value: `${url}&page=2` }],
    mimeType: 'application/json',
    bodyText: '[1,2]',
  },
});

test('the panel store runs on fakes with the real detector: backfill, live, theme, navigation', async () => {
  const fake = createFakeServices({ backfill: [ex('http://a.test/api/v2/discussions?limit=2')] });
  const state = createPanelState(fake, { schedule: (f) => f() });
  const off = state.connect();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(state.ui.ready.value, true);
  fake.emit(ex('http://a.test/api/v2/comments?limit=2'));
  assert.equal(state.capture.items.value.length, 2);
  assert.equal(state.capture.items.value[0].detection?.style, 'vanilla', 'real detect() ran once on arrival');
  fake.setTheme('dark');
  assert.equal(state.ui.theme.value, 'dark');
  fake.navigate('http://a.test/next');
  assert.equal(state.capture.items.value.length, 0);
  off();
});
