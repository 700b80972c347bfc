// Backoff and Retry-After arithmetic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs, isRetryableStatus, MAX_BACKOFF_MS, parseRetryAfter } from './retry.ts';

const now = Date.UTC(2024, 0, 1, 12, 0, 0);
const h = (v: string) => [{ name: 'Retry-After', value: v }];

test('Retry-After: seconds, HTTP-date, past date, cap, garbage', () => {
  assert.equal(parseRetryAfter(h('3'), now, 60_000), 3000);
  assert.equal(parseRetryAfter(h('1.5'), now, 60_000), 1500);
  assert.equal(parseRetryAfter(h('Mon, 01 Jan 2024 12:00:20 GMT'), now, 60_000), 20_000);
  assert.equal(parseRetryAfter(h('Mon, 01 Jan 2024 11:00:00 GMT'), now, 60_000), 0);
  assert.equal(parseRetryAfter(h('3600'), now, 60_000), 60_000);
  assert.equal(parseRetryAfter(h('soon'), now, 60_000), undefined);
  const withDate = [
    ...h('Mon, 01 Jan 2024 12:00:30 GMT'),
    { name: 'Date', value: 'Mon, 01 Jan 2024 12:00:25 GMT' },
  ];
  assert.equal(
    parseRetryAfter(withDate, 123.4, 60_000),
    5000,
    "measured from the server's Date, whatever the local clock",
  );
  assert.equal(
    parseRetryAfter(h('Mon, 01 Jan 2024 12:00:30 GMT'), 123.4, 60_000),
    undefined,
    'a monotonic clock cannot place a date',
  );
  assert.equal(parseRetryAfter([], now, 60_000), undefined);
});

test('backoff doubles per retry, jitter stays within [half, full], capped', () => {
  assert.deepEqual(
    [0, 1, 2, 3].map((r) => backoffMs(r, 100, () => 1)),
    [100, 200, 400, 800],
  );
  assert.deepEqual(
    [0, 1, 2, 3].map((r) => backoffMs(r, 100, () => 0)),
    [50, 100, 200, 400],
  );
  assert.equal(
    backoffMs(40, 100, () => 1),
    MAX_BACKOFF_MS,
  );
  for (let i = 0; i < 50; i++) {
    const b = backoffMs(2, 100, () => i / 50);
    assert.ok(b >= 200 && b <= 400, String(b));
  }
});

test('retryable statuses', () => {
  assert.deepEqual([408, 429, 500, 502, 503, 504].map(isRetryableStatus), [
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
  assert.deepEqual([400, 401, 403, 404, 410, 422, 501, 505].map(isRetryableStatus), Array(8).fill(false));
});
