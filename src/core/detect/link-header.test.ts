import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageLinks, parseLinkHeader } from '../link.ts';

test('several links, quoted and unquoted rel', () => {
  const l = parseLinkHeader(
    '<https://a.example/x?page=2>; rel="next", <https://a.example/x?page=9>; rel=last',
  );
  assert.deepEqual(l, [
    { uri: 'https://a.example/x?page=2', rel: ['next'], params: {} },
    { uri: 'https://a.example/x?page=9', rel: ['last'], params: {} },
  ]);
});

test('several relation types in one rel, any case', () => {
  const l = parseLinkHeader('<https://a.example/x?page=5>; REL="Next Last"');
  assert.deepEqual(l[0].rel, ['next', 'last']);
  assert.deepEqual(pageLinks(l, 'https://a.example/'), {
    next: 'https://a.example/x?page=5',
    last: 'https://a.example/x?page=5',
  });
});

test('commas and semicolons inside <URL> belong to it', () => {
  const l = parseLinkHeader(
    '<https://a.example/x?fields=a,b;c&page=2>; rel="next", <https://a.example/x?fields=a,b;c&page=1>; rel="prev"',
  );
  assert.equal(l.length, 2);
  assert.equal(l[0].uri, 'https://a.example/x?fields=a,b;c&page=2');
  assert.equal(l[1].rel[0], 'prev');
});

test('extra parameters: title, title* (RFC 8187), type, hreflang; quoted strings with commas and escapes', () => {
  const l = parseLinkHeader(
    `</TheBook/chapter2>; rel="previous"; title*=UTF-8'de'letztes%20Kapitel, </TheBook/chapter4>; rel="next"; title="next, \\"4\\"; ok"; type=application/json`,
  );
  assert.equal(l.length, 2);
  assert.equal(l[0].params['title*'], 'letztes Kapitel');
  assert.deepEqual(l[0].rel, ['previous']);
  assert.equal(l[1].params.title, 'next, "4"; ok');
  assert.equal(l[1].params.type, 'application/json');
  assert.deepEqual(pageLinks(l, 'https://book.example/TheBook/chapter3'), {
    prev: 'https://book.example/TheBook/chapter2',
    next: 'https://book.example/TheBook/chapter4',
  });
});

test('whitespace anywhere, empty elements, newlines from folded headers', () => {
  const l = parseLinkHeader(' ,  < /a?page=2 >  ;rel = "next" ;\n\t anchor="#x" ,, ');
  assert.deepEqual(l, [{ uri: '/a?page=2', rel: ['next'], params: { anchor: '#x' } }]);
});

test('only the first rel counts (RFC 8288 §3.3)', () => {
  assert.deepEqual(parseLinkHeader('</a>; rel=next; rel=prev')[0].rel, ['next']);
});

test('repeated Link headers are read in order; the first of a relation wins', () => {
  const l = parseLinkHeader(['</p?page=2>; rel=next', '</p?page=1>; rel=prev, </p?page=3>; rel=next']);
  assert.equal(l.length, 3);
  assert.deepEqual(pageLinks(l, 'https://h.example/p?page=1&x=1'), {
    next: 'https://h.example/p?page=2',
    prev: 'https://h.example/p?page=1',
  });
});

test('garbage is skipped, good links after it still count', () => {
  const l = parseLinkHeader('nonsense; rel=next, <https://a.example/ok>; rel=next');
  assert.deepEqual(
    l.map((x) => x.uri),
    ['https://a.example/ok'],
  );
  assert.deepEqual(parseLinkHeader('<https://a.example/x>; rel="unterminated'), []);
  assert.deepEqual(parseLinkHeader('<https://a.example/no-close; rel=next'), []);
  assert.deepEqual(
    parseLinkHeader('<https://a.example/x> junk, </y>; rel=next').map((x) => x.uri),
    ['/y'],
  );
  for (const g of ['', ',,,', ';;;', '"<a>"', '<>', '<>;rel=', 'rel=next'])
    assert.doesNotThrow(() => parseLinkHeader(g));
  assert.deepEqual(parseLinkHeader([undefined as unknown as string]), []);
});

test('a link without rel is kept but maps to nothing; unusable targets are dropped', () => {
  const l = parseLinkHeader(
    '<https://a.example/x>; title="no rel", <javascript:alert(1)>; rel=next, <mailto:a@b>; rel=last',
  );
  assert.equal(l.length, 3);
  assert.deepEqual(pageLinks(l, 'https://a.example/'), {});
});

test('WordPress v1 item links are not pagination', () => {
  const l = parseLinkHeader(
    '<http://example.com/wp-json/posts/5>; rel="item"; title="TEST", <http://example.com/wp-json/posts/1>; rel="item"; title="Hello world!"',
  );
  assert.equal(l.length, 2);
  assert.deepEqual(pageLinks(l, 'http://example.com/wp-json/posts'), {});
});
