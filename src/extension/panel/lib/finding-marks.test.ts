import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../core/diagnose/types.ts';
import { countBySeverity, formatCounts, markNodes } from './finding-marks.ts';

const U = 'https://api.test/items';
const nodes = [
  { id: 'o0', url: `${U}?offset=0&limit=10` },
  { id: 'o10', url: `${U}?limit=10&offset=10` },
  { id: 'o20', url: `${U}?offset=20&limit=10` },
  { id: 'gap:after', url: `${U}?offset=20&limit=10`, gap: { from: 4, to: 9, count: 6 } },
];
const pages = [
  { url: `${U}?offset=0&limit=10` },
  { url: `${U}?offset=10&limit=10` },
  { url: `${U}?offset=20&limit=10` },
];
const finding = (rule: string, severity: Finding['severity'], evidence: Finding['evidence']): Finding => ({
  rule,
  severity,
  message: 'm',
  evidence,
  fix: 'f',
});

test('evidence pages (1-based) and URLs mark the nodes they name, whatever the query order', () => {
  const marks = markNodes(nodes, pages, [
    finding('duplicate-records', 'error', { pages: [1, 2] }),
    finding('inconsistent-totals', 'warning', {
      urls: [`${U}?limit=10&offset=20`, `${U}?offset=10&limit=10`],
    }),
  ]);
  assert.deepEqual(marks.get('o0'), { rules: ['duplicate-records'], severity: 'error' });
  assert.deepEqual(marks.get('o10'), {
    rules: ['duplicate-records', 'inconsistent-totals'],
    severity: 'error',
  });
  assert.deepEqual(marks.get('o20'), { rules: ['inconsistent-totals'], severity: 'warning' });
  assert.equal(marks.has('gap:after'), false, 'a gap node stands for pages, it is not one');
});

test('a more severe finding raises the mark; unknown pages are ignored', () => {
  const marks = markNodes(nodes, pages, [
    finding('page-size', 'info', { pages: [3, 9] }),
    finding('cursor-cycle', 'error', { pages: [3] }),
  ]);
  assert.deepEqual(marks.get('o20'), { rules: ['page-size', 'cursor-cycle'], severity: 'error' });
  assert.equal(marks.size, 1);
});

test('counts by severity and their header text', () => {
  const c = countBySeverity([
    finding('a', 'error', {}),
    finding('b', 'warning', {}),
    finding('c', 'warning', {}),
  ]);
  assert.deepEqual(c, { error: 1, warning: 2, info: 0 });
  assert.equal(formatCounts(c), '1 error · 2 warnings');
  assert.equal(formatCounts({ error: 0, warning: 0, info: 3 }), '3 info');
  assert.equal(formatCounts({ error: 0, warning: 0, info: 0 }), 'no findings');
});
