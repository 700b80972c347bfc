import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../fixtures/api.ts';
import { findingsOf, summary } from '../fixtures/helpers.ts';

test('duplicate-records: a row inserted while paging an offset API shifts a record onto the next page', () => {
  const before = api.records(20, 1).reverse(); // newest first
  const after = [...api.records(1, 21), ...before]; // a new record arrives after page 1 was read
  const findings = findingsOf(
    'https://x.test/events?limit=5',
    api.offsetApi((call) => (call === 0 ? before : after)),
  );
  const dup = findings.find((f) => f.rule === 'duplicate-records');
  assert.ok(dup, summary(findings).join('\n'));
  assert.equal(dup.severity, 'error');
  assert.deepEqual(dup.evidence.ids, ['16']);
  assert.deepEqual(dup.evidence.pages, [1, 2]);
  assert.match(dup.message, /id 16 on offset 0 and offset 5/);
  assert.match(dup.fix, /cursor|keyset/);
});

test('duplicate-records: silent when every id appears once', () => {
  const findings = findingsOf(
    'https://x.test/events?limit=5',
    api.offsetApi(() => api.records(20)),
  );
  assert.equal(findings.filter((f) => f.rule === 'duplicate-records').length, 0);
});
