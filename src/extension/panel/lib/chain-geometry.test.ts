import { test } from 'node:test';
import assert from 'node:assert/strict';
import { focusIndex, layoutChainRow, nodeWidth } from './chain-geometry.ts';

const nodes = (labels: string[]) => labels.map((label, i) => ({ id: `n${i}`, label }));
const O = { charWidth: 7, nodeHeight: 22, spacing: 22, minWidth: 28, padding: 8, margin: 6 };

test('nodes sit in one row, left to right, widths from their labels', () => {
  const l = layoutChainRow(nodes(['1', '2', 'Y3ljbGU6…']), []);
  assert.deepEqual(
    l.boxes.map((b) => b.x),
    [6, 6 + 28 + 22, 6 + 28 + 22 + 28 + 22],
  );
  assert.equal(l.boxes[2].w, 9 * 7 + 16);
  assert.ok(l.boxes.every((b) => b.y === l.boxes[0].y && b.h === 22));
  assert.equal(l.width, l.boxes[2].x + l.boxes[2].w + 6);
  // No arcs, no room for them: a compact row.
  assert.equal(l.boxes[0].y, 6);
  assert.equal(l.height, 6 + 22 + 6);
});

test('room above for jump arcs and below for prev arcs, only when there are such edges', () => {
  const jump = layoutChainRow(nodes(['1', '2', '3']), [{ from: 'n2', to: 'n0', rel: 'next' }]);
  assert.ok(jump.boxes[0].y >= 26 && jump.height === jump.boxes[0].y + 22 + 6);
  const prev = layoutChainRow(nodes(['1', '2']), [{ from: 'n1', to: 'n0', rel: 'prev' }]);
  assert.ok(prev.boxes[0].y === 6 && prev.height >= 6 + 22 + 26);
});

test('short labels keep the minimum width; an empty chain has a margin-only size', () => {
  assert.equal(nodeWidth('1', O), 28);
  assert.equal(nodeWidth('@1000', O), 5 * 7 + 16);
  assert.equal(layoutChainRow([], []).width, 12);
});

test('next to the neighbour is a straight arrow between the boxes', () => {
  const l = layoutChainRow(nodes(['1', '2']), [{ from: 'n0', to: 'n1', rel: 'next' }]);
  const [a, b] = l.boxes;
  assert.equal(l.edges[0].d, `M${a.x + a.w} ${a.y + 11} L${b.x} ${b.y + 11}`);
});

test('a next link back (cycle) arcs above the row, a prev link arcs below, a self link loops', () => {
  const l = layoutChainRow(nodes(['1', '2', '3']), [
    { from: 'n2', to: 'n1', rel: 'next' },
    { from: 'n1', to: 'n0', rel: 'prev' },
    { from: 'n0', to: 'n0', rel: 'next' },
  ]);
  const y = l.boxes[0].y;
  const ys = (d: string) => [...d.matchAll(/-?\d+(\.\d+)? (-?\d+(\.\d+)?)/g)].map((m) => Number(m[2]));
  assert.ok(
    ys(l.edges[0].d).some((v) => v < y),
    'cycle arc rises above the nodes',
  );
  assert.ok(
    ys(l.edges[1].d).some((v) => v > y + 22),
    'prev arc dips below the nodes',
  );
  assert.ok(ys(l.edges[2].d).every((v) => v <= y) && l.edges[2].d.startsWith('M'));
  assert.ok(
    ys(l.edges[0].d).every((v) => v >= 0),
    'arcs stay inside the drawing',
  );
});

test('edges to nodes not drawn are dropped', () => {
  const l = layoutChainRow(nodes(['1']), [{ from: 'n0', to: 'elsewhere', rel: 'next' }]);
  assert.equal(l.edges.length, 0);
});

test('focus: the selected node, else the first fetched one', () => {
  const ns = [
    { id: 'a', state: 'predicted' },
    { id: 'b', state: 'seen' },
    { id: 'c', state: 'crawled' },
  ];
  assert.equal(focusIndex(ns, 'c'), 2);
  assert.equal(focusIndex(ns), 1);
  assert.equal(focusIndex([{ id: 'x', state: 'predicted' }]), 0);
});
