import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStateSaver } from './state-saver.ts';

function deferredSave() {
  const saved: number[] = [];
  const waiting: (() => void)[] = [];
  const save = (s: number) => new Promise<void>((r) => waiting.push(() => (saved.push(s), r())));
  const release = async () => {
    while (waiting.length) waiting.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { saved, save, release, pending: () => waiting.length };
}

test('interval 0: saves in order, never overlapping, newest queued state wins', async () => {
  const d = deferredSave();
  const saver = createStateSaver(d.save, 0);
  saver.offer(1);
  saver.offer(2);
  saver.offer(3);
  assert.equal(d.pending(), 1, 'one save at a time');
  await d.release();
  await d.release();
  await saver.settle();
  assert.deepEqual(d.saved, [1, 3]);
});

test('a long interval defers saves until settle, which saves the newest at once', async () => {
  const saved: number[] = [];
  const saver = createStateSaver(async (s: number) => void saved.push(s), 60_000);
  saver.offer(1);
  await new Promise((r) => setImmediate(r));
  saver.offer(2);
  saver.offer(3);
  assert.deepEqual(saved, [1], 'the first save is immediate, the rest wait for the interval');
  await saver.settle();
  assert.deepEqual(saved, [1, 3]);
  await saver.settle();
  assert.deepEqual(saved, [1, 3], 'nothing pending: no extra save');
});

test('settle waits for a save in flight and then the queued one', async () => {
  const d = deferredSave();
  const saver = createStateSaver(d.save, 60_000);
  saver.offer(1);
  saver.offer(2);
  const settled = saver.settle();
  await d.release();
  await d.release();
  await settled;
  assert.deepEqual(d.saved, [1, 2]);
});

test('a failed save is reported by the next offer and by settle', async () => {
  const saver = createStateSaver(async () => {
    throw new Error('disk full');
  }, 0);
  saver.offer(1);
  await assert.rejects(saver.settle(), /disk full/);
  assert.throws(() => saver.offer(2), /disk full/);
});
