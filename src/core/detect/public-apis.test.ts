// Public APIs not covered elsewhere, each shaped after its own docs (fixtures/public-apis-*.ts name
// the pages): detect() must call every one paginated, of the right kind, with its records, totals
// and an absolute next request that keeps the request's other parameters — and must call none of
// the lookalikes (fixtures/public-apis-negatives.ts) paginated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from './index.ts';
import { pageRequest, queryEntries } from './params.ts';
import { exchangeOf, mismatches } from './fixtures/body-fixture.ts';
import type { PublicApiFixture } from './fixtures/public-api-fixture.ts';
import { publicPageFixtures } from './fixtures/public-apis-page.ts';
import { publicOffsetFixtures } from './fixtures/public-apis-offset.ts';
import { publicCursorFixtures } from './fixtures/public-apis-cursor.ts';
import { publicApiNegatives } from './fixtures/public-apis-negatives.ts';
import type { Detection } from './types.ts';

const publicApiFixtures: PublicApiFixture[] = [
  ...publicPageFixtures,
  ...publicOffsetFixtures,
  ...publicCursorFixtures,
];

/** Every string the server sent: a next URL among them was printed, not built. */
function sent(f: PublicApiFixture): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      out.push(v);
      for (const m of v.matchAll(/<([^>]*)>/g)) out.push(m[1]);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(f.body);
  walk(f.headers);
  return out;
}

/** Request parameters (other than the pagination ones) that `url` lost or changed. */
function dropped(d: Detection, url: string): string[] {
  const pagination = new Set(Object.values(d.params).filter((v): v is string => typeof v === 'string'));
  const have = queryEntries(url);
  return [...queryEntries(d.url)].filter(([k, v]) => !pagination.has(k) && have.get(k) !== v).map(([k]) => k);
}

/** What every detection of a public API must hold besides the fixture's own expectations. */
function properties(f: PublicApiFixture, d: Detection): string[] {
  const out: string[] = [];
  if (JSON.stringify(structuredClone(d)) !== JSON.stringify(d)) out.push('not plain data');
  if (d.next) {
    if (!/^https?:\/\//.test(d.next.url)) out.push(`next is not absolute http(s): ${d.next.url}`);
    const printed = sent(f).some((s) => {
      try {
        return new URL(s, d.url).href === d.next!.url;
      } catch {
        return false;
      }
    });
    if (!printed && dropped(d, d.next.url).length) out.push(`next drops ${dropped(d, d.next.url)}`);
  }
  const page2 = pageRequest(d, (d.params.pageBase ?? 1) + 1);
  if (page2 && dropped(d, page2.url).length) out.push(`page N drops ${dropped(d, page2.url)}`);
  return out.map((m) => `${f.name}: ${m}`);
}

for (const f of publicApiFixtures) {
  test(`public API: ${f.name}`, () => {
    const d = detect(exchangeOf(f));
    assert.ok(d, `${f.name}: not detected`);
    const want = { ...f, expect: { style: d.style, ...f.expect } };
    assert.deepEqual([...mismatches(want, d), ...properties(f, d)], []);
  });
}

for (const n of publicApiNegatives) {
  test(`public API lookalike, not paginated: ${n.name}`, () => {
    assert.equal(detect(exchangeOf(n)), null);
  });
}

test('the public-API table covers at least 30 APIs, each with its docs named', () => {
  const apis = new Set(publicApiFixtures.map((f) => f.name.split(':')[0]));
  assert.ok(apis.size >= 30, `${apis.size} APIs`);
});
