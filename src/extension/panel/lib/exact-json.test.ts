import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExactInteger, parseJsonForDisplay } from './exact-json.ts';

function parsed(text: string): unknown {
  const r = parseJsonForDisplay(text);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.value;
}

test('integers beyond 2^53 become ExactIntegers with their exact digits', () => {
  const v = parsed('{"id":9007199254740993,"neg":-12345678901234567890,"safe":9007199254740991}') as Record<
    string,
    unknown
  >;
  assert.ok(v.id instanceof ExactInteger);
  assert.equal((v.id as ExactInteger).digits, '9007199254740993');
  assert.equal((v.neg as ExactInteger).digits, '-12345678901234567890');
  assert.equal(v.safe, 9007199254740991, 'safe integers stay numbers');
  const r = parseJsonForDisplay('[9007199254740993, 9007199254740992]');
  assert.ok(r.ok && r.exactIntegers === 2);
});

test('strings of digits stay strings; floats stay numbers; 1e400 keeps its text (JSON.parse would make it Infinity)', () => {
  const v = parsed(
    '{"id_str":"9007199254740993","f":12345678901234567.5,"e":1e400,"big":[9007199254740993,"9007199254740993"]}',
  ) as Record<string, unknown>;
  assert.equal(v.id_str, '9007199254740993');
  assert.equal(typeof v.f, 'number');
  assert.ok(v.e instanceof ExactInteger, 'out of range: shown as sent, as the exports keep it');
  assert.equal((v.e as ExactInteger).digits, '1e400');
  const big = v.big as unknown[];
  assert.ok(big[0] instanceof ExactInteger);
  assert.equal(big[1], '9007199254740993');
});

test('key order, integer-like keys, duplicates and __proto__ are matched by key, not position', () => {
  // JS objects put integer-like keys first and keep the last duplicate: both parses agree on that.
  const v = parsed(
    '{"b":"x","10":9007199254740993,"2":1,"d":9007199254740995,"d":"9007199254740997","__proto__":18446744073709551616}',
  ) as Record<string, unknown>;
  assert.deepEqual(Object.keys(v), ['2', '10', 'b', 'd', '__proto__']);
  assert.equal((v['10'] as ExactInteger).digits, '9007199254740993');
  assert.equal(v.d, '9007199254740997', 'the last duplicate, a real string, wins');
  assert.ok(Object.prototype.hasOwnProperty.call(v, '__proto__'));
  assert.equal((v['__proto__'] as ExactInteger).digits, '18446744073709551616');
  assert.equal(Object.getPrototypeOf(v), Object.prototype, 'no prototype was set from the body');
});

test('deep nesting is walked without recursion; a bare big integer body works', () => {
  const depth = 50_000;
  const text = '['.repeat(depth) + '9007199254740993' + ']'.repeat(depth);
  let v = parsed(text);
  for (let i = 0; i < depth; i++) v = (v as unknown[])[0];
  assert.equal((v as ExactInteger).digits, '9007199254740993');
  assert.equal((parsed('9007199254740993') as ExactInteger).digits, '9007199254740993');
});

test('bodies without big integers parse once, as JSON.parse does; bad JSON explains itself', () => {
  const r = parseJsonForDisplay('\ufeff{"a":[1,2.5,"x"]}');
  assert.deepEqual(r, { ok: true, value: { a: [1, 2.5, 'x'] }, exactIntegers: 0 });
  const bad = parseJsonForDisplay('{"a":9007199254740993');
  assert.equal(bad.ok, false);
  assert.equal(parseJsonForDisplay('').ok, false);
  assert.equal(JSON.stringify(parsed('[9007199254740993]')), '["9007199254740993"]');
});
