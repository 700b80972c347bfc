import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createExtensionFetch, credentialsFor } from './extension-fetch.ts';
import { startCrawl, type CrawlServices } from './crawl-service.ts';
import type { CrawlStart } from '../../../core/crawl/types.ts';

test('cookies go only to the crawl origin: include there, omit elsewhere', () => {
  const o = 'https://api.example.com';
  assert.equal(credentialsFor('https://api.example.com/items?page=2', o), 'include');
  assert.equal(credentialsFor('https://api.example.com:443/x', o), 'include');
  assert.equal(credentialsFor('https://cdn.example.com/items?page=2', o), 'omit');
  assert.equal(credentialsFor('http://api.example.com/items', o), 'omit', 'scheme is part of the origin');
  assert.equal(credentialsFor('https://api.example.com:8443/items', o), 'omit', 'port too');
  assert.equal(credentialsFor('not a url', o), 'omit');
});

test('the fetch passes method, body, signal and credentials; skips headers the browser refuses; reads every header', async () => {
  const seen: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response('{"ok":true}', {
      status: 201,
      headers: { 'x-total-count': '42', 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  const f = createExtensionFetch({ credentialOrigin: 'https://api.example.com', fetchImpl });
  const signal = new AbortController().signal;
  const res = await f({
    method: 'POST',
    url: 'https://api.example.com/graphql',
    body: '{"q":1}',
    signal,
    headers: [
      { name: 'X-Api-Key', value: 'k' },
      { name: 'bad name', value: 'x' },
      { name: 'X-Ok', value: 'bad\nvalue' },
    ],
  });
  assert.equal(res.status, 201);
  assert.equal(res.bodyText, '{"ok":true}');
  assert.deepEqual(
    res.headers.find((h) => h.name === 'x-total-count'),
    { name: 'x-total-count', value: '42' },
  );
  const { init } = seen[0];
  assert.equal(init.credentials, 'include');
  assert.equal(init.method, 'POST');
  assert.equal(init.body, '{"q":1}');
  assert.equal(init.signal, signal);
  assert.deepEqual([...(init.headers as Headers).keys()], ['x-api-key']);
  await f({ method: 'GET', url: 'https://other.example.net/next', headers: [], body: 'ignored' });
  assert.equal(seen[1].init.credentials, 'omit');
  assert.equal(seen[1].init.body, undefined, 'no body on GET');
});

test('the crawl checks its policy and asks for host access first, synchronously, and does nothing when refused', async () => {
  const asked: string[] = [];
  const services = {
    requestHostPermission: async (p: string) => (asked.push(p), false),
    datasets: { create: () => assert.fail('no dataset before permission') },
  } as unknown as CrawlServices;
  const start = {
    exchange: { request: { method: 'GET', url: 'https://api.example.com:8443/items?page=1', headers: [] } },
    detection: { style: 'page-number' },
  } as unknown as CrawlStart;
  const pending = startCrawl(services, start, {}, new AbortController().signal);
  assert.deepEqual(
    asked,
    ['https://api.example.com:8443/*'],
    'asked before the first await (inside the click)',
  );
  await assert.rejects(pending, /Access to https:\/\/api\.example\.com:8443 was refused/);
});

test('integers beyond 2^53 come out of the panel fetch exact, as the CLI keeps them', async () => {
  const fetchImpl = (async () =>
    new Response('{"data":[{"id":9007199254740993},{"id":9007199254740992},{"id":7}]}', {
      headers: { 'content-type': 'application/json' },
    })) as unknown as typeof fetch;
  const f = createExtensionFetch({ credentialOrigin: 'https://api.example.com', fetchImpl });
  const res = await f({ method: 'GET', url: 'https://api.example.com/items?page=2', headers: [] });
  const ids = (JSON.parse(res.bodyText) as { data: { id: unknown }[] }).data.map((r) => r.id);
  assert.deepEqual(ids, ['9007199254740993', '9007199254740992', 7]);
});
