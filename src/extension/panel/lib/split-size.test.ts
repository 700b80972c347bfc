import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BIG_STEP,
  clampListWidth,
  defaultListWidth,
  listWidthBounds,
  MIN_DETAIL,
  MIN_LIST,
  parseStoredWidth,
  SPLITTER_WIDTH,
  splitterKeyWidth,
  STEP,
} from './split-size.ts';

test('both sides keep their minimum; a view too narrow for both keeps the list readable', () => {
  const max = 1000 - SPLITTER_WIDTH - MIN_DETAIL;
  assert.deepEqual(listWidthBounds(1000), { min: MIN_LIST, max });
  assert.equal(clampListWidth(50, 1000), MIN_LIST);
  assert.equal(clampListWidth(990, 1000), max);
  assert.equal(clampListWidth(333.4, 1000), 333);
  assert.deepEqual(listWidthBounds(300), { min: MIN_LIST, max: MIN_LIST });
  assert.equal(clampListWidth(400, 300), MIN_LIST);
});

test('the default is 38% of the view within 260–520 px, as before the splitter', () => {
  assert.equal(defaultListWidth(1000), 380);
  assert.equal(defaultListWidth(600), 260);
  assert.equal(defaultListWidth(2000), 520);
  assert.equal(defaultListWidth(500), 500 - SPLITTER_WIDTH - MIN_DETAIL, 'and never squeezes the detail');
});

test('arrow keys step, Shift steps further, Home/End jump to the bounds, all clamped', () => {
  const b = { min: 200, max: 700 };
  assert.equal(splitterKeyWidth('ArrowLeft', false, 400, b), 400 - STEP);
  assert.equal(splitterKeyWidth('ArrowRight', false, 400, b), 400 + STEP);
  assert.equal(splitterKeyWidth('ArrowRight', true, 400, b), 400 + BIG_STEP);
  assert.equal(splitterKeyWidth('ArrowLeft', true, 220, b), 200);
  assert.equal(splitterKeyWidth('ArrowRight', false, 695, b), 700);
  assert.equal(splitterKeyWidth('Home', false, 400, b), 200);
  assert.equal(splitterKeyWidth('End', false, 400, b), 700);
  assert.equal(splitterKeyWidth('ArrowUp', false, 400, b), null);
  assert.equal(splitterKeyWidth('Enter', false, 400, b), null);
});

test('stored widths are read back only when sane', () => {
  assert.equal(parseStoredWidth('420'), 420);
  for (const bad of [null, undefined, '', 'abc', '-5', '12.5', '1e3', '150', '9999999']) {
    assert.equal(parseStoredWidth(bad), null, String(bad));
  }
});
