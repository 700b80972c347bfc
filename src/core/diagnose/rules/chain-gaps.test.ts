import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../fixtures/api.ts';
import { num } from '../fixtures/bug-cases.ts';
import { findingsOf, summary } from '../fixtures/helpers.ts';
import { drfOffset } from '../fixtures/public-api-styles.ts';
import { github, gitlab } from '../fixtures/styles.ts';

const early = (findings: ReturnType<typeof findingsOf>) =>
  findings.find((x) => x.rule === 'missing-records' && /ends the chain too early/.test(x.message));

test('missing-records: total 15 ends the chain at page 3, the probe of page 4 brings 5 fresh records', () => {
  const findings = findingsOf(
    'https://api.test/v1/users?per_page=5',
    api.laravel(api.records(23), { total: 15 }),
    ['https://api.test/v1/users?per_page=5&page=4'],
  );
  const f = early(findings);
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.evidence.pages, [3, 4]);
  assert.deepEqual(f.evidence.ids, ['16', '17', '18', '19', '20']);
  assert.equal(f.evidence.urls?.[1], 'https://api.test/v1/users?per_page=5&page=4');
  assert.equal(f.evidence.values?.freshRecords, 5);
  assert.match(f.message, /ends at page 3 \(the API says 3 pages\).*page 4 still returns 5 records/);
  assert.ok(f.fix.length > 40);
  assert.deepEqual(summary(findings.filter((x) => x !== f)), [], 'one bug, one finding');
});

test('missing-records: no next link on page 3 of a Link-header chain, page 4 still has records', () => {
  const { start, handler, extra } = num(github, { endAt: 3 }, { probe: 4 })();
  const f = early(findingsOf(start, handler, extra));
  assert.ok(f);
  assert.match(f.message, /no next link/);
});

test('missing-records: silent when the probe past the end is empty, 404 or the clamped last page', () => {
  const probe = ['https://api.test/v1/users?per_page=5&page=6'];
  assert.deepEqual(
    summary(findingsOf(probe[0].replace('&page=6', ''), api.laravel(api.records(23)), probe)),
    [],
  );
  const notFound = num(gitlab, { notFoundPastEnd: true }, { probe: 6 })();
  assert.deepEqual(summary(findingsOf(notFound.start, notFound.handler, notFound.extra)), []);
  const clamped = findingsOf(
    'https://shop.test/api/customers?page_size=5',
    api.vend(api.records(23), { clamp: true }),
    ['https://shop.test/api/customers?page_size=5&page=6'],
  );
  assert.deepEqual(
    clamped.map((x) => x.rule),
    ['repeated-last-page'],
  );
});

test('missing-records: silent when the records past the end arrived after the chain ended (the total grew)', () => {
  // Oldest first; five records are appended between the last page and the probe.
  const { start, handler, extra } = num(
    gitlab,
    { data: (call) => (call < 5 ? api.records(23) : api.records(28)) },
    { probe: 6 },
  )();
  assert.deepEqual(summary(findingsOf(start, handler, extra)), []);
});

test('missing-records: a next link that jumps from page 1 to page 3 skips page 2', () => {
  const { start, handler } = num(github, { nextOverride: { on: 1, to: 3 } })();
  const findings = findingsOf(start, handler);
  const f = findings.find((x) => x.rule === 'missing-records' && /jumps/.test(x.message));
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /page 1 jumps to page 3, so page 2 is never requested/);
  assert.deepEqual(f.evidence.values, { page: 1, next: 3, skipped: 1 });
});

test('missing-records: an offset next link that steps past the records served', () => {
  const { start, handler } = num(drfOffset, { nextOverride: { on: 1, to: 3 } })();
  const findings = findingsOf(start, handler);
  const f = findings.find((x) => x.rule === 'missing-records' && /jumps/.test(x.message));
  assert.ok(f, summary(findings).join('\n'));
  assert.match(f.message, /offset 0 jumps to offset 10, so 5 records \(offsets 5–9\)/);
});
