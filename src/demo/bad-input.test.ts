/** Bad input never crashes the demo: clamps or JSON 4xx, the way each modelled API answers. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { StyleInfo } from './http.ts';
import { startDemoServer, type DemoServer } from './server.ts';

let server: DemoServer;
let styles: StyleInfo[];
before(async () => {
  server = await startDemoServer();
  styles = await (await fetch(`${server.origin}/api/styles.json`)).json();
});
after(() => server.close());

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(server.origin + path, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as any };
};

const JUNK = ['abc', '-5', '100000', '', '99999999999999999999', 'eyJpZCI6Im5vcGUifQ'];
/** Parameters every style is tried with, besides those in its first page (cursor-ish ones included). */
const EXTRA = [
  'page',
  'limit',
  'cursor',
  'after',
  'pageToken',
  'starting_after',
  'page[after]',
  '$skiptoken',
];

test('every style answers junk in every paging parameter with JSON below 500', async () => {
  for (const s of styles) {
    const base = new URL(s.firstPage, server.origin);
    const names = new Set([...base.searchParams.keys(), ...EXTRA]);
    const cases = [...names].flatMap((name) => JUNK.map((junk) => [name, junk] as const));
    // One style at a time, its cases in parallel: fast, and a crash would still be attributed to its style.
    await Promise.all(
      cases.map(async ([name, junk]) => {
        const u = new URL(base);
        u.searchParams.set(name, junk);
        const r = await get(u.pathname + u.search, s.request);
        assert.ok(r.status < 500, `${s.style} ${name}=${junk} → ${r.status}`);
      }),
    );
  }
  assert.equal((await get('/api/styles.json')).status, 200, 'still up');
});

test('documented maximums: clamped where the API clamps, 4xx where it refuses', async () => {
  assert.equal((await get('/repos/pagescope/demo/issues?per_page=100000')).body.length, 100);
  assert.equal((await get('/api/products?page_size=100000')).body.pagination.page_size, 200);
  assert.equal((await get('/api/v2/admin/suggestions?per_page=1000')).body.pagination.per_page, 100);
  assert.equal((await get('/api/v1/customers?pageSize=100000')).body.pageSize, 50);
  assert.equal((await get('/api/v4/projects/42/issues?per_page=1000')).headers.get('x-per-page'), '100');
  assert.equal((await get('/people?size=100000&page=-1')).body.page.size, 1000);
  assert.equal((await get('/v1/projects/demo/books?pageSize=100000')).body.books.length, 128);
  const wp = await get('/wp-json/wp/v2/posts?per_page=100000');
  assert.deepEqual([wp.status, wp.body.code], [400, 'rest_invalid_param']);
  const st = await get('/v1/customers?limit=100000');
  assert.deepEqual(
    [st.status, st.body.error.type, st.body.error.param],
    [400, 'invalid_request_error', 'limit'],
  );
  const va = await get('/api/v2/discussions?limit=100000');
  assert.deepEqual([va.status, va.body.errors[0].field], [422, 'limit']);
  const gql = await get(
    `/graphql?query=${encodeURIComponent('{ repository { issues(first: 101) { totalCount } } }')}`,
  );
  assert.deepEqual([gql.status, gql.body.errors[0].type], [200, 'EXCESSIVE_PAGINATION']);
});

test('non-numeric pages: each API’s own error', async () => {
  assert.equal((await get('/api/v2/discussions?page=abc')).status, 422);
  assert.deepEqual(await get('/drf/snippets/?page=abc').then((r) => [r.status, r.body.detail]), [
    404,
    'Invalid page.',
  ]);
  assert.equal((await get('/drf/snippets/?page=last')).body.next, null);
  assert.deepEqual(await get('/api/v4/projects/42/issues?page=abc').then((r) => [r.status, r.body.error]), [
    400,
    'page is invalid',
  ]);
  assert.equal(
    (await get('/api/v1/customers?pageNumber=abc')).body.title,
    'One or more validation errors occurred.',
  );
  assert.equal((await get('/v1/projects/demo/books?pageSize=-1')).body.error.status, 'INVALID_ARGUMENT');
  assert.deepEqual((await get('/api/conversations.list?cursor=bm9wZQ==')).body, {
    ok: false,
    error: 'invalid_cursor',
  });
  assert.equal(
    (await get('/api/v2/resources?page=abc')).body.meta.currentPage,
    1,
    'Laravel falls back to page 1',
  );
});

test('unknown paths, wrong methods, broken bodies and bad fault specs are JSON 4xx', async () => {
  assert.deepEqual(await get('/nope/../etc/passwd').then((r) => [r.status, r.body.error]), [
    404,
    'not_found',
  ]);
  assert.equal((await get('/api/v2/discussions', { method: 'POST', body: '{}' })).status, 405);
  assert.equal((await get('/graphql', { method: 'POST', body: '{not json' })).status, 400);
  assert.equal((await get('/graphql', { method: 'POST', body: 'x'.repeat(1_100_000) })).status, 413);
  assert.equal((await get('/_faults/fail=2/api/items')).status, 400);
  assert.equal((await get('/_faults/bogus=1/api/items')).status, 400);
  assert.equal((await get('/_faults/%E0%A4%A/api/items')).status, 400);
  assert.equal((await get('/api/styles.json')).status, 200);
});
