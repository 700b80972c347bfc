// Every body fixture through detect(): the registry (all detectors, merge, finalize) must still name
// the fixture's style and kind and keep its next request, and no negative may be called paginated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from './index.ts';
import * as apis from './fixtures/body-apis.ts';
import * as seeds from './fixtures/body-seeds.ts';
import { negativeFixtures } from './fixtures/body-negatives.ts';
import { exchangeOf, mismatches, type BodyFixture } from './fixtures/body-fixture.ts';

const all: BodyFixture[] = [...Object.values(seeds), ...Object.values(apis)].flat();

for (const f of all) {
  test(`detect(): ${f.name}`, () => {
    const d = detect(exchangeOf(f));
    assert.ok(d, 'detected');
    assert.equal(d.style, f.expect.style);
    assert.equal(d.kind, f.expect.kind);
    assert.deepEqual(mismatches(f, d), []);
    // A Detection crosses extension contexts: plain data only.
    assert.deepEqual(structuredClone(d), d);
  });
}

for (const n of negativeFixtures) {
  test(`detect(): not paginated: ${n.name}`, () => {
    assert.equal(detect(exchangeOf(n)), null);
  });
}

test('every body style has a first and a last page among the fixtures', () => {
  const styles = new Map<string, { more: boolean; end: boolean }>();
  for (const f of all) {
    const s = styles.get(f.expect.style) ?? { more: false, end: false };
    if (f.expect.hasMore === true) s.more = true;
    if (f.expect.hasMore === false) s.end = true;
    styles.set(f.expect.style, s);
  }
  for (const [style, s] of styles) assert.deepEqual(s, { more: true, end: true }, style);
});
