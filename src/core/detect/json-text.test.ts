// setJsonMember: one member changed, every other byte of the client's JSON text kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setJsonMember } from './json-text.ts';

const body = `{
  "operationName": "Items",
  "query": "query Items($after: String) { items(after: $after) { nodes { id } } }",
  "variables": { "first": 20, "filter": {"tag": "a,b}"} },
  "extensions": { "client" : "x/1.0" }
}`;

test('adds a missing member at the end of its object, the rest byte for byte', () => {
  const out = setJsonMember(body, ['variables', 'after'], 'Y3Vyc29yOjIw');
  assert.equal(out, body.replace('"tag": "a,b}"} }', '"tag": "a,b}"},"after":"Y3Vyc29yOjIw" }'));
  assert.deepEqual(JSON.parse(out!).variables, { first: 20, filter: { tag: 'a,b}' }, after: 'Y3Vyc29yOjIw' });
});

test('replaces an existing value where it stands', () => {
  const once = setJsonMember(body, ['variables', 'after'], 'c1')!;
  const twice = setJsonMember(once, ['variables', 'after'], 'c2')!;
  assert.equal(twice, once.replace('"c1"', '"c2"'));
  const nulled = setJsonMember('{"variables":{"after":null,"first":5}}', ['variables', 'after'], 'c');
  assert.equal(nulled, '{"variables":{"after":"c","first":5}}');
});

test('creates a missing object on the way; empty objects; escapes in keys and strings', () => {
  assert.equal(
    setJsonMember('{"query":"q"}', ['variables', 'after'], 'c'),
    '{"query":"q","variables":{"after":"c"}}',
  );
  assert.equal(setJsonMember('{ }', ['variables', 'after'], 'c'), '{"variables":{"after":"c"} }');
  const tricky = '{"q":"a \\"}\\" b","vari\\u0061bles":{"x":1}}';
  assert.equal(
    setJsonMember(tricky, ['variables', 'after'], 'c'),
    '{"q":"a \\"}\\" b","vari\\u0061bles":{"x":1,"after":"c"}}',
  );
});

test('not an object along the path, or broken text: undefined (the caller builds the body otherwise)', () => {
  assert.equal(setJsonMember('[1,2]', ['variables', 'after'], 'c'), undefined);
  assert.equal(setJsonMember('{"variables": {"first": 1', ['variables', 'after'], 'c'), undefined);
  assert.equal(setJsonMember('not json', ['variables'], 'c'), undefined);
});

test('deep nesting elsewhere in the body: no recursion, no stack overflow', () => {
  const deep = '{"extensions":' + '['.repeat(100_000) + ']'.repeat(100_000) + ',"variables":{}}';
  const out = setJsonMember(deep, ['variables', 'after'], 'c');
  assert.ok(out?.endsWith(',"variables":{"after":"c"}}'));
});
