import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createParseCache, searchResponses, type Searchable } from './response-search.ts';

const item = (id: string, body: string | null, unanalysed?: unknown): Searchable => ({
  id,
  exchange: { response: { bodyText: body } },
  ...(unanalysed ? { unanalysed } : {}),
});

const items = [
  item(
    '1',
    JSON.stringify({
      data: [
        { id: 7, name: 'Alice Smith' },
        { id: 8, name: 'bob' },
      ],
      next: 'cursor-ALICE',
    }),
  ),
  item('2', JSON.stringify({ users: [{ alice: true }] })),
  item('3', '<html>alice in html</html>'),
  item('4', JSON.stringify({ name: 'alice' }), { reason: 'too-large' }),
  item('5', null),
];

test('text finds keys and values across every body, case-insensitively, in document order, with the path', () => {
  const r = searchResponses(items, 'alice');
  assert.ok(r.ok);
  assert.deepEqual(
    r.hits.map((h) => [h.itemId, h.path.join('.'), h.where]),
    [
      ['1', 'data.0.name', 'value'],
      ['1', 'next', 'value'],
      ['2', 'users.0.alice', 'key'],
      ['3', '', 'text'],
    ],
  );
  assert.equal(r.requests, 3);
  assert.equal(r.truncated, false);
  const h = r.hits[0];
  assert.equal(h.snippet, 'Alice Smith');
  assert.equal(h.snippet.slice(h.at, h.at + h.length), 'Alice');
});

test('/regex/ with flags; numbers and exact big integers are searched as the tree shows them', () => {
  const r = searchResponses(
    [item('9', '{"id":9007199254740993,"n":8,"ok":false,"s":"8"}'), ...items],
    '/^(9007199254740993|8)$/',
  );
  assert.ok(r.ok);
  assert.deepEqual(
    r.hits.map((h) => `${h.itemId}:${h.path.join('.')}`),
    ['9:id', '9:n', '9:s', '1:data.1.id'],
  );
  const i = searchResponses(items, '/ALICE$/i');
  assert.ok(i.ok);
  assert.deepEqual(
    i.hits.map((h) => h.path.join('.')),
    ['next', 'users.0.alice'],
  );
});

test('a bad regex is an error message, not a throw; empty text finds nothing', () => {
  assert.deepEqual(searchResponses(items, '/(/'), {
    ok: false,
    error: 'Invalid regular expression: /(/: Unterminated group',
  });
  assert.deepEqual(searchResponses(items, '   '), { ok: true, hits: [], requests: 0, truncated: false });
});

test('hostile strings come back as plain text (the view renders them as text, never HTML)', () => {
  const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  const r = searchResponses([item('e', JSON.stringify({ [evil]: evil }))], 'onerror');
  assert.ok(r.ok);
  assert.equal(r.hits.length, 2);
  for (const h of r.hits) {
    assert.equal(typeof h.snippet, 'string');
    assert.ok(h.snippet.includes('onerror'));
  }
  assert.equal(r.hits[0].where, 'key');
  assert.deepEqual(r.hits[0].path, [evil], 'the path keeps the key as data');
});

test('bounded: hits per request and in all; long values are cut around the hit', () => {
  const many = item('m', JSON.stringify({ rows: Array.from({ length: 500 }, (_, i) => ({ v: `x${i}` })) }));
  const r = searchResponses([many, many], 'x', { perRequest: 10, total: 15 });
  assert.ok(r.ok);
  assert.equal(r.hits.length, 15);
  assert.equal(r.hits.filter((h) => h.itemId === 'm').length, 15);
  assert.equal(r.truncated, true);
  const long = item('l', JSON.stringify({ t: `${'a'.repeat(5000)}NEEDLE${'b'.repeat(5000)}` }));
  const l = searchResponses([long], 'needle');
  assert.ok(l.ok);
  const h = l.hits[0];
  assert.ok(h.snippet.length < 100, String(h.snippet.length));
  assert.equal(h.snippet.slice(h.at, h.at + h.length), 'NEEDLE');
  assert.ok(h.snippet.startsWith('…') && h.snippet.endsWith('…'));
});

test('a record nested 5000 levels deep is searched without overflowing the stack', () => {
  const depth = 5000;
  const body = '{"a":'.repeat(depth) + '"deep-needle"' + '}'.repeat(depth);
  const r = searchResponses([item('d', body)], 'deep-needle');
  assert.ok(r.ok);
  assert.equal(r.hits.length, 1);
  assert.equal(r.hits[0].path.length, depth);
});

test('each body is parsed once per cache, across searches', () => {
  const cache = createParseCache();
  const it = item('c', '{"k":"v"}');
  searchResponses([it], 'k', {}, cache);
  const first = cache.get(it.exchange);
  assert.ok(first?.ok);
  searchResponses([it], 'v', {}, cache);
  assert.equal(cache.get(it.exchange), first);
});
