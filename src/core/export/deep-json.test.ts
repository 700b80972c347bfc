import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringifyIteratively, stringifyJson } from './deep-json.ts';

test('stringifyIteratively writes what JSON.stringify writes', () => {
  const values: unknown[] = [
    null,
    undefined,
    0,
    -1.5,
    Infinity,
    'a"b\n\u2028',
    true,
    [],
    {},
    [1, undefined, () => 1, null, { a: undefined, b: [{}], c: 'x' }],
    { __proto__: null, 'k"': { n: NaN } },
    JSON.parse('{"__proto__":{"x":1},"y":[1,[2,[3]]]}'),
    { d: new Date(0), s: new String('boxed'), n: new Number(3), t: { toJSON: (k: string) => `key ${k}` } },
  ];
  values.forEach((v, i) => assert.equal(stringifyIteratively(v), JSON.stringify(v ?? null), `value ${i}`));
  const cyclic: Record<string, unknown> = {};
  cyclic.self = { cyclic };
  assert.throws(() => stringifyIteratively(cyclic), TypeError);
});

test('stringifyJson: 100 000 levels deep, objects and arrays, where JSON.stringify overflows', () => {
  const depth = 100_000;
  const text = '{"a":['.repeat(depth) + '"x"' + ']}'.repeat(depth);
  const value = JSON.parse(text); // V8 parses any depth
  assert.throws(() => JSON.stringify(value), RangeError);
  assert.equal(stringifyJson(value), text);
});
