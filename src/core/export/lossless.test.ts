import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isOutOfRangeFloat,
  isUnsafeIntegerLiteral,
  parseJsonLossless,
  quoteBigIntegers,
} from './lossless.ts';

test('big integers keep their exact digits as strings', () => {
  const r = parseJsonLossless(
    '{"id":12345678901234567890,"n":-98765432109876543210,"small":42,"max":9007199254740991}',
  );
  assert.ok(r.ok);
  assert.deepEqual(r.value, {
    id: '12345678901234567890',
    n: '-98765432109876543210',
    small: 42,
    max: 9007199254740991,
  });
  assert.equal(r.exactIntegers, 2);
  // Plain JSON.parse would have made these two distinct ids equal.
  assert.equal(JSON.parse('[9007199254740993]')[0], JSON.parse('[9007199254740992]')[0]);
  const two = parseJsonLossless('[9007199254740993,9007199254740992]');
  assert.ok(two.ok);
  assert.deepEqual(two.value, ['9007199254740993', '9007199254740992']);
});

test('strings, floats and exponents are left alone', () => {
  const text =
    '{"s":"12345678901234567890","esc":"\\"12345678901234567890\\"","f":12345678901234567890.5,"e":12345678901234567890e2,"u":"日本 12345678901234567890"}';
  const q = quoteBigIntegers(text);
  assert.equal(q.quoted, 0);
  assert.equal(q.text, text);
  const r = parseJsonLossless(text);
  assert.ok(r.ok);
  assert.equal((r.value as { s: string }).s, '12345678901234567890');
});

test('nested arrays and whitespace; invalid JSON still reported; BOM tolerated', () => {
  const r = parseJsonLossless('\uFEFF{ "a": [ 1, 18446744073709551615 ,{"b":[-18446744073709551616]}] }');
  assert.ok(r.ok);
  assert.deepEqual(r.value, { a: [1, '18446744073709551615', { b: ['-18446744073709551616'] }] });
  const bad = parseJsonLossless('{"a": 12345678901234567890');
  assert.equal(bad.ok, false);
  assert.equal(parseJsonLossless('').ok, false);
  assert.equal(parseJsonLossless(null).ok, false);
});

test('isUnsafeIntegerLiteral at the 2^53 boundary', () => {
  assert.equal(isUnsafeIntegerLiteral('9007199254740991'), false);
  assert.equal(isUnsafeIntegerLiteral('-9007199254740991'), false);
  assert.equal(isUnsafeIntegerLiteral('9007199254740993'), true);
  assert.equal(isUnsafeIntegerLiteral('100000000000000000'), true);
  assert.equal(isUnsafeIntegerLiteral('123'), false);
});

test('floats beyond a double keep their text instead of becoming null or 0', () => {
  const text =
    '{"big":1e400,"neg":-1.5E+999,"tiny":1e-400,"zero":0e-400,"ok":1.5e300,"sub":5e-324,"s":"1e400"}';
  // What plain JSON does: Infinity, which every JSON writer turns into null.
  assert.equal(JSON.stringify(JSON.parse(text).big), 'null');
  const r = parseJsonLossless(text);
  assert.ok(r.ok);
  assert.deepEqual(r.value, {
    big: '1e400',
    neg: '-1.5E+999',
    tiny: '1e-400',
    zero: 0,
    ok: 1.5e300,
    sub: 5e-324,
    s: '1e400',
  });
  assert.equal(r.exactIntegers, 3);
  assert.equal(r.outOfRange, 3);
  assert.equal(JSON.stringify(r.value).includes('null'), false);
  // Together with big integers; counted apart.
  const q = quoteBigIntegers('[12345678901234567890,2e308,[1e999]]');
  assert.deepEqual(q, { text: '["12345678901234567890","2e308",["1e999"]]', quoted: 3, outOfRange: 2 });
  assert.equal(isOutOfRangeFloat('1.7976931348623157e308'), false);
  assert.equal(isOutOfRangeFloat('1.8e308'), true);
  assert.equal(isOutOfRangeFloat('0.000e-999'), false);
});
