import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { test } from 'node:test';
import { systemClock } from './system-clock.ts';

test('now is epoch milliseconds (Retry-After dates need it)', () => {
  const before = Date.now();
  const t = systemClock.now();
  assert.ok(t >= before && t <= Date.now());
});

test('a sleep resolves, and leaves no abort listener behind', async () => {
  const ctrl = new AbortController();
  await systemClock.sleep(1, ctrl.signal);
  await systemClock.sleep(-5);
  assert.equal(getEventListeners(ctrl.signal, 'abort').length, 0);
});

test("an abort before or during a sleep rejects with the signal's reason", async () => {
  const before = new AbortController();
  before.abort(new Error('stopped early'));
  await assert.rejects(systemClock.sleep(60_000, before.signal), /stopped early/);

  const during = new AbortController();
  const sleeping = systemClock.sleep(60_000, during.signal);
  during.abort(new Error('stopped'));
  await assert.rejects(sleeping, /stopped/);
});
