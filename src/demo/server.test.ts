import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StyleInfo } from './http.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import { walkStyle } from './walkers.ts';

let server: DemoServer;
let styles: StyleInfo[];

before(async () => {
  server = await startDemoServer({ port: 0 });
  styles = await (await fetch(`${server.origin}/api/styles.json`)).json();
});
after(() => server.close());

const get = (path: string, init?: RequestInit) => fetch(server.origin + path, init);

test('the catalog lists every style with the contract fields', () => {
  assert.ok(styles.length >= 25);
  const names = new Set(styles.map((s) => s.style));
  assert.equal(names.size, styles.length, 'style names are unique');
  for (const s of styles) {
    assert.match(s.firstPage, /^\//);
    assert.ok(['page', 'offset', 'cursor', 'link'].includes(s.kind), s.style);
    assert.ok(s.totalRecords > 0 && s.pageSize > 0 && s.doc && s.title && s.idField, s.style);
    assert.notEqual(s.totalRecords % s.pageSize, 0, `${s.style}: last page should be short`);
  }
});

describe('every style walks to exactly totalRecords unique records', () => {
  // The catalog is only known after `before`, so one test per style is registered from a fixed list.
  for (const name of [
    'vanilla',
    'vanilla-more',
    'vend',
    'vend-customers',
    'vend-2',
    'laravel',
    'laravel-cursor',
    'page-number',
    'uservoice',
    'uservoice-cursor',
    'github',
    'stripe',
    'slack',
    'json-api',
    'hal',
    'odata',
    'google',
    'relay',
    'drf',
    'gitlab',
    'wordpress',
    'postgrest',
    'offset-limit',
    'zendesk',
    'json-server',
  ]) {
    test(name, async () => {
      const style = styles.find((s) => s.style === name);
      assert.ok(style, `catalog has ${name}`);
      const walk = await walkStyle(server.origin, style);
      assert.equal(walk.ids.length, style.totalRecords, `${name}: record count`);
      assert.equal(new Set(walk.ids).size, style.totalRecords, `${name}: ids unique`);
      assert.ok(
        walk.ids.every((id) => id !== 'undefined'),
        `${name}: every record has ${style.idField}`,
      );
      assert.ok(walk.pages.length >= 2, `${name}: paginated`);
    });
  }
  test('the fixed list covers the whole catalog', () => {
    assert.equal(styles.length, 25);
  });
});

test('a second crawl yields byte-identical data (deterministic)', async () => {
  for (const style of styles) {
    const a = await walkStyle(server.origin, style);
    const b = await walkStyle(server.origin, style);
    assert.deepEqual(a.records, b.records, style.style);
  }
});

test('latencyMs delays every API response by at least that much', async () => {
  const slow = await startDemoServer({ latencyMs: 20 });
  try {
    await fetch(`${slow.origin}/api/items`).then((r) => r.arrayBuffer());
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await fetch(`${slow.origin}/api/items?offset=${i}`).then((r) => r.arrayBuffer());
      times.push(performance.now() - t);
    }
    assert.ok(Math.min(...times) >= 20, `min ${Math.min(...times)}`);
  } finally {
    await slow.close();
  }
});

test('the demo page: HTML with a strict CSP, its own script, and no external resources', async () => {
  const res = await get('/');
  const html = await res.text();
  assert.match(res.headers.get('content-type')!, /^text\/html/);
  assert.match(res.headers.get('content-security-policy')!, /script-src 'self'/);
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
  assert.doesNotMatch(html, /<script>/, 'no inline script');
  const js = await (await get('/demo.js')).text();
  assert.match(js, /window\.pagescopeDemo = \{ ready, fetchStyle, fetchBug \}/);
  assert.match(js, /textContent/);
  assert.doesNotMatch(js, /innerHTML/);
  const faulted = await (await get('/_faults/latency=1/')).text();
  assert.match(faulted, /src="\/_faults\/latency=1\/demo\.js"/);
});
