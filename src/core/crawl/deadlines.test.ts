// One timer for all request timeouts: each deadline still fires exactly `ms` after its watch began.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Deadlines } from './deadlines.ts';
import { FakeClock } from './testing/fakes.ts';

const idle = () => new Promise((r) => setImmediate(r));

test('overlapping deadlines fire at their own times; a cancelled one never fires', async () => {
  const clock = new FakeClock(0);
  const d = new Deadlines(clock);
  const fired: [string, number][] = [];
  d.watch(100, () => fired.push(['a', clock.now()]));
  await clock.sleep(30);
  const cancelB = d.watch(100, () => fired.push(['b', clock.now()]));
  await clock.sleep(20);
  d.watch(100, () => fired.push(['c', clock.now()]));
  cancelB();
  await clock.sleep(500);
  assert.deepEqual(fired, [
    ['a', 100],
    ['c', 150],
  ]);
});

test('many short requests share one armed sleep instead of one timer each', async () => {
  const clock = new FakeClock(0);
  const d = new Deadlines(clock);
  let fired = 0;
  for (let i = 0; i < 100; i++) {
    const done = d.watch(30_000, () => fired++);
    await clock.sleep(5);
    done();
  }
  const timeoutSleeps = clock.sleeps.filter((ms) => ms !== 5);
  assert.equal(timeoutSleeps.length, 1, `timeout sleeps asked for: ${timeoutSleeps.join(', ')}`);
  d.dispose();
  await idle();
  assert.equal(fired, 0);
});

test('dispose cancels the pending timer (nothing left to keep a process alive)', async () => {
  const clock = new FakeClock(0);
  const d = new Deadlines(clock);
  let fired = false;
  d.watch(1000, () => (fired = true));
  d.dispose();
  await clock.sleep(5000);
  assert.equal(fired, false);
  assert.equal(clock.now(), 5000);
});
