import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../fixtures/api.ts';
import { findingsOf, summary } from '../fixtures/helpers.ts';

/** The bug: the server slices an unsorted table, then sorts only the page. */
function sortsEachPage(data: api.Rec[]): api.Handler {
  const base = api.laravel(data);
  return (u) => {
    const r = base(u);
    (r.body as { data: api.Rec[] }).data.sort((a, b) => a.created_at.localeCompare(b.created_at));
    return r;
  };
}

const scrambled = api.records(20).map((r, i) => ({
  ...r,
  id: ((i * 7) % 20) + 100,
  created_at: new Date(Date.UTC(2024, 0, 1, 0, 0, (i * 7) % 20)).toISOString(),
}));

test('unstable-order: sorted by created_at inside each page but not across pages', () => {
  const findings = findingsOf(
    'https://api.test/v1/users?per_page=5&sort=created_at',
    sortsEachPage(scrambled),
  );
  const f = findings.find((x) => x.rule === 'unstable-order');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'warning');
  assert.equal(f.evidence.values?.field, 'created_at');
});

test('unstable-order: silent when the sort holds across pages', () => {
  const sorted = [...scrambled].sort((a, b) => a.created_at.localeCompare(b.created_at));
  const findings = findingsOf('https://api.test/v1/users?per_page=5&sort=created_at', api.laravel(sorted));
  assert.deepEqual(summary(findings), []);
});
