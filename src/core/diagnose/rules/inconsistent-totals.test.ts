import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../fixtures/api.ts';
import { findingsOf, summary } from '../fixtures/helpers.ts';

test('inconsistent-totals: 23 records in pages of 5 cannot be 4 pages', () => {
  const findings = findingsOf(
    'https://shop.test/api/customers?page_size=5',
    api.vend(api.records(23), { pages: 4 }),
  );
  const f = findings.find((x) => x.rule === 'inconsistent-totals');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'warning');
  assert.equal(f.evidence.values?.expectedPages, 5);
});

test('inconsistent-totals: the total changes between pages', () => {
  const findings = findingsOf(
    'https://shop.test/api/customers?page_size=5',
    api.vend(api.records(23), { results: (p) => (p < 3 ? 23 : 21) }),
  );
  const f = findings.find((x) => x.rule === 'inconsistent-totals');
  assert.ok(f, summary(findings).join('\n'));
  assert.match(f.message, /changed during the chain/);
});

test('inconsistent-totals: silent when totals agree', () => {
  const findings = findingsOf('https://shop.test/api/customers?page_size=5', api.vend(api.records(25)));
  assert.deepEqual(summary(findings), []);
});
