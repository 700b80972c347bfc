import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../fixtures/api.ts';
import { findingsOf, summary } from '../fixtures/helpers.ts';

test('page-size: asked for 10, served 5 on every full page → info (a cap)', () => {
  const findings = findingsOf(
    'https://x.test/items?limit=10',
    api.offsetApi(() => api.records(23), { cap: 5 }),
  );
  const f = findings.find((x) => x.rule === 'page-size');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'info');
  assert.deepEqual(f.evidence.values, { asked: 10, served: 5, stated: 5 });
});

test('page-size: a page size that changes mid-chain → warning', () => {
  const data = api.records(30);
  const base = api.laravel(data);
  // Page 2 loses two records to a post-query filter while more pages follow.
  const handler: api.Handler = (u) => {
    const r = base(u);
    const body = r.body as { data: unknown[] };
    if (u.searchParams.get('page') === '2') body.data = body.data.slice(0, 3);
    return r;
  };
  const findings = findingsOf('https://api.test/v1/users?per_page=5', handler);
  const f = findings.find((x) => x.rule === 'page-size');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'warning');
  assert.equal(f.evidence.values?.served, 3);
});

test('page-size: a last link that disagrees with the totals', () => {
  const findings = findingsOf(
    'https://api.test/v1/users?per_page=5',
    api.laravel(api.records(23), { lastLink: 7 }),
  );
  const f = findings.find((x) => x.rule === 'page-size');
  assert.ok(f, summary(findings).join('\n'));
  assert.match(f.message, /last link/);
});
