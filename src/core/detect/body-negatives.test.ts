// What detect() must not read as pagination (config objects, echo-less page numbers, odd links) and
// the one weak guess it may make (items with a page number echoing ?page=); odd input never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect, detectAs, detectWithReason } from './index.ts';
import { negativeFixtures } from './fixtures/body-negatives.ts';
import { exchangeOf } from './fixtures/body-fixture.ts';
import { headerExchange, rows } from './fixtures/headers-fixture.ts';

test('negatives stay null, including config objects and echo-less page numbers', () => {
  const extra = [
    {
      name: 'config with limit/offset keys but no records',
      url: 'https://x.test/config',
      body: { limit: 10, offset: 0, retries: 3 },
    },
    {
      name: 'items + page without a page parameter',
      url: 'https://x.test/book',
      body: { items: [{ id: 1 }], page: 3 },
    },
    {
      name: 'items + page that differs from the request',
      url: 'https://x.test/a?page=2',
      body: { items: [{ id: 1 }], page: 3 },
    },
    { name: 'scalars + echoed page', url: 'https://x.test/a?page=3', body: { tags: ['a', 'b'], page: 3 } },
    {
      name: 'a to-do list with done',
      url: 'https://x.test/todos',
      body: { todos: [{ id: 1 }], done: false },
    },
    {
      name: 'a cursor object (not a token)',
      url: 'https://x.test/a',
      body: { items: [{ id: 1 }], cursor: { x: 1, y: 2 } },
    },
    {
      name: 'total with no offset parameter',
      url: 'https://x.test/a?q=1',
      body: { items: [{ id: 1 }], total: 40 },
    },
    {
      name: 'result_count alone',
      url: 'https://x.test/a',
      body: { data: [{ id: 1 }], meta: { result_count: 1 } },
    },
    {
      name: 'links array of social rels',
      url: 'https://x.test/me',
      body: { items: [{ id: 1 }], links: [{ rel: 'twitter', href: 'https://twitter.com/x' }] },
    },
    { name: 'hits without nbPages', url: 'https://x.test/search', body: { hits: [{ id: 1 }], page: 0 } },
  ];
  for (const n of [...negativeFixtures, ...extra]) assert.equal(detect(exchangeOf(n)), null, n.name);
});

test('items + numeric page echoing ?page= is a low-confidence page chain stepping page+1', () => {
  const d = detect(
    exchangeOf({
      url: 'http://127.0.0.1:8080/buggy/x?page=3&q=a',
      body: { items: [{ id: 21 }, { id: 22 }], page: 3 },
    }),
  );
  assert.equal(d?.kind, 'page');
  assert.ok(d && d.confidence <= 0.45);
  assert.equal(d?.position.page, 3);
  assert.equal(d?.next?.url, 'http://127.0.0.1:8080/buggy/x?page=4&q=a');
  const empty = detect(
    exchangeOf({ url: 'http://127.0.0.1:8080/buggy/x?page=9', body: { items: [], page: 9 } }),
  );
  assert.equal(empty?.next, undefined, 'an empty echoed page builds no next');
});

test('never throws on odd input to the new detectors', () => {
  const odd: unknown[] = [
    { object: 'list', results: 'x', has_more: 'yes', next_cursor: 5 },
    { hits: null, page: -1, nbPages: 'many' },
    { meta: { result_count: 'x', next_token: {} }, data: 3 },
    { next_page_token: 7, users: [], page_size: 'x' },
    { pagination: { urls: [], page: {}, pages: null }, releases: 'r' },
    { entries: [{}], cursor: 12, has_more: 'true' },
    { next_page: { offset: { a: 1 }, uri: 7 }, data: [{ id: 1 }] },
    { links: [null, 1, { rel: 'next' }], items: [{}] },
    {
      links: [
        { rel: 'prev', href: null },
        { rel: 'last', href: 7 },
      ],
      items: [{}],
      total_pages: 2,
    },
    { links: { prev: 5, first: { href: {} }, last: [] }, data: [{ id: 1 }], total: 9 },
  ];
  for (const body of odd) {
    for (const method of ['GET', 'POST']) {
      const ex = exchangeOf({
        url: 'https://x.test/a?page=1',
        method,
        requestBody: method === 'POST' ? '{bad json' : undefined,
        body,
      });
      assert.doesNotThrow(() => detectWithReason(ex));
      assert.doesNotThrow(() => detectAs(ex, 'notion'));
    }
  }
  assert.equal(
    detect(
      headerExchange({
        url: 'https://x.test/a',
        headers: [['X-Pagination-Current-Page', 'x']],
        body: rows(1),
      }),
    ),
    null,
  );
});
