import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateBytes } from './idb-store.ts';

test('estimateBytes: measures every 16th record, scales to the page; exact for uniform pages', () => {
  assert.equal(estimateBytes([]), 0);
  const uniform = Array.from({ length: 100 }, (_, i) => ({ id: 100 + i, name: 'x'.repeat(20) }));
  const exact = uniform.reduce((n, r) => n + JSON.stringify(r).length + 1, 0);
  assert.equal(estimateBytes(uniform), exact);
  // Mixed sizes: an estimate, within a factor the datasets view can live with.
  const mixed = Array.from({ length: 100 }, (_, i) => ({ id: i, text: 'y'.repeat(i % 7 ? 10 : 200) }));
  const mixedExact = mixed.reduce((n, r) => n + JSON.stringify(r).length + 1, 0);
  const est = estimateBytes(mixed);
  assert.ok(est > mixedExact / 3 && est < mixedExact * 3, `${est} vs ${mixedExact}`);
});

test('estimateBytes: a record 5000 levels deep is measured, not a stack overflow', () => {
  const deep = JSON.parse('['.repeat(5000) + ']'.repeat(5000));
  assert.equal(estimateBytes([deep]), 10_001);
});
