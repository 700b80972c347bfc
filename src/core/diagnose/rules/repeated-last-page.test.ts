import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../fixtures/api.ts';
import { findingsOf, summary } from '../fixtures/helpers.ts';

test('repeated-last-page: asking for page 6 of 5 returns page 5 again', () => {
  const findings = findingsOf(
    'https://shop.test/api/customers?page_size=5',
    api.vend(api.records(23), { clamp: true }),
    ['https://shop.test/api/customers?page_size=5&page=6'],
  );
  const f = findings.find((x) => x.rule === 'repeated-last-page');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.evidence.pages, [5, 6]);
  assert.equal(
    findings.filter((x) => x.rule === 'duplicate-records').length,
    0,
    'a repeated page is not also reported as duplicates',
  );
});

test('repeated-last-page: silent when past the end is empty', () => {
  const findings = findingsOf('https://shop.test/api/customers?page_size=5', api.vend(api.records(23)), [
    'https://shop.test/api/customers?page_size=5&page=6',
  ]);
  assert.deepEqual(summary(findings), []);
});
