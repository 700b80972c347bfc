import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../fixtures/api.ts';
import { findingsOf, summary } from '../fixtures/helpers.ts';
import { cur } from '../fixtures/bug-cases.ts';
import { relay } from '../fixtures/public-api-styles.ts';

test('next-on-last-page: the page the totals call last still has a next link', () => {
  const findings = findingsOf(
    'https://api.test/v1/users?per_page=5',
    api.laravel(api.records(23), { nextOnLast: true }),
  );
  const f = findings.find((x) => x.rule === 'next-on-last-page');
  assert.ok(f, summary(findings).join('\n'));
  assert.equal(f.severity, 'warning');
  assert.equal(f.evidence.values?.page, 5);
});

test('next-on-last-page: has_more true on an empty page', () => {
  const data = api.records(10).map((r) => ({ ...r, id: `ch_${r.id}` }));
  const findings = findingsOf(
    'https://api.test/v1/charges?limit=5',
    api.stripe(data, { hasMoreOnEmpty: true }),
  );
  const f = findings.find((x) => x.rule === 'next-on-last-page');
  assert.ok(f, summary(findings).join('\n'));
  assert.match(f.message, /empty/);
});

test('next-on-last-page: silent for Vanilla, whose Paging-Next may sit on empty pages by design', () => {
  const findings = findingsOf(
    'https://forum.test/api/v2/discussions?limit=5',
    api.vanilla(api.records(15), { hidden: new Set([6, 7, 8, 9, 10]) }),
  );
  assert.deepEqual(summary(findings), []);
});

test('next-on-last-page: without totals, a short page links on to an empty page that ends the chain', () => {
  const base = api.github(api.records(17));
  // The bug: rel="next" on the short last page (page 4 of 5 per page); page 5 is a bare [] with no Link.
  const handler: api.Handler = (u) => {
    const r = base(u);
    const page = Number(u.searchParams.get('page') ?? 1);
    if (page === 4) r.headers = { Link: `<${u.origin}${u.pathname}?per_page=5&page=5>; rel="next"` };
    return r;
  };
  const findings = findingsOf('https://gh.test/repos/o/r/issues?per_page=5', handler, [
    'https://gh.test/repos/o/r/issues?per_page=5&page=5',
  ]);
  const f = findings.find((x) => x.rule === 'next-on-last-page');
  assert.ok(f, summary(findings).join('\n'));
  assert.match(f.message, /short \(2 of 5\)/);
});

test('next-on-last-page: hasNextPage true with endCursor null on the last page (Relay)', () => {
  const { start, handler } = cur(relay, { moreWithoutCursor: true })();
  const findings = findingsOf(start, handler);
  const f = findings.find((x) => x.rule === 'next-on-last-page');
  assert.ok(f, summary(findings).join('\n'));
  assert.match(f.message, /says there is more \(hasMore: true\) but gives no next cursor/);
  assert.deepEqual(f.evidence.pages, [5]);
  // The clean chain ends with hasNextPage false.
  const clean = cur(relay, {})();
  assert.deepEqual(summary(findingsOf(clean.start, clean.handler)), []);
});
