// A checkpoint snapshot (lists copied only when read) is the checkpoint of its moment, read whenever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Detection } from '../detect/types.ts';
import { CrawlRunState } from './checkpoint.ts';

const detection = {
  style: 'link-header',
  kind: 'page',
  params: { cursor: 'cursor' },
} as unknown as Detection;
const page = (n: number) => Array.from({ length: 3 }, (_, i) => ({ id: n * 3 + i }));
const spec = (n: number) => ({ method: 'GET', url: `http://api.test/items?cursor=c${n}` });

/** Stores page `n` the way Run.commit does (dedup, guard memory, counters). */
function store(st: CrawlRunState, n: number) {
  st.learnIdKey(page(n));
  const acc = st.accept(page(n), Infinity);
  st.pages++;
  st.nextIndex = n + 1;
  st.guard.record(spec(n), n, `hash${n}`, 'cursor');
  return acc;
}

test('snapshot() read later equals checkpoint() taken at the same moment, through trims and a rollback', () => {
  const st = new CrawlRunState('http://api.test/items', detection, 4);
  const taken: { eager: unknown; lazy: unknown }[] = [];
  for (let n = 0; n < 8; n++) {
    const acc = store(st, n);
    if (n === 5) {
      // The store refused page 5: taken back, as Run.commit does.
      st.rollback(acc);
      st.pages--;
      st.nextIndex = n;
      st.guard.forget();
      continue;
    }
    taken.push({ eager: st.checkpoint(spec(n + 1)), lazy: st.snapshot(spec(n + 1)) });
  }
  for (const { eager, lazy } of taken) assert.deepEqual(lazy, eager);
  const last = taken[taken.length - 1].eager as { seenIds: string[]; seenUrls: string[] };
  assert.deepEqual(last.seenIds, ['n:20', 'n:21', 'n:22', 'n:23'], 'page 5 (ids 15–17) taken back');
  assert.equal(last.seenUrls.length, 4);
});

test('a snapshot restores the same state as the eager checkpoint', () => {
  const st = new CrawlRunState('http://api.test/items', detection, 10);
  for (let n = 0; n < 3; n++) store(st, n);
  const lazy = st.snapshot(spec(3));
  store(st, 3);
  const again = new CrawlRunState('http://api.test/items', detection, 10, structuredClone(lazy));
  assert.deepEqual(again.checkpoint(spec(3)), lazy);
  assert.equal(again.accept(page(2), Infinity).duplicates, 3, 'ids of page 2 are known after the restore');
});

test('snapshot lists are copied on first read, then plain data; JSON, clone, spread and writes see plain data', () => {
  const st = new CrawlRunState('http://api.test/items', detection, 10);
  store(st, 0);
  const eager = st.checkpoint(spec(1));
  const make = () => st.snapshot(spec(1));
  const cp = make();
  assert.equal(typeof Object.getOwnPropertyDescriptor(cp, 'seenIds')?.get, 'function', 'not copied yet');
  assert.deepEqual(cp.seenIds, ['n:0', 'n:1', 'n:2']);
  assert.equal(cp.seenIds, cp.seenIds, 'copied once');
  assert.equal(Object.getOwnPropertyDescriptor(cp, 'seenIds')?.writable, true, 'now a data property');
  assert.equal(JSON.stringify(make()), JSON.stringify(eager), 'same keys in the same order');
  assert.deepEqual(structuredClone(make()), eager);
  const { seenUrls, ...rest } = make();
  assert.deepEqual(seenUrls, eager.seenUrls);
  assert.equal('seenUrls' in rest, false);
  const w = make();
  w.pageHashes = ['x'];
  assert.deepEqual(w.pageHashes, ['x'], 'a write replaces the list');
});
