// The compact id set answers exactly as a Set would (numbers exact; strings by hash, no collisions expected here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeenIds, type IdKey } from './seen-ids.ts';

/** Deterministic PRNG (mulberry32) so a failure replays. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('random adds, lookups and deletes agree with a Set (through several grows and back-shifts)', () => {
  const rnd = prng(42);
  const ids = new SeenIds();
  const ref = new Set<IdKey>();
  const pick = (): IdKey => {
    const n = Math.floor(rnd() * 20_000);
    const kind = rnd();
    return kind < 0.4 ? n : kind < 0.5 ? n / 8 - 1000 : kind < 0.9 ? `cus_${n}` : String(n);
  };
  const wrong: string[] = [];
  for (let i = 0; i < 60_000; i++) {
    const id = pick();
    const op = rnd();
    if (op < 0.6) {
      if (ids.add(id) === ref.has(id)) wrong.push(`add ${String(id)} at op ${i}`);
      ref.add(id);
    } else if (op < 0.8) {
      if (ids.has(id) !== ref.has(id)) wrong.push(`has ${String(id)} at op ${i}`);
    } else (ids.delete(id), ref.delete(id));
    if (ids.size !== ref.size) wrong.push(`size ${ids.size} ≠ ${ref.size} at op ${i}`);
  }
  assert.deepEqual(wrong.slice(0, 5), []);
  for (let n = 0; n < 20_000; n++)
    for (const id of [n, `cus_${n}`, String(n)])
      assert.equal(ids.has(id), ref.has(id), `final ${String(id)}`);
});

test('numbers and strings never meet; 0 and -0 are one id; the all-zero key works', () => {
  const ids = new SeenIds();
  assert.equal(ids.add(1), true);
  assert.equal(ids.has('1'), false);
  assert.equal(ids.add('1'), true);
  assert.equal(ids.add(0), true);
  assert.equal(ids.has(-0), true);
  assert.equal(ids.add(-0), false);
  ids.delete(0);
  assert.equal(ids.has(0), false);
  assert.equal(ids.size, 2);
  assert.equal(ids.has(''), false);
  assert.equal(ids.add(''), true);
  assert.equal(ids.has(''), true);
});

test('a million sequential numeric ids and a million string ids: all found, none twice', () => {
  const ids = new SeenIds();
  let fresh = 0;
  for (let i = 1; i <= 1_000_000; i++) fresh += Number(ids.add(i)) + Number(ids.add(`id-${i}`));
  assert.equal(fresh, 2_000_000);
  assert.equal(ids.size, 2_000_000);
  for (let i = 1; i <= 1_000_000; i += 997)
    assert.ok(ids.has(i) && ids.has(`id-${i}`) && !ids.has(-i) && !ids.has(`id-${-i}`));
});
