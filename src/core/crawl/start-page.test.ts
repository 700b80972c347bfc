// The first page of a crawl, behind the ports: every failure one line, time from the clock port,
// the timeout on that clock, and credentials left with the typed origin after a cross-origin redirect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HttpFetch } from '../ports.ts';
import { fetchStart, redirectNote, type StartRequest } from './start-page.ts';
import { FakeClock, fakeFetch } from './testing/fakes.ts';

const URL_ = 'https://api.test/items?page=1';
const req: StartRequest = {
  method: 'GET',
  url: URL_,
  headers: [
    { name: 'Authorization', value: 'Bearer t' },
    { name: 'X-Api-Key', value: 'k' },
    { name: 'Accept', value: 'application/json' },
  ],
};
const paged = { data: [{ id: 1 }, { id: 2 }], page: 1, per_page: 2, total: 6, total_pages: 3 };

test('a paginated start page: its exchange timed by the clock port, its detection', async () => {
  const clock = new FakeClock();
  const { fetch } = fakeFetch(clock, () => ({ body: paged, delayMs: 120 }));
  const start = await fetchStart(fetch, req, { clock, timeoutMs: 1000 });
  assert.ok(start.ok && start.detection, 'detected');
  assert.equal(start.detection.kind, 'page');
  assert.equal(start.exchange.startedDateTime, '2024-01-01T00:00:00.000Z');
  assert.equal(start.exchange.time, 120);
  assert.deepEqual(start.exchange.request.headers, req.headers, 'same origin: every header kept');
  assert.equal(start.redirect, undefined);
  assert.equal(redirectNote(start, URL_), undefined);
});

test('the timeout runs on the clock port, also for a fetch that ignores its signal', async () => {
  for (const reply of [{ body: paged, delayMs: 5000 }, 'hang' as const]) {
    const clock = new FakeClock();
    const { fetch } = fakeFetch(clock, () => reply);
    const start = await fetchStart(fetch, req, { clock, timeoutMs: 1000 });
    assert.deepEqual(start, { ok: false, message: `cannot reach ${URL_}: timed out` });
    assert.equal(clock.now(), new FakeClock().now() + 1000, 'aborted at the timeout, in virtual time');
  }
});

test('failures become one line: refused, unknown host, HTTP status, not JSON', async () => {
  const clock = new FakeClock();
  const failing =
    (e: unknown): HttpFetch =>
    () =>
      Promise.reject(e);
  const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  const cases: [HttpFetch, string][] = [
    [failing(refused), `cannot reach ${URL_}: connection refused`],
    [
      failing(Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' })),
      `cannot reach ${URL_}: host not found`,
    ],
    [fakeFetch(clock, () => ({ status: 503, body: {} })).fetch, `${URL_} answered HTTP 503`],
    [
      fakeFetch(clock, () => ({ raw: '<html>', headers: { 'content-type': 'text/html' } })).fetch,
      `${URL_} did not return JSON (text/html; `,
    ],
  ];
  for (const [fetch, message] of cases) {
    const start = await fetchStart(fetch, req, { clock, timeoutMs: 1000 });
    assert.ok(!start.ok && start.message.startsWith(message), `${message} ← ${JSON.stringify(start)}`);
  }
});

test('a cross-origin redirect leaves the credential headers with the typed origin', async () => {
  const clock = new FakeClock();
  const fetch: HttpFetch = async (r) => ({
    ...(await fakeFetch(clock, () => ({ body: paged })).fetch(r)),
    url: 'https://cdn.test/items?page=1',
  });
  const start = await fetchStart(fetch, req, { clock, timeoutMs: 1000 });
  assert.ok(start.ok);
  assert.equal(start.exchange.request.url, 'https://cdn.test/items?page=1');
  assert.deepEqual(start.exchange.request.headers, [{ name: 'Accept', value: 'application/json' }]);
  assert.deepEqual(start.redirect, {
    to: 'https://cdn.test/items?page=1',
    dropped: ['Authorization', 'X-Api-Key'],
  });
  assert.equal(
    redirectNote(start, URL_),
    `note: ${URL_} redirected to another origin (https://cdn.test); Authorization, X-Api-Key stay with https://api.test and are not sent there`,
  );
});

test('a start page without pagination: why not, and its records located', async () => {
  const clock = new FakeClock();
  const { fetch } = fakeFetch(clock, () => ({ body: { results: [{ id: 1 }, { id: 2 }] } }));
  const start = await fetchStart(fetch, req, { clock, timeoutMs: 1000 });
  assert.ok(start.ok && !start.detection);
  assert.ok(start.why.length > 0);
  assert.deepEqual(start.records, [{ id: 1 }, { id: 2 }]);
});
