// Body detectors never throw: every detector, called directly (without the registry's safety net),
// on bodies whose pagination fields hold the wrong types, bad URLs, deep nesting or prototype keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectors } from './detectors.ts';
import { createContext } from './index.ts';
import { exchangeOf } from './fixtures/body-fixture.ts';

const weird: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  'x',
  '',
  [],
  {},
  [1, 'a'],
  { href: 5 },
  'http://[bad',
  'javascript:alert(1)',
  NaN,
];
const keys = [
  'data',
  'links',
  'meta',
  'pagination',
  'paging',
  'pageInfo',
  'page',
  '_links',
  '_embedded',
  'value',
  'results',
  'next',
  'previous',
  'count',
  'version',
  'response_metadata',
  'has_more',
  'object',
  'nextPageToken',
  'd',
  'cursor',
  'offset',
  'limit',
  'total',
];

function bodies(): unknown[] {
  const out: unknown[] = [null, 7, 'text', [], [[]], {}];
  for (const k of keys) for (const v of weird) out.push({ [k]: v, items: [{ id: 1 }] });
  for (const k of keys)
    for (const v of weird)
      out.push({
        data: [],
        links: { next: v },
        meta: { [k]: v },
        pagination: { [k]: v },
        paging: { cursors: v, next: v },
      });
  out.push({ object: 'list', has_more: true, data: [null, 3, { id: null }] });
  out.push({ data: { a: { pageInfo: { hasNextPage: true, endCursor: 5 }, edges: 'no' } } });
  let deep: Record<string, unknown> = { pageInfo: { hasNextPage: 'yes' } };
  for (let i = 0; i < 200; i++) deep = { nested: deep };
  out.push({ data: deep });
  out.push(JSON.parse('{"__proto__": {"page": 2}, "constructor": {"next": "http://x"}, "items": []}'));
  out.push({ pagination: { page: 1e308, pages: -5, results: 'many' }, customers: [] });
  out.push({ '@odata.nextLink': 'http://[bad', value: [] });
  out.push({
    _links: { next: [{ href: '/a{?page}' }] },
    _embedded: { x: [{}] },
    page: { number: '0', totalPages: 'NaN' },
  });
  return out;
}

const requests = [
  { url: 'https://api.example.test/a?cursor=&page=x&after=%E0%A4%A' },
  { url: 'https://api.example.test/graphql', method: 'POST', requestBody: '{not json' },
  { url: 'https://api.example.test/graphql?variables=%7Bbad&query=q' },
  {
    url: 'https://api.example.test/a',
    method: 'POST',
    requestBody: 'a=1&cursor',
    requestMime: 'application/x-www-form-urlencoded',
  },
];

test('no body detector throws on odd input, and each answer is plain data', () => {
  let runs = 0;
  for (const req of requests) {
    for (const body of bodies()) {
      const c = createContext(exchangeOf({ ...req, body }));
      if (!c.ok) continue;
      for (const d of detectors) {
        const r = d.detect(c.ctx);
        runs++;
        if (r) assert.deepEqual(structuredClone(r), r, `${d.name} returns plain data`);
      }
    }
  }
  assert.ok(runs > 1000);
});
