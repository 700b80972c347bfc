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

/** A Link-header cursor API over tickets with a status; page 1 honours `status`, its next link drops it. */
function ticketsDroppingStatus(): api.Handler {
  const all = api.records(30).map((r) => ({ ...r, status: r.id % 3 === 0 ? 'closed' : 'open' }));
  return (u) => {
    const status = u.searchParams.get('status');
    const view = status ? all.filter((r) => r.status === status) : all;
    const after = Number(u.searchParams.get('cursor') ?? 0);
    const data = view.filter((r) => r.id > after).slice(0, 5);
    const next = new URL(u.href);
    next.searchParams.set('cursor', String(data[data.length - 1]?.id ?? after));
    next.searchParams.delete('status');
    const more = view.some((r) => r.id > (data[data.length - 1]?.id ?? Infinity));
    const headers: Record<string, string> = more ? { Link: `<${next.href}>; rel="next"` } : {};
    return { headers, body: data };
  };
}

test('link-hygiene: a cursor chain whose later pages serve status=closed for status=open', () => {
  const findings = findingsOf('https://api.test/tickets?status=open&per_page=5', ticketsDroppingStatus());
  const f = findings.find((x) => x.rule === 'link-hygiene');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /asks status=open .* serves \d+ records? with status=closed/);
  assert.deepEqual(f.evidence.pages, [1, 2]);
});

test('link-hygiene: silent when the filter holds on every page of a cursor chain', () => {
  const all = api.records(30).map((r) => ({ ...r, status: 'open' }));
  const handler: api.Handler = (u) => {
    const after = Number(u.searchParams.get('cursor') ?? 0);
    const data = all.filter((r) => r.id > after).slice(0, 5);
    const next = new URL(u.href);
    next.searchParams.set('cursor', String(data[data.length - 1]?.id ?? after));
    next.searchParams.delete('status');
    const more = all.some((r) => r.id > (data[data.length - 1]?.id ?? Infinity));
    const headers: Record<string, string> = more ? { Link: `<${next.href}>; rel="next"` } : {};
    return { headers, body: data };
  };
  assert.deepEqual(summary(findingsOf('https://api.test/tickets?status=open&per_page=5', handler)), []);
});
