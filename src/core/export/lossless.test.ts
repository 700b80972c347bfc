import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnsafeIntegerLiteral, parseJsonLossless, quoteBigIntegers } from './lossless.ts';

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
