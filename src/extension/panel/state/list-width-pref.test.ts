import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signal } from '@preact/signals';
import { LIST_WIDTH_KEY, persistListWidth, type PrefStorage } from './list-width-pref.ts';

function memoryStorage(init: Record<string, string> = {}): PrefStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

test('loads the remembered width, writes changes back, forgets it on reset', () => {
  const storage = memoryStorage({ [LIST_WIDTH_KEY]: '420' });
  const width = signal<number | null>(null);
  const dispose = persistListWidth(width, storage);
  assert.equal(width.value, 420);
  width.value = 512.6;
  assert.equal(storage.data.get(LIST_WIDTH_KEY), '513');
  width.value = null;
  assert.equal(storage.data.has(LIST_WIDTH_KEY), false);
  dispose();
  width.value = 300;
  assert.equal(storage.data.has(LIST_WIDTH_KEY), false, 'disposed: no more writes');
});

test('a junk value means the default; storage that throws only means nothing is remembered', () => {
  const width = signal<number | null>(null);
  persistListWidth(width, memoryStorage({ [LIST_WIDTH_KEY]: 'wide' }))();
  assert.equal(width.value, null);
  const broken: PrefStorage = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
    removeItem: () => {},
  };
  const dispose = persistListWidth(width, broken);
  width.value = 400;
  assert.equal(width.value, 400);
  dispose();
});
