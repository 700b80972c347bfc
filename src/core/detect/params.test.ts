import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cursorRequest,
  inferParams,
  nextRequest,
  pageRequest,
  setQueryParam,
  type PagingState,
} from './params.ts';

test('page parameter from the link that differs (GitHub)', () => {
  const p = inferParams('https://api.github.com/repositories/1/issues?per_page=30&page=2', {
    next: 'https://api.github.com/repositories/1/issues?per_page=30&page=3',
    last: 'https://api.github.com/repositories/1/issues?per_page=30&page=9',
  });
  assert.deepEqual(p, { page: 'page', size: 'per_page' });
});

test('opaque differing parameter is a cursor (Shopify page_info)', () => {
  const p = inferParams('https://shop.example/admin/api/2024-01/products.json?limit=50', {
    next: 'https://shop.example/admin/api/2024-01/products.json?limit=50&page_info=eyJsYXN0X2lkIjo0fQ',
  });
  assert.deepEqual(p, { cursor: 'page_info', size: 'limit' });
});

test('numeric unknown name stepping by the page size is an offset', () => {
  const p = inferParams(
    'https://x.example/list?n=20&first=40',
    { next: 'https://x.example/list?n=20&first=60' },
    { pageSize: 20 },
  );
  assert.equal(p.offset, 'first');
});

test('known names: offset/limit, $skip/$top, page[number]/page[size], pageNumber/pageSize', () => {
  assert.deepEqual(inferParams('https://x.example/a?offset=50&limit=25', {}), {
    offset: 'offset',
    size: 'limit',
  });
  assert.deepEqual(inferParams('https://x.example/a?$skip=10&$top=10', {}), {
    offset: '$skip',
    size: '$top',
  });
  assert.deepEqual(inferParams('https://x.example/a?page%5Bnumber%5D=2&page%5Bsize%5D=5', {}), {
    page: 'page[number]',
    size: 'page[size]',
  });
  assert.deepEqual(inferParams('https://x.example/a?pageNumber=2&pageSize=50', {}), {
    page: 'pageNumber',
    size: 'pageSize',
  });
});

test('Laravel links with a constant cursor: page is what changes', () => {
  const c = 'eyJpZCI6MzkzLCJfcG9pbnRzVG9OZXh0SXRlbXMiOnRydWV9';
  const p = inferParams('https://app.example.com/api/v2/resources?limit=10&page=2', {
    next: `https://app.example.com/api/v2/resources?cursor=${c}&page=3`,
  });
  assert.equal(p.page, 'page');
});

test('page base 0 seen in the first link; detector hints win', () => {
  assert.equal(
    inferParams('https://x.example/p?page=1&size=20', { first: 'https://x.example/p?page=0&size=20' })
      .pageBase,
    0,
  );
  assert.deepEqual(inferParams('https://x.example/p', {}, { params: { page: '_page', size: '_limit' } }), {
    page: '_page',
    size: '_limit',
  });
  assert.deepEqual(inferParams('https://x.example/p', {}, { kind: 'page' }), { page: 'page' });
  assert.deepEqual(inferParams('https://x.example/p?title=Page%201', {}), {});
});

test('setQueryParam keeps every other parameter byte for byte', () => {
  assert.equal(
    setQueryParam('https://x.example/a?sort=-a,b&page=2#top', 'page', '3'),
    'https://x.example/a?sort=-a,b&page=3#top',
  );
  assert.equal(setQueryParam('https://x.example/a', 'page', '2'), 'https://x.example/a?page=2');
  assert.equal(
    setQueryParam('https://x.example/a?page=1&page=1&q=x', 'page', '2'),
    'https://x.example/a?page=2&q=x',
  );
  assert.equal(
    setQueryParam('https://x.example/a?page%5Bnumber%5D=1', 'page[number]', '2'),
    'https://x.example/a?page[number]=2',
  );
  assert.equal(
    setQueryParam('https://x.example/a?cursor=old', 'cursor', 'a+b/c='),
    'https://x.example/a?cursor=a%2Bb%2Fc%3D',
  );
});

const base: PagingState = {
  kind: 'page',
  method: 'GET',
  url: 'https://x.example/a?page=2&per_page=10',
  links: {},
  params: { page: 'page', size: 'per_page' },
  position: { page: 2 },
  recordCount: 10,
};

