// RecentList snapshots read what the list held when they were taken, whatever happens after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecentList } from './recent.ts';

test('a snapshot keeps the newest `cap` entries of its moment through pushes, trims and drops', () => {
  const l = new RecentList<number>(3);
  for (const n of [1, 2, 3, 4]) l.push(n);
  const a = l.snapshot();
  l.push(5);
  l.push(6);
  l.trim(); // 6 ≥ 2×3: keeps 4, 5, 6 in a new array
  const b = l.snapshot();
  l.drop(2);
  l.push(7);
  const c = l.snapshot();
  assert.deepEqual(a(), [2, 3, 4]);
  assert.deepEqual(b(), [4, 5, 6]);
  assert.deepEqual(c(), [4, 7]);
  assert.deepEqual(a(), [2, 3, 4], 'read twice, same answer');
  assert.equal(l.length, 2);
  assert.equal(l.last(), 7);
});

test('a drop after a snapshot does not change it, even when the same places are written again', () => {
  const l = new RecentList<string>(10);
  l.push('a');
  l.push('b');
  const before = l.snapshot();
  l.drop(1);
  l.push('c');
  assert.deepEqual(before(), ['a', 'b']);
  assert.deepEqual(l.snapshot()(), ['a', 'c']);
});

test('cap 0 keeps nothing; an infinite cap keeps everything', () => {
  const none = new RecentList<number>(0);
  const all = new RecentList<number>(Infinity);
  for (let i = 0; i < 5; i++) {
    none.trim();
    none.push(i);
    all.trim();
    all.push(i);
  }
  assert.deepEqual(none.snapshot()(), []);
  assert.deepEqual(all.snapshot()(), [0, 1, 2, 3, 4]);
});
