import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CrawlStart } from './crawl/types.ts';
import { exactJsonBody, withExactIntegers, withExactStart } from './exact-integers.ts';
import type { HttpResponse } from './ports.ts';

const BIG = '{"data":[{"id":9007199254740993,"n":1.5e300,"s":"12345678901234567890"}]}';
const json = [{ name: 'Content-Type', value: 'application/json; charset=utf-8' }];

test('JSON bodies (by MIME type or by their first character) get unsafe integers quoted; others do not', () => {
  assert.deepEqual(exactJsonBody(json, BIG), {
    text: '{"data":[{"id":"9007199254740993","n":1.5e300,"s":"12345678901234567890"}]}',
    quoted: 1,
  });
  assert.equal(exactJsonBody([], BIG).quoted, 1, 'sniffed: starts with {');
  assert.equal(
    exactJsonBody([{ name: 'content-type', value: 'text/plain' }], 'id 9007199254740993').quoted,
    0,
  );
  assert.equal(
    exactJsonBody([], '9007199254740993', 'application/json').quoted,
    1,
    'the exchange mimeType counts',
  );
});

test('withExactIntegers: the wrapped fetch quotes and counts, and passes other responses through as they are', async () => {
  const replies: HttpResponse[] = [
    { status: 200, statusText: 'OK', url: 'u1', headers: json, bodyText: BIG },
    { status: 200, statusText: 'OK', url: 'u2', headers: json, bodyText: '{"id":42}' },
  ];
  const f = withExactIntegers(async () => replies.shift()!);
  const a = await f({ method: 'GET', url: 'u1', headers: [] });
  assert.equal((JSON.parse(a.bodyText) as { data: { id: string }[] }).data[0].id, '9007199254740993');
  const second = await f({ method: 'GET', url: 'u2', headers: [] });
  assert.equal(second.bodyText, '{"id":42}');
  assert.equal(f.count(), 1);
});

test('withExactStart quotes the captured first page, leaves the rest of the start alone, and returns a clean start as is', () => {
  const start = {
    exchange: {
      request: { method: 'GET', url: 'https://api.example.com/items', headers: [] },
      response: { status: 200, headers: json, mimeType: 'application/json', bodyText: BIG },
    },
    detection: { style: 'x' },
  } as unknown as CrawlStart;
  const exact = withExactStart(start);
  assert.notEqual(exact, start);
  assert.equal(exact.detection, start.detection);
  assert.equal(exact.exchange.request, start.exchange.request);
  assert.match(exact.exchange.response.bodyText!, /"id":"9007199254740993"/);
  assert.equal(start.exchange.response.bodyText, BIG, 'the captured exchange is not mutated');
  const clean = {
    ...start,
    exchange: { ...start.exchange, response: { ...start.exchange.response, bodyText: '{"id":1}' } },
  };
  assert.equal(withExactStart(clean), clean);
  const empty = {
    ...start,
    exchange: { ...start.exchange, response: { ...start.exchange.response, bodyText: null } },
  };
  assert.equal(withExactStart(empty as CrawlStart), empty);
});
