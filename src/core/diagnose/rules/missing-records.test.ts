import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../fixtures/api.ts';
import { findingsOf, summary } from '../fixtures/helpers.ts';

test('missing-records: the total says 25, the complete chain serves 23', () => {
  const findings = findingsOf(
    'https://api.test/v1/users?per_page=5',
    api.laravel(api.records(23), { total: 25 }),
  );
  const f = findings.find((x) => x.rule === 'missing-records');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.evidence.values, { total: 25, unique: 23, served: 23 });
});

test('missing-records: sequential ids skip one record at every page boundary (off-by-one offset)', () => {
  // The server reads offset+1: each page starts one record late.
  const findings = findingsOf(
    'https://x.test/items?limit=5',
    api.offsetApi(() => api.records(40), { skew: (o) => o + o / 5 }),
  );
  const f = findings.find((x) => x.rule === 'missing-records' && x.severity === 'warning');
  assert.ok(f, summary(findings).join('\n'));
  assert.deepEqual(f.evidence.ids?.slice(0, 2), ['5', '7']);
  assert.match(f.message, /skipped/);
});

test('missing-records: silent on a complete chain, and on an incomplete one that has not reached the end', () => {
  const all = findingsOf('https://api.test/v1/users?per_page=5', api.laravel(api.records(23)));
  assert.equal(all.filter((x) => x.rule === 'missing-records').length, 0);
  // A chain stopped at page 2 of 5 (max-pages) proves nothing about the total.
  const partial = findingsOf(
    'https://api.test/v1/users?per_page=5&page=2',
    api.laravel(api.records(23), { total: 25 }),
  );
  assert.equal(partial.filter((x) => x.rule === 'missing-records').length, 0);
});
