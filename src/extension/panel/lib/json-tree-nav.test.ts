import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childrenOf, makeNode, nodeId, type TreeNode } from './json-tree.ts';
import { tabStop, treeKeyAction, visibleRows, type TreeRow } from './json-tree-nav.ts';

const doc = { data: [{ id: 1 }, { id: 2 }], meta: { total: 2 }, ok: true };
const root = makeNode(null, [], doc);
const open = (...paths: string[][]) => new Set([nodeId([]), ...paths.map((p) => nodeId(p))]);
const paths = (rows: TreeRow[]) => rows.map((r) => r.node.path.join('.'));

test('visible rows follow document order, with depth, parent and position in set', () => {
  const rows = visibleRows(root, open(['data'], ['data', '1']), childrenOf);
  assert.deepEqual(paths(rows), ['', 'data', 'data.0', 'data.1', 'data.1.id', 'meta', 'ok']);
  assert.deepEqual(
    rows.map((r) => [r.depth, r.parent, r.posInSet, r.setSize, r.expandable, r.open]),
    [
      [0, -1, 1, 1, true, true],
      [1, 0, 1, 3, true, true],
      [2, 1, 1, 2, true, false],
      [2, 1, 2, 2, true, true],
      [3, 3, 1, 1, false, false],
      [1, 0, 2, 3, true, false],
      [1, 0, 3, 3, false, false],
    ],
  );
  assert.deepEqual(paths(visibleRows(root, new Set(), childrenOf)), ['']);
});

test('children of closed nodes are never built, so a huge body costs what is open', () => {
  const asked: string[] = [];
  const spy = (n: TreeNode) => (asked.push(n.id), childrenOf(n));
  const huge = makeNode(null, [], { rows: new Array(1_000_000).fill({ a: 1 }), meta: {} });
  const rows = visibleRows(huge, open(['rows']), spy);
  assert.deepEqual(asked, [nodeId([]), nodeId(['rows'])]);
  assert.equal(rows.length, 3 + 100, 'root, rows, its 100 ranges, meta');
  assert.equal(rows[2].node.kind, 'range');
});

test('Up/Down/Home/End move between visible rows and stop at the ends', () => {
  const rows = visibleRows(root, open(['data']), childrenOf); // '', data, data.0, data.1, meta, ok
  assert.deepEqual(treeKeyAction(rows, 0, 'ArrowDown'), { focus: 1 });
  assert.deepEqual(treeKeyAction(rows, 3, 'ArrowDown'), { focus: 4 });
  assert.deepEqual(treeKeyAction(rows, 5, 'ArrowDown'), { focus: 5 });
  assert.deepEqual(treeKeyAction(rows, 4, 'ArrowUp'), { focus: 3 });
  assert.deepEqual(treeKeyAction(rows, 0, 'ArrowUp'), { focus: 0 });
  assert.deepEqual(treeKeyAction(rows, 3, 'Home'), { focus: 0 });
  assert.deepEqual(treeKeyAction(rows, 1, 'End'), { focus: 5 });
  assert.equal(treeKeyAction(rows, 1, 'a'), null, 'other keys are left to the panel');
});

test('Right opens a closed node, then steps to its first child; Left closes, then steps to the parent', () => {
  let expanded = open();
  let rows = visibleRows(root, expanded, childrenOf);
  assert.deepEqual(treeKeyAction(rows, 0, 'ArrowLeft'), { toggle: nodeId([]) });
  rows = visibleRows(root, (expanded = open(['data'])), childrenOf);
  assert.deepEqual(treeKeyAction(rows, 0, 'ArrowRight'), { focus: 1 });
  assert.deepEqual(treeKeyAction(rows, 1, 'ArrowRight'), { focus: 2 }, 'open: to the first child');
  assert.deepEqual(treeKeyAction(rows, 2, 'ArrowRight'), { toggle: nodeId(['data', '0']) });
  assert.deepEqual(treeKeyAction(rows, 5, 'ArrowRight'), {}, 'a leaf: nothing');
  assert.deepEqual(treeKeyAction(rows, 3, 'ArrowLeft'), { focus: 1 }, 'closed child: to the parent');
  assert.deepEqual(treeKeyAction(rows, 1, 'ArrowLeft'), { toggle: nodeId(['data']) });
  assert.deepEqual(treeKeyAction(rows, 5, 'ArrowLeft'), { focus: 0 }, 'a leaf: to the parent');
  assert.deepEqual(treeKeyAction(rows, 4, 'Enter'), { toggle: nodeId(['meta']) });
  assert.deepEqual(treeKeyAction(rows, 4, ' '), { toggle: nodeId(['meta']) });
  assert.deepEqual(treeKeyAction(rows, 5, 'Enter'), {});
  const emptyRoot = visibleRows(makeNode(null, [], []), expanded, childrenOf);
  assert.deepEqual(treeKeyAction(emptyRoot, 0, 'ArrowRight'), {}, 'an empty array is a leaf');
  assert.deepEqual(treeKeyAction(emptyRoot, 0, 'ArrowLeft'), { focus: 0 }, 'the root has no parent');
});

test('the tab stop is the focused row, or the root when that row is gone', () => {
  const rows = visibleRows(root, open(['data']), childrenOf);
  assert.equal(tabStop(rows, null), 0);
  assert.equal(tabStop(rows, nodeId(['data', '1'])), 3);
  assert.equal(tabStop(rows, nodeId(['meta', 'total'])), 0);
});
