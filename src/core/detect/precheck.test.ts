// The registry's pre-checks (precheck.ts) may only skip detectors that would have answered null:
// every fixture, and every fixture with one top-level or wrapper key taken away, gives the same
// outcome with the gates on and off, and no gated detector ever answers where its gate says no.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, detectWithReason } from './index.ts';
import { detectors } from './detectors.ts';
import { bodyShape, createGate } from './precheck.ts';
import { ev, jsonPrefix } from './body-evidence.ts';
import { isObject } from '../json.ts';
import type { Exchange } from '../exchange.ts';
import * as apis from './fixtures/body-apis.ts';
import * as more from './fixtures/body-saas-apis.ts';
import * as seeds from './fixtures/body-seeds.ts';
import * as search from './fixtures/body-search-apis.ts';
import { negativeFixtures } from './fixtures/body-negatives.ts';
import { publicPageFixtures } from './fixtures/public-apis-page.ts';
import { publicOffsetFixtures } from './fixtures/public-apis-offset.ts';
import { publicCursorFixtures } from './fixtures/public-apis-cursor.ts';
import { publicApiNegatives } from './fixtures/public-apis-negatives.ts';
import { exchangeOf, type BodyFixture } from './fixtures/body-fixture.ts';
import { headerExchange, type HeaderFixture } from './fixtures/headers-fixture.ts';
import { vanillaFixtures } from './fixtures/headers-vanilla.ts';
import { gitlabFixtures } from './fixtures/headers-gitlab.ts';
import { wordpressFixtures } from './fixtures/headers-wordpress.ts';
import { totalCountFixtures } from './fixtures/headers-total-count.ts';
import { contentRangeFixtures } from './fixtures/headers-content-range.ts';
import { linkFixtures } from './fixtures/headers-link.ts';
import { frameworkHeaderFixtures } from './fixtures/headers-framework-links.ts';

const bodies: Pick<BodyFixture, 'name' | 'url' | 'method' | 'requestBody' | 'body' | 'headers'>[] = [
  ...Object.values(seeds),
  ...Object.values(apis),
  ...Object.values(more),
  ...Object.values(search),
  publicPageFixtures,
  publicOffsetFixtures,
  publicCursorFixtures,
].flat();
const headerFixtures: HeaderFixture[] = [
  vanillaFixtures,
  gitlabFixtures,
  wordpressFixtures,
  totalCountFixtures,
  contentRangeFixtures,
  linkFixtures,
  frameworkHeaderFixtures,
].flat();

/** The body without one top-level key, or without one key of one object-valued top-level key. */
function variants(body: unknown): unknown[] {
  if (!isObject(body)) return [];
  const out: unknown[] = [];
  for (const k of Object.keys(body)) {
    const { [k]: _gone, ...rest } = body;
    out.push(rest);
    const inner = body[k];
    if (isObject(inner))
      for (const j of Object.keys(inner)) {
        const { [j]: _alsoGone, ...innerRest } = inner;
        out.push({ ...body, [k]: innerRest });
      }
  }
  return out;
}

const exchanges: [string, Exchange][] = [
  ...bodies.flatMap((f) => [
    [f.name, exchangeOf(f)] as [string, Exchange],
    ...variants(f.body).map(
      (b, i) => [`${f.name} #${i}`, exchangeOf({ ...f, body: b })] as [string, Exchange],
    ),
  ]),
  ...[...negativeFixtures, ...publicApiNegatives].flatMap((f) => [
    [f.name, exchangeOf(f)] as [string, Exchange],
    ...variants(f.body).map(
      (b, i) => [`${f.name} #${i}`, exchangeOf({ ...f, body: b })] as [string, Exchange],
    ),
  ]),
  ...headerFixtures.map((f) => [f.name, headerExchange(f)] as [string, Exchange]),
  // Headers in odd case, and a header fixture with its headers dropped one at a time.
  ...headerFixtures.flatMap((f) =>
    f.headers.map(
      (_, i) =>
        [`${f.name} -h${i}`, headerExchange({ ...f, headers: f.headers.filter((__, j) => j !== i) })] as [
          string,
          Exchange,
        ],
    ),
  ),
  ...headerFixtures.map(
    (f) =>
      [
        `${f.name} UPPER`,
        headerExchange({ ...f, headers: f.headers.map(([n, v]) => [n.toUpperCase(), v]) }),
      ] as [string, Exchange],
  ),
];

test('every fixture (and its near misses) gives the same outcome with and without pre-checks', () => {
  assert.ok(exchanges.length > 500, `${exchanges.length} exchanges`);
  for (const [name, ex] of exchanges) {
    const fast = detectWithReason(ex);
    const full = detectWithReason(ex, detectors, { prechecks: false });
    assert.deepEqual(fast, full, name);
  }
});

test('a gate says no only where its detector answers null', () => {
  let skipped = 0;
  for (const [name, ex] of exchanges) {
    const c = createContext(ex);
    if (!c.ok) continue;
    const gate = createGate(c.ctx);
    for (const d of detectors) {
      if (gate(d)) continue;
      skipped++;
      const r = d.detect(c.ctx);
      assert.ok(!r || r.confidence <= 0, `${d.name} gated off but answers on ${name}`);
    }
  }
  assert.ok(skipped > 1000, `gates skipped ${skipped} calls`);
});

test('bodyShape probes own keys of the root and its wrappers only', () => {
  const s = bodyShape({ data: [], meta: { has_more: true }, n: null });
  assert.equal(s.object, true);
  assert.equal(s.has('data'), true);
  assert.equal(s.has('n'), true);
  assert.equal(s.has('toString'), false);
  assert.equal(s.within('meta', 'has_more'), true);
  assert.equal(s.within('meta', 'constructor'), false);
  assert.equal(s.within('data', 'length'), false);
  for (const v of [[{ data: 1 }], null, undefined, 'data', 3]) {
    const t = bodyShape(v);
    assert.equal(t.object, false);
    assert.equal(t.has('data'), false);
    assert.equal(t.within('data', 'x'), false);
  }
});

test('evidence of an object is JSON.stringify cut short, without stringifying all of it', () => {
  const values: unknown[] = [
    ...bodies.map((f) => f.body),
    ...bodies.flatMap((f) => (isObject(f.body) ? Object.values(f.body) : [])),
    { a: undefined, b: () => 1, c: [undefined, null, NaN, -0, 1e21], 'q"k': 'é\u2028\ud83d\ude00' },
    ['x'.repeat(500)],
    { s: `${'y'.repeat(110)}\ud83d\ude00${'z'.repeat(20)}` },
    [],
    {},
  ];
  for (const v of values) {
    if (typeof v !== 'object' || v === null) continue; // strings and scalars: ev's old path, unchanged
    const full = JSON.stringify(v);
    const want = full.length > 120 ? `${full.slice(0, 117)}...` : full;
    assert.equal(ev('p', v).value, want);
    if (full.length <= 120) assert.equal(jsonPrefix(v, 121), full);
  }
  const big = Array.from({ length: 200_000 }, (_, i) => ({ id: i, name: `n${i}` }));
  assert.ok(jsonPrefix(big, 121).length < 200, 'stops after the first records');
});
