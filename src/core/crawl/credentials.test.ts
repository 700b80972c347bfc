// Credentials from the first request go back only to its origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRequest, isCredentialHeader, replayableHeaders } from './credentials.ts';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink } from './testing/fakes.ts';
import { startOf } from './testing/fake-apis.ts';
import type { Header } from '../exchange.ts';

const original: Header[] = [
  { name: ':authority', value: 'api.test' },
  { name: 'Authorization', value: 'Bearer secret' },
  { name: 'Cookie', value: 'sid=1' },
  { name: 'X-Api-Key', value: 'k1' },
  { name: 'X-Auth-Token', value: 't1' },
  { name: 'Ocp-Apim-Subscription-Key', value: 'k2' },
  { name: 'Accept', value: 'application/json' },
  { name: 'Connection', value: 'keep-alive' },
  { name: 'Content-Length', value: '0' },
  { name: 'Host', value: 'api.test' },
  { name: 'If-None-Match', value: 'W/"abc"' },
  { name: 'Accept-Encoding', value: 'gzip, br' },
];
const names = (hs: Header[]) => hs.map((h) => h.name.toLowerCase());
const SECRET = ['authorization', 'cookie', 'x-api-key', 'x-auth-token', 'ocp-apim-subscription-key'];

test('credential-looking header names', () => {
  for (const n of [
    'Authorization',
    'Cookie',
    'X-Api-Key',
    'api_key',
    'X-CSRF-Token',
    'Private-Token',
    'X-Goog-Api-Key',
    'Proxy-Authorization',
    'X-Amz-Security-Token',
    'Authentication',
    'X-CSRFToken',
    'X-Client-Secret',
    'X-Session-Id',
    'sessionid',
    'X-Hub-Signature',
  ]) {
    assert.ok(isCredentialHeader(n), n);
  }
  for (const n of [
    'Accept',
    'Accept-Language',
    'User-Agent',
    'X-Requested-With',
    'Content-Type',
    'Monkey',
    'X-Request-Id',
    'X-Page-Size',
  ])
    assert.ok(!isCredentialHeader(n), n);
});

test('replayed headers: no hop-by-hop, Host, pseudo-headers, Content-Length, conditionals or Accept-Encoding', () => {
  assert.deepEqual(names(replayableHeaders(original)), [...SECRET, 'accept']);
});

test('same origin gets the credentials; another origin gets none unless allowed', () => {
  const base = replayableHeaders(original);
  const same = buildRequest(
    { method: 'GET', url: 'http://api.test/items?page=2' },
    base,
    'http://api.test/items',
    false,
  );
  assert.deepEqual(names(same.headers), [...SECRET, 'accept']);
  const other = buildRequest(
    { method: 'GET', url: 'http://cdn.test/items?page=2' },
    base,
    'http://api.test/items',
    false,
  );
  assert.deepEqual(names(other.headers), ['accept']);
  const port = buildRequest(
    { method: 'GET', url: 'http://api.test:8080/items' },
    base,
    'http://api.test/items',
    false,
  );
  assert.deepEqual(names(port.headers), ['accept'], 'another port is another origin');
  const allowed = buildRequest(
    { method: 'GET', url: 'http://cdn.test/items' },
    base,
    'http://api.test/items',
    true,
  );
  assert.deepEqual(names(allowed.headers), [...SECRET, 'accept']);
});

test("a request spec's own headers override the replayed ones", () => {
  const r = buildRequest(
    {
      method: 'POST',
      url: 'http://api.test/graphql',
      body: '{}',
      headers: [{ name: 'accept', value: 'text/plain' }],
    },
    replayableHeaders(original),
    'http://api.test/',
    false,
  );
  assert.deepEqual(
    r.headers.filter((h) => h.name.toLowerCase() === 'accept'),
    [{ name: 'accept', value: 'text/plain' }],
  );
  assert.equal(r.body, '{}');
  assert.equal(r.method, 'POST');
});

async function crawlAcross(allowCrossOriginCredentials?: boolean) {
  const clock = new FakeClock();
  const f = fakeFetch(clock, (url) => {
    if (url.host === 'api.test' && url.searchParams.get('page') === '1')
      return { body: [{ id: 1 }], headers: { link: '<http://api.test/items?page=2>; rel="next"' } };
    if (url.host === 'api.test')
      return { body: [{ id: 2 }], headers: { link: '<http://mirror.test/items?page=3>; rel="next"' } };
    return { body: [{ id: 3 }] };
  });
  const start = await startOf(f.fetch, 'http://api.test/items?page=1', original);
  const s = await crawl(start, {
    fetch: f.fetch,
    clock,
    sink: new MemorySink(),
    allowCrossOriginCredentials,
  });
  assert.equal(s.stoppedReason, 'done');
  return f.calls.slice(1);
}

test('crawl: the next link to a second origin receives no Authorization, Cookie or API key', async () => {
  const [same, other] = await crawlAcross();
  assert.equal(same.url, 'http://api.test/items?page=2');
  assert.deepEqual(names(same.headers), [...SECRET, 'accept']);
  assert.equal(other.url, 'http://mirror.test/items?page=3');
  assert.deepEqual(names(other.headers), ['accept']);
});

test('crawl: allowCrossOriginCredentials sends them to the second origin too', async () => {
  const [, other] = await crawlAcross(true);
  assert.deepEqual(names(other.headers), [...SECRET, 'accept']);
});
