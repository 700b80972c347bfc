import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatConfidence, formatMs, pathOf, splitUrl } from './format.ts';

test('sizes', () => {
  assert.deepEqual([0, 1023, 1536, 20_480, 3 * 1024 * 1024].map(formatBytes), [
    '0 B',
    '1023 B',
    '1.5 kB',
    '20 kB',
    '3.0 MB',
  ]);
  assert.equal(formatBytes(undefined), '—');
});

test('durations', () => {
  assert.deepEqual([0.4, 12.6, 1234].map(formatMs), ['0 ms', '13 ms', '1.23 s']);
  assert.equal(formatMs(-1), '—');
});

test('path of a URL, and of text that is not one', () => {
  assert.equal(pathOf('http://a.test:8080/api/x?page=2#frag'), '/api/x?page=2');
  assert.equal(pathOf('not a url'), 'not a url');
  assert.equal(formatConfidence(0.925), '93%');
});

test('splitUrl keeps the whole URL across its two parts', () => {
  for (const url of [
    'http://a.test:8080/x?y=1#z',
    'https://b.test',
    'http://a.test:80/x',
    'nope',
    'data:text/plain,hi',
  ]) {
    const [origin, rest] = splitUrl(url);
    assert.equal(origin + rest, url);
  }
  assert.deepEqual(splitUrl('http://a.test:8080/x?y=1'), ['http://a.test:8080', '/x?y=1']);
});
