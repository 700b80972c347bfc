import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../fixtures/api.ts';
import { findingsOf, summary } from '../fixtures/helpers.ts';

test('link-hygiene: next links drop the status=open filter', () => {
  const findings = findingsOf(
    'https://api.test/v1/tickets?per_page=5&status=open',
    api.laravel(api.records(23), { dropInNext: ['status'] }),
  );
  const f = findings.find((x) => x.rule === 'link-hygiene');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.evidence.values, { status: 'open' });
  assert.match(f.message, /drops status=open/);
});

test('link-hygiene: relative and absolute links mixed in one chain', () => {
  const findings = findingsOf(
    'https://forum.test/api/v2/discussions?limit=5',
    api.vanilla(api.records(15), { absoluteLast: true }),
  );
  const f = findings.find((x) => x.rule === 'link-hygiene');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'warning');
});

test('link-hygiene: silent when every link keeps the filters and one form', () => {
  const findings = findingsOf(
    'https://api.test/v1/tickets?per_page=5&status=open',
    api.laravel(api.records(23)),
  );
  assert.deepEqual(summary(findings), []);
});
