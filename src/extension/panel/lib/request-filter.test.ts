import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFilter, compileText } from './request-filter.ts';

const rows = [
  { id: 'a', search: 'GET 200 http://x.test/api/users?page=2 vanilla', paginated: true },
  { id: 'b', search: 'GET 200 http://x.test/api/config', paginated: false },
  { id: 'c', search: 'POST 201 http://x.test/api/Orders?cursor=abc stripe', paginated: true },
];
const ids = (spec: Parameters<typeof applyFilter>[1]) => applyFilter(rows, spec).rows.map((r) => r.id);

test('empty text keeps everything', () => {
  assert.deepEqual(ids({ text: '  ' }), ['a', 'b', 'c']);
});

test('plain text is a case-insensitive substring', () => {
  assert.deepEqual(ids({ text: 'orders' }), ['c']);
  assert.deepEqual(ids({ text: 'API/' }), ['a', 'b', 'c']);
  assert.deepEqual(ids({ text: 'post' }), ['c']);
});

test('/regex/ with flags', () => {
  assert.deepEqual(ids({ text: '/page=\\d+/' }), ['a']);
  assert.deepEqual(ids({ text: '/orders/' }), []);
  assert.deepEqual(ids({ text: '/orders/i' }), ['c']);
});

test('a global flag does not make matching stateful', () => {
  const many = Array.from({ length: 6 }, (_, i) => ({ search: `row ${i} api`, paginated: false }));
  assert.equal(applyFilter(many, { text: '/api/g' }).rows.length, 6);
});

test('a bad regex reports a clear error and does not hide rows', () => {
  const r = applyFilter(rows, { text: '/users(/' });
  assert.match(r.error ?? '', /^Invalid regular expression: /);
  assert.equal(r.rows.length, 3);
  const c = compileText('/[/');
  assert.equal(c.ok, false);
});

test('invert keeps the non-matching rows', () => {
  assert.deepEqual(ids({ text: 'config', invert: true }), ['a', 'c']);
  assert.deepEqual(ids({ text: '/cursor|page/', invert: true }), ['b']);
});

test('invert with no text (or a bad regex) does not hide everything', () => {
  assert.deepEqual(ids({ text: '', invert: true }), ['a', 'b', 'c']);
  assert.deepEqual(ids({ text: '/(/', invert: true }), ['a', 'b', 'c']);
});

test('paginated only, alone and combined with text and invert', () => {
  assert.deepEqual(ids({ text: '', paginatedOnly: true }), ['a', 'c']);
  assert.deepEqual(ids({ text: 'users', paginatedOnly: true }), ['a']);
  assert.deepEqual(ids({ text: 'users', paginatedOnly: true, invert: true }), ['c']);
});

test('a slash alone or an unclosed slash is plain text', () => {
  assert.deepEqual(ids({ text: '/api' }), ['a', 'b', 'c']);
  assert.deepEqual(ids({ text: '/' }), ['a', 'b', 'c']);
});
