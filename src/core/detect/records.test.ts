import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locateRecords } from './records.ts';

test('root array', () => {
  assert.deepEqual(locateRecords([{ id: 1 }, { id: 2 }]), { path: [], count: 2 });
  assert.deepEqual(locateRecords([]), { path: [], count: 0 });
});

test('common wrapper keys', () => {
  for (const key of ['data', 'items', 'results', 'value', 'records']) {
    assert.deepEqual(locateRecords({ [key]: [{ id: 1 }], total: 1 }), { path: [key], count: 1 }, key);
  }
});

test('Relay edges[].node nested under GraphQL data', () => {
  const body = {
    data: {
      viewer: {
        repositories: {
          totalCount: 2,
          pageInfo: { hasNextPage: true, endCursor: 'Y3Vyc29yOjI=' },
          edges: [
            { cursor: 'a', node: { id: 'r1' } },
            { cursor: 'b', node: { id: 'r2' } },
          ],
        },
      },
    },
  };
  assert.deepEqual(locateRecords(body), {
    path: ['data', 'viewer', 'repositories', 'edges', '*', 'node'],
    count: 2,
  });
});

test('GraphQL nodes list under data', () => {
  const body = { data: { users: { nodes: [{ id: 1 }], pageInfo: { endCursor: 'x', hasNextPage: false } } } };
  assert.deepEqual(locateRecords(body), { path: ['data', 'users', 'nodes'], count: 1 });
});

test('HAL _embedded.<name>', () => {
  const body = {
    _links: { self: { href: '/x' } },
    _embedded: { people: [{ name: 'a' }, { name: 'b' }] },
    page: { size: 20, number: 0 },
  };
  assert.deepEqual(locateRecords(body), { path: ['_embedded', 'people'], count: 2 });
});

test('the named array beside a pagination object (Vend customers, UserVoice suggestions)', () => {
  const vend = {
    pagination: { results: 7461, page: 1, page_size: 100, pages: 75 },
    customers: [{ id: 'c1' }],
  };
  assert.deepEqual(locateRecords(vend), { path: ['customers'], count: 1 });
  const uv = {
    suggestions: [{ id: 1 }, { id: 2 }],
    pagination: { page: 1, per_page: 100, total_pages: 3, total_records: 272 },
  };
  assert.deepEqual(locateRecords(uv), { path: ['suggestions'], count: 2 });
});

test('arrays of objects beat arrays of strings; metadata arrays are ignored', () => {
  assert.deepEqual(locateRecords({ errors: ['bad'], warnings: [], users: [{ id: 1 }] }), {
    path: ['users'],
    count: 1,
  });
  assert.deepEqual(locateRecords({ tags: ['a', 'b'], list: ['x'] }), { path: ['list'], count: 1 });
  assert.equal(locateRecords({ errors: ['bad thing'] }), null);
});

test('data beats JSON:API included', () => {
  const body = {
    data: [{ type: 'articles', id: '1' }],
    included: [
      { type: 'people', id: '9' },
      { type: 'people', id: '8' },
    ],
    links: { next: '/a?page[number]=2' },
  };
  assert.deepEqual(locateRecords(body), { path: ['data'], count: 1 });
});

test('empty records arrays are still found (last page)', () => {
  assert.deepEqual(locateRecords({ data: [], meta: { total: 0 } }), { path: ['data'], count: 0 });
});

test('scalars and plain objects without arrays: null', () => {
  for (const v of [null, 1, 'x', true, {}, { id: 1, name: 'Alice' }]) assert.equal(locateRecords(v), null);
});

test('bounded work on a huge map-like object', () => {
  const big: Record<string, unknown> = {};
  for (let i = 0; i < 50_000; i++) big[`k${i}`] = { v: i };
  big.zzz = [{ id: 1 }];
  assert.doesNotThrow(() => locateRecords(big));
});