test('pageRequest builds page N; offset = (n - base) * size', () => {
  assert.equal(pageRequest(base, 7)?.url, 'https://x.example/a?page=7&per_page=10');
  assert.equal(pageRequest(base, 0), null);
  const zero = { ...base, params: { ...base.params, pageBase: 0 as const } };
  assert.equal(pageRequest(zero, 0)?.url, 'https://x.example/a?page=0&per_page=10');
  const off: PagingState = {
    ...base,
    kind: 'offset',
    url: 'https://x.example/a?offset=0&limit=25',
    params: { offset: 'offset', size: 'limit' },
    position: { offset: 0 },
  };
  assert.equal(pageRequest(off, 3)?.url, 'https://x.example/a?offset=50&limit=25');
  assert.equal(pageRequest({ ...base, kind: 'cursor' }, 3), null);
  assert.equal(pageRequest({ ...base, method: 'POST' }, 3), null);
});

test('nextRequest: link first, then totals, then hasMore; null on the last page', () => {
  assert.equal(nextRequest({ ...base, links: { next: 'https://x.example/n' } })?.url, 'https://x.example/n');
  assert.equal(nextRequest({ ...base, totalPages: 5 })?.url, 'https://x.example/a?page=3&per_page=10');
  assert.equal(nextRequest({ ...base, totalPages: 2 }), null);
  assert.equal(nextRequest({ ...base, hasMore: true })?.url, 'https://x.example/a?page=3&per_page=10');
  assert.equal(nextRequest(base), null, 'no totals, no hasMore: cannot tell');
  assert.equal(nextRequest({ ...base, hasMore: false, totalPages: 9 }), null);
  const zero: PagingState = {
    ...base,
    params: { page: 'page', pageBase: 0 },
    position: { page: 4 },
    totalPages: 5,
  };
  assert.equal(nextRequest(zero), null, 'page 4 of 0..4 is the last');
  const off: PagingState = {
    ...base,
    kind: 'offset',
    url: 'https://x.example/a?offset=25&limit=25',
    params: { offset: 'offset', size: 'limit' },
    position: { offset: 25 },
  };
  assert.equal(nextRequest({ ...off, totalRecords: 237 })?.url, 'https://x.example/a?offset=50&limit=25');
  assert.equal(nextRequest({ ...off, totalRecords: 50 }), null);
  const cur: PagingState = { ...base, kind: 'cursor', params: { cursor: 'after' }, nextCursor: 'abc' };
  assert.equal(nextRequest(cur)?.url, 'https://x.example/a?page=2&per_page=10&after=abc');
});

test('cursorRequest sets the cursor', () => {
  assert.deepEqual(cursorRequest('https://x.example/a?after=1', 'after', '2'), {
    method: 'GET',
    url: 'https://x.example/a?after=2',
  });
});

test('cursor-ish and page-ish spellings beyond the lists', () => {
  const p = inferParams(
    'https://gitlab.example.com/api/v4/projects?pagination=keyset&per_page=50&order_by=id&sort=asc',
    {
      next: 'https://gitlab.example.com/api/v4/projects?pagination=keyset&per_page=50&order_by=id&sort=asc&id_after=42',
    },
  );
  assert.deepEqual(p, { cursor: 'id_after', size: 'per_page' });
  assert.equal(inferParams('https://x.example/a?nextToken=abc', {}).cursor, 'nextToken');
  assert.equal(inferParams('https://x.example/a?page_num=3', {}).page, 'page_num');
  assert.deepEqual(inferParams('https://x.example/a?afterwards=1&tokenizer=2', {}), {});
});

test('nested (qs-style) names play their last part’s role, except inside filters', () => {
  assert.deepEqual(
    inferParams('https://cms.example.com/api/articles?pagination[page]=2&pagination[pageSize]=10', {}),
    { page: 'pagination[page]', size: 'pagination[pageSize]' },
  );
  assert.deepEqual(
    inferParams(
      'https://m.example.com/V1/products?searchCriteria[currentPage]=1&searchCriteria[pageSize]=20',
      {},
    ),
    { page: 'searchCriteria[currentPage]', size: 'searchCriteria[pageSize]' },
  );
  assert.equal(inferParams('https://cms.example.com/a?pagination[start]=20', {}).offset, 'pagination[start]');
  assert.deepEqual(inferParams('https://x.example/a?filter[count]=3&where[from]=5&sort[0]=id', {}), {});
});
