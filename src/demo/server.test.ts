import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StyleInfo } from './http.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import { parseLink, walkStyle } from './walkers.ts';

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
  for (const name of ['vanilla', 'vanilla-more', 'vend', 'vend-customers', 'vend-2', 'laravel', 'laravel-cursor', 'page-number', 'uservoice', 'uservoice-cursor', 'github', 'stripe', 'slack', 'json-api', 'hal', 'odata', 'google', 'relay', 'drf', 'gitlab', 'wordpress', 'postgrest', 'offset-limit', 'zendesk', 'json-server']) {
    test(name, async () => {
      const style = styles.find((s) => s.style === name);
      assert.ok(style, `catalog has ${name}`);
      const walk = await walkStyle(server.origin, style);
      assert.equal(walk.ids.length, style.totalRecords, `${name}: record count`);
      assert.equal(new Set(walk.ids).size, style.totalRecords, `${name}: ids unique`);
      assert.ok(walk.ids.every((id) => id !== 'undefined'), `${name}: every record has ${style.idField}`);
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
