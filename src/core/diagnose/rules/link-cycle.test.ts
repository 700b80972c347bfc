import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../fixtures/api.ts';
import { findingsOf, summary } from '../fixtures/helpers.ts';

test('cursor-cycle: a next cursor that leads back to an earlier page', () => {
  const findings = findingsOf(
    'https://slack.test/api/users.list?limit=5',
    api.slack(api.records(40), { cycleAt: 15 }),
  );
  const f = findings.find((x) => x.rule === 'cursor-cycle');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.evidence.pages, [2, 3]);
});

test('link-cycle: a next link pointing backwards (page 3 → page 1)', () => {
  const findings = findingsOf(
    'https://api.test/v1/users?per_page=5',
    api.laravel(api.records(23), { nextOverride: { on: 3, to: 1 } }),
  );
  const f = findings.find((x) => x.rule === 'link-cycle' && x.severity === 'error');
  assert.ok(f, summary(findings).join('\n'));
  assert.match(f.message, /page 3 leads back to page 1/);
});

test('link-cycle: prev of next is not the page itself', () => {
  const findings = findingsOf(
    'https://api.test/v1/users?per_page=5',
    api.laravel(api.records(23), { prevOverride: { on: 3, to: 1 } }),
  );
  const f = findings.find((x) => x.rule === 'link-cycle');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.evidence.values, { expected: 2, prev: 1 });
});
