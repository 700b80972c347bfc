import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeWindow, pageRows, scrollToReveal } from './virtual-window.ts';

test('renders only the visible rows plus overscan', () => {
  const w = computeWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 20, count: 10_000, overscan: 5 });
  assert.deepEqual(w, { start: 0, end: 26, offsetTop: 0, totalHeight: 200_000 });
});

test('window in the middle has overscan on both sides and a matching offset', () => {
  const w = computeWindow({
    scrollTop: 50_010,
    viewportHeight: 400,
    rowHeight: 20,
    count: 10_000,
    overscan: 5,
  });
  // first visible row = floor(50010 / 20) = 2500
  assert.equal(w.start, 2495);
  assert.equal(w.end, 2500 + 21 + 5);
  assert.equal(w.offsetTop, 2495 * 20);
});

test('the number of rendered rows is bounded whatever the list size', () => {
  for (const count of [10, 1000, 10_000, 1_000_000]) {
    for (const scrollTop of [0, 123, 99_999, 1e9]) {
      const w = computeWindow({ scrollTop, viewportHeight: 600, rowHeight: 20, count });
      assert.ok(w.end - w.start <= 31 + 16, `count ${count} scroll ${scrollTop}: ${w.end - w.start}`);
      assert.ok(w.start >= 0 && w.end <= count && w.start <= w.end);
    }
  }
});

test('scrolling past the end clamps to the last rows', () => {
  const w = computeWindow({ scrollTop: 1e9, viewportHeight: 100, rowHeight: 20, count: 50, overscan: 2 });
  assert.equal(w.end, 50);
  assert.equal(w.start, 45 - 2);
});

test('empty list and zero viewport', () => {
  assert.deepEqual(computeWindow({ scrollTop: 0, viewportHeight: 300, rowHeight: 20, count: 0 }), {
    start: 0,
    end: 0,
    offsetTop: 0,
    totalHeight: 0,
  });
  const w = computeWindow({ scrollTop: 0, viewportHeight: 0, rowHeight: 20, count: 100, overscan: 0 });
  assert.deepEqual([w.start, w.end], [0, 1]);
});

test('negative scrollTop (overscroll bounce) is treated as 0', () => {
  const w = computeWindow({ scrollTop: -40, viewportHeight: 100, rowHeight: 20, count: 100, overscan: 0 });
  assert.equal(w.start, 0);
});

test('scrollToReveal scrolls the minimum distance, or not at all', () => {
  assert.equal(scrollToReveal(5, 0, 200, 20), null); // rows 0..9 visible
  assert.equal(scrollToReveal(10, 0, 200, 20), 20); // row 10 bottom at 220 → scroll 20
  assert.equal(scrollToReveal(2, 100, 200, 20), 40); // above → row top
  assert.equal(scrollToReveal(0, 0, 10, 20), null); // row taller than viewport, already at top
});

test('pageRows moves one viewport minus a row of context', () => {
  assert.equal(pageRows(400, 20), 19);
  assert.equal(pageRows(10, 20), 1);
});
