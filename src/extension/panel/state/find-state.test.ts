import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signal } from '@preact/signals';
import { createFindState } from './find-state.ts';
import type { CapturedItem } from './captured-item.ts';

const item = (id: string, body: unknown): CapturedItem => ({
  id,
  exchange: {
    request: { method: 'GET', url: `http://a.test/${id}`, headers: [] },
    response: { status: 200, headers: [], mimeType: 'application/json', bodyText: JSON.stringify(body) },
  },
  detection: null,
  source: 'live',
  search: id,
  paginated: false,
});

function setup() {
  const items = signal<CapturedItem[]>([
    item('1', { a: 'needle', b: ['x', 'needle'] }),
    item('2', { needle: 1 }),
  ]);
  const opened: string[] = [];
  const selection = { open: (id?: string) => void opened.push(id!), detailTab: signal('pagination') };
  const pending: (() => void)[] = [];
  const find = createFindState(items, selection, {
    schedule: (run) => {
      pending.push(run);
      return () => pending.splice(pending.indexOf(run), 1);
    },
  });
  return { items, find, opened, selection, pending };
}

test('typing schedules one search; Enter-style searchNow runs it; hits by request in order', () => {
  const { find, pending } = setup();
  find.actions.setQuery('nee');
  find.actions.setQuery('needle');
  assert.equal(pending.length, 1, 'the earlier keystroke was cancelled');
  assert.equal(find.actions.pending(), true);
  assert.equal(find.hits.value.length, 0, 'not searched yet');
  pending[0]();
  assert.equal(find.actions.pending(), false);
  assert.deepEqual(
    find.hits.value.map((h) => `${h.itemId}:${h.path.join('.')}:${h.where}`),
    ['1:a:value', '1:b.1:value', '2:needle:key'],
  );
});

test('next and previous wrap around and jump: open the request, the Response tab, reveal the node', () => {
  const { find, opened, selection } = setup();
  find.actions.setQuery('needle');
  find.actions.searchNow();
  find.actions.next();
  assert.equal(find.current.value, 0);
  assert.deepEqual(find.reveal.value, { itemId: '1', path: ['a'], seq: 1 });
  assert.equal(selection.detailTab.value, 'response');
  find.actions.prev();
  assert.equal(find.current.value, 2, 'wraps to the last');
  assert.deepEqual(find.reveal.value?.path, ['needle']);
  find.actions.next();
  assert.equal(find.current.value, 0, 'wraps to the first');
  assert.deepEqual(opened, ['1', '2', '1']);
});

test('a bad regex shows its error and no hits; hide cancels a pending search', () => {
  const { find, pending } = setup();
  find.actions.setQuery('/[/');
  find.actions.searchNow();
  assert.match(find.error.value ?? '', /^Invalid regular expression/);
  assert.equal(find.hits.value.length, 0);
  find.actions.next(); // nothing to go to: no throw
  assert.equal(find.current.value, -1);
  find.actions.show();
  find.actions.setQuery('x');
  find.actions.hide();
  assert.equal(pending.length, 0);
  assert.equal(find.open.value, false);
});
