import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonForDisplay } from './exact-json.ts';
import {
  childrenOf,
  highlightOf,
  initiallyExpanded,
  isExactInteger,
  isExpandable,
  makeNode,
  nodeId,
  parsePath,
  preview,
} from './json-tree.ts';

const doc = { data: [{ id: 1 }, { id: 2 }], meta: { total: 2, next: null }, ok: true, name: '<img src=x>' };

test('root and object children with previews', () => {
  const root = makeNode(null, [], doc);
  assert.equal(preview(root), '{…} 4 keys');
  const kids = childrenOf(root);
  assert.deepEqual(
    kids.map((k) => [k.key, k.kind, preview(k)]),
    [
      ['data', 'array', 'Array(2)'],
      ['meta', 'object', '{…} 2 keys'],
      ['ok', 'boolean', 'true'],
      ['name', 'string', '"<img src=x>"'],
    ],
  );
  assert.deepEqual(kids[0].path, ['data']);
  assert.equal(isExpandable(kids[2]), false);
  assert.equal(isExpandable(makeNode('e', ['e'], [])), false);
});

test('big arrays are split into ranges, lazily, with counts', () => {
  const big = Array.from({ length: 250 }, (_, i) => i);
  const root = makeNode(null, [], big);
  assert.equal(preview(root), 'Array(250)');
  const ranges = childrenOf(root);
  assert.deepEqual(ranges.map(preview), ['[0 … 99]', '[100 … 199]', '[200 … 249]']);
  assert.equal(ranges[2].size, 50);
  const items = childrenOf(ranges[1]);
  assert.equal(items.length, 100);
  assert.deepEqual(items[0].path, ['100']);
  assert.equal(items[0].value, 100);
});

test('very big arrays nest ranges so no level has more than CHUNK children', () => {
  const huge = new Array(1_000_001).fill(0);
  const top = childrenOf(makeNode(null, ['rows'], huge));
  assert.ok(top.length <= 100);
  assert.deepEqual(top[0].range, [0, 1_000_000]);
  assert.deepEqual(top[1].range, [1_000_000, 1_000_001]);
  const second = childrenOf(top[0]);
  assert.equal(second.length, 100);
  assert.deepEqual(second[1].range, [10_000, 20_000]);
  const ids = new Set([...top, ...second].map((n) => n.id));
  assert.equal(ids.size, top.length + second.length, 'range ids are unique');
});

test('long strings are cut in the preview with a count', () => {
  const p = preview(makeNode('s', ['s'], 'x'.repeat(2500)));
  assert.ok(p.endsWith('… (500 more chars)'));
  assert.ok(p.length < 2100);
});

test('integers beyond 2^53 preview as their exact digits, as numbers; digit strings stay quoted', () => {
  const r = parseJsonForDisplay(
    '{"id":9007199254740993,"neg":-9007199254740993,"id_str":"9007199254740993","safe":42,"f":0.5}',
  );
  assert.ok(r.ok);
  const kids = childrenOf(makeNode(null, [], r.value));
  assert.deepEqual(
    kids.map((k) => [k.key, k.kind, preview(k), isExactInteger(k)]),
    [
      ['id', 'number', '9007199254740993', true],
      ['neg', 'number', '-9007199254740993', true],
      ['id_str', 'string', '"9007199254740993"', false],
      ['safe', 'number', '42', false],
      ['f', 'number', '0.5', false],
    ],
  );
  assert.equal(isExpandable(kids[0]), false);
  // What JSON.parse alone would have shown:
  assert.equal(preview(makeNode('id', ['id'], JSON.parse('9007199254740993'))), '9007199254740992');
});

test('parsePath understands dots, indexes and [] wildcards', () => {
  assert.deepEqual(parsePath('meta.total'), ['meta', 'total']);
  assert.deepEqual(parsePath('data[0].id'), ['data', '0', 'id']);
  assert.deepEqual(parsePath('edges[].node'), ['edges', '*', 'node']);
  assert.deepEqual(parsePath('(root)'), []);
});

test('highlightOf marks hits and their ancestors', () => {
  const patterns = [parsePath('meta.total'), parsePath('edges[].cursor')];
  assert.equal(highlightOf(['meta', 'total'], patterns), 'hit');
  assert.equal(highlightOf(['meta'], patterns), 'ancestor');
  assert.equal(highlightOf([], patterns), 'ancestor');
  assert.equal(highlightOf(['edges', '3', 'cursor'], patterns), 'hit');
  assert.equal(highlightOf(['data'], patterns), null);
});

test('initiallyExpanded opens the way to evidence, but not every array item', () => {
  const ids = initiallyExpanded([parsePath('meta.page.next'), parsePath('edges[].cursor')]);
  assert.deepEqual(
    [...ids].sort(),
    [nodeId([]), nodeId(['edges']), nodeId(['meta']), nodeId(['meta', 'page'])].sort(),
  );
});

test('revealPath opens the ancestors and the ranges of big arrays on the way to a node', async () => {
  const { revealPath, makeNode, nodeId } = await import('./json-tree.ts');
  const value = { rows: Array.from({ length: 25_000 }, (_, i) => ({ id: i })) };
  const root = makeNode(null, [], value);
  const r = revealPath(root, ['rows', '12345', 'id'])!;
  assert.equal(r.target, nodeId(['rows', '12345', 'id']));
  assert.deepEqual(r.open, [
    nodeId([]),
    nodeId(['rows']),
    nodeId(['rows'], [10_000, 20_000]),
    nodeId(['rows'], [12_300, 12_400]),
    nodeId(['rows', '12345']),
  ]);
  assert.equal(revealPath(root, ['rows', '99999']), null);
  assert.equal(revealPath(root, ['nope']), null);
  assert.deepEqual(revealPath(root, []), { open: [], target: nodeId([]) });
});

test('a record nested 5000 levels deep: parsed, the tree stops at MAX_DEPTH with a "too deep" line, no stack overflow', async () => {
  const { MAX_DEPTH, makeNode, revealPath, preview, childrenOf } = await import('./json-tree.ts');
  const { visibleRows } = await import('./json-tree-nav.ts');
  const depth = 5000;
  const text = '{"a":'.repeat(depth) + '[1]' + '}'.repeat(depth);
  const parsed = parseJsonForDisplay(text);
  assert.ok(parsed.ok);
  const root = makeNode(null, [], parsed.value);
  const r = revealPath(root, Array(depth).fill('a'))!;
  assert.equal(r.open.length, MAX_DEPTH, 'opens down to the limit, no further');
  const rows = visibleRows(root, new Set(r.open), (n) => childrenOf(n));
  assert.equal(rows.length, MAX_DEPTH + 1);
  const last = rows[rows.length - 1];
  assert.equal(last.node.kind, 'deep');
  assert.equal(last.node.id, r.target);
  assert.equal(last.expandable, false);
  assert.match(preview(last.node), /^\{…\} nested too deep to show \(over 200 levels\): see the raw body$/);
  assert.deepEqual(childrenOf(last.node), []);
});
