// Relay connections read over GET with plain query parameters (`?first=25`, then `&after=`), and
// over POST with the body's own text kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from './index.ts';

const page = (hasNextPage: boolean, endCursor: string | null) => ({
  data: {
    items: {
      totalCount: 60,
      pageInfo: { hasNextPage, endCursor },
      edges: [{ cursor: 'YQ', node: { id: 1 } }],
    },
  },
});
const get = (url: string, body: unknown) => ({
  request: { method: 'GET', url, headers: [] },
  response: { status: 200, headers: [], mimeType: 'application/json', bodyText: JSON.stringify(body) },
});

test('GET ?first=25: next is the same URL with after=<endCursor>', () => {
  const d = detect(get('https://api.test/items?first=25', page(true, 'Y3Vyc29yOjI1')));
  assert.equal(d?.style, 'relay');
  assert.equal(d?.next?.url, 'https://api.test/items?first=25&after=Y3Vyc29yOjI1');
  assert.equal(d?.params.cursor, 'after');
});

test('GET with after: the cursor replaced, the position read back; the last page has no next', () => {
  const d = detect(get('https://api.test/items?first=25&after=Y3Vyc29yOjI1', page(true, 'Y3Vyc29yOjUw')));
  assert.equal(d?.next?.url, 'https://api.test/items?first=25&after=Y3Vyc29yOjUw');
  assert.equal(d?.position.cursor, 'Y3Vyc29yOjI1');
  const last = detect(get('https://api.test/items?first=25&after=Y3Vyc29yOjUw', page(false, 'Y3Vyc29yOjYw')));
  assert.equal(last?.next, undefined);
});

test('POST: the next body is the request text with only variables.after written', () => {
  const text =
    '{ "query" : "query($after: String) { items(first: 2, after: $after) { pageInfo { hasNextPage endCursor } } }",\n  "variables" : { "first" : 2 } }';
  const d = detect({
    request: {
      method: 'POST',
      url: 'https://api.test/graphql',
      headers: [],
      postData: { mimeType: 'application/json', text },
    },
    response: {
      status: 200,
      headers: [],
      mimeType: 'application/json',
      bodyText: JSON.stringify(page(true, 'Yw')),
    },
  });
  assert.equal(d?.next?.method, 'POST');
  assert.equal(d?.next?.body, text.replace('"first" : 2 }', '"first" : 2,"after":"Yw" }'));
});
