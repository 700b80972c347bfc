import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harFile, parseHar, toHar } from './har.ts';
import type { Exchange } from '../../../core/exchange.ts';

const exchange: Exchange = {
  id: 'x1',
  startedDateTime: '2024-05-01T10:00:00.000Z',
  time: 42.5,
  request: {
    method: 'GET',
    url: 'http://api.test/items?page=2&size=10',
    headers: [{ name: 'Accept', value: 'application/json' }],
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [
      { name: 'Link', value: '<http://api.test/items?page=3>; rel="next"' },
      { name: 'Set-Cookie', value: 'a=1' },
      { name: 'Set-Cookie', value: 'b=2' },
    ],
    mimeType: 'application/json',
    bodyText: '{"items":["é"]}',
  },
};

test('export has every HAR 1.2 required field', () => {
  const har = toHar([exchange]);
  assert.equal(har.log.version, '1.2');
  assert.deepEqual(har.log.creator, { name: 'Pagescope', version: '0.1.0' });
  const e = har.log.entries[0] as any;
  for (const k of ['startedDateTime', 'time', 'request', 'response', 'cache', 'timings'])
    assert.ok(k in e, k);
  for (const k of [
    'method',
    'url',
    'httpVersion',
    'cookies',
    'headers',
    'queryString',
    'headersSize',
    'bodySize',
  ])
    assert.ok(k in e.request, `request.${k}`);
  for (const k of ['status', 'statusText', 'httpVersion', 'cookies', 'headers', 'content', 'redirectURL'])
    assert.ok(k in e.response, `response.${k}`);
  assert.deepEqual(e.request.queryString, [
    { name: 'page', value: '2' },
    { name: 'size', value: '10' },
  ]);
  assert.equal(e.response.content.size, 16, 'size in UTF-8 bytes, not characters');
  assert.equal(e.timings.wait, 42.5);
});

test('export then import gives back the same exchanges (repeated headers kept)', () => {
  const text = JSON.stringify(
    toHar(
      [
        exchange,
        {
          ...exchange,
          id: 'x2',
          request: {
            ...exchange.request,
            method: 'POST',
            postData: { mimeType: 'application/json', text: '{}' },
          },
        },
      ],
      { raw: true },
    ),
  );
  const r = parseHar(text);
  assert.ok(r.ok);
  assert.equal(r.exchanges.length, 2);
  const [a, b] = r.exchanges;
  assert.equal(a.id, 'har-0');
  assert.deepEqual(
    { ...a, id: 'x1' },
    {
      ...exchange,
      request: { ...exchange.request, postData: undefined },
      response: { ...exchange.response, bodySize: 16 },
    },
  );
  assert.equal(b.request.method, 'POST');
  assert.equal(b.request.postData?.text, '{}');
});

test('base64 bodies in an imported HAR are decoded', () => {
  const har = {
    log: {
      entries: [
        {
          request: { url: 'http://a.test/' },
          response: {
            status: 200,
            content: {
              mimeType: 'application/json',
              encoding: 'base64',
              text: Buffer.from('{"a":1}').toString('base64'),
            },
          },
        },
      ],
    },
  };
  const r = parseHar(JSON.stringify(har));
  assert.ok(r.ok);
  assert.equal(r.exchanges[0].response.bodyText, '{"a":1}');
});

test('bad HAR input gives a clear reason', () => {
  const bad = ['nope', '{"log":{}}', '[]', 'null', '{"log":{"entries":[{"foo":1}]}}'];
  for (const text of bad) {
    const r = parseHar(text);
    assert.equal(r.ok, false, text);
    assert.match((r as { reason: string }).reason, /^Not a HAR file: /);
  }
});

test('entries without a URL are counted, not fatal', () => {
  const r = parseHar(JSON.stringify({ log: { entries: [{ request: { url: 'http://a.test/' } }, 7, {}] } }));
  assert.ok(r.ok);
  assert.equal(r.exchanges.length, 1);
  assert.equal(r.ignored, 2);
});

test('an empty log imports nothing without an error', () => {
  const r = parseHar('{"log":{"entries":[]}}');
  assert.deepEqual(r, { ok: true, exchanges: [], ignored: 0 });
});

test('the default export is sanitised: credential values, cookies and URL passwords redacted; raw keeps them', () => {
  const secret: Exchange = {
    ...exchange,
    request: {
      method: 'GET',
      url: 'https://user:pa55word@api.test/items?page=1',
      headers: [
        { name: 'Authorization', value: 'Bearer T0K3N' },
        { name: 'Cookie', value: 'sid=S3SS10N' },
        { name: 'X-Api-Key', value: 'K3Y' },
        { name: 'Accept', value: 'application/json' },
      ],
    },
  };
  const sanitised = JSON.stringify(toHar([secret]));
  for (const v of ['T0K3N', 'S3SS10N', 'K3Y', 'pa55word', 'a=1', 'b=2']) assert.ok(!sanitised.includes(v), v);
  const e = JSON.parse(sanitised).log.entries[0];
  assert.deepEqual(
    e.request.headers.map((h: { name: string; value: string }) => `${h.name}: ${h.value}`),
    ['Authorization: [redacted]', 'Cookie: [redacted]', 'X-Api-Key: [redacted]', 'Accept: application/json'],
  );
  assert.equal(
    e.response.headers[0].value,
    '<http://api.test/items?page=3>; rel="next"',
    'other headers stay',
  );
  assert.match(JSON.parse(sanitised).log.comment, /sanitised/);
  const raw = JSON.stringify(toHar([secret], { raw: true }));
  for (const v of ['T0K3N', 'S3SS10N', 'K3Y', 'pa55word']) assert.ok(raw.includes(v), v);
});

test('the HAR download: one file shape for both buttons, the raw one named for what it holds', () => {
  const at = new Date(Date.UTC(2026, 11, 6, 15, 4, 5, 6));
  const withKey = {
    ...exchange,
    request: { ...exchange.request, headers: [{ name: 'X-Api-Key', value: 'K3Y' }] },
  };
  const safe = harFile([withKey], {}, at);
  assert.equal(safe.name, 'pagescope-2026-12-06T15-04-05-006Z.har');
  assert.equal(safe.mime, 'application/json');
  assert.ok(!safe.text.includes('K3Y'), 'sanitised by default');
  assert.deepEqual(JSON.parse(safe.text), toHar([withKey]));
  const raw = harFile([withKey], { raw: true }, at);
  assert.equal(raw.name, 'pagescope-2026-12-06T15-04-05-006Z.raw-with-credentials.har');
  assert.ok(raw.text.includes('K3Y'));
});
