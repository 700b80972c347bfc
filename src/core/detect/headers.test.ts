// Every header fixture through the full registry (detect), so merging with the other detectors
// (Link beside GitLab/WordPress, body detectors beside headers) is tested as it runs for real.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from './index.ts';
import { headerExchange, headerMismatches, rows, type HeaderFixture } from './fixtures/headers-fixture.ts';
import { vanillaFixtures } from './fixtures/headers-vanilla.ts';
import { gitlabFixtures } from './fixtures/headers-gitlab.ts';
import { wordpressFixtures } from './fixtures/headers-wordpress.ts';
import { totalCountFixtures } from './fixtures/headers-total-count.ts';
import { contentRangeFixtures } from './fixtures/headers-content-range.ts';
import { linkFixtures } from './fixtures/headers-link.ts';

const groups: [string, HeaderFixture[]][] = [
  ['vanilla', vanillaFixtures],
  ['gitlab', gitlabFixtures],
  ['wordpress', wordpressFixtures],
  ['total-count', totalCountFixtures],
  ['content-range', contentRangeFixtures],
  ['link', linkFixtures],
];

for (const [name, fixtures] of groups) {
  test(`${name} fixtures`, () => {
    const problems = fixtures.flatMap((f) => headerMismatches(f, detect(headerExchange(f))));
    assert.deepEqual(problems, []);
  });
}

test('every detection survives structuredClone and has absolute links', () => {
  for (const [, fixtures] of groups) {
    for (const f of fixtures) {
      const d = detect(headerExchange(f))!;
      assert.deepEqual(structuredClone(d), d, f.name);
      for (const l of Object.values(d.links)) assert.match(l!, /^https?:\/\//, f.name);
    }
  }
});

test('header names in any case, values with stray whitespace', () => {
  const d = detect(
    headerExchange({
      url: 'https://g.example/api/v4/projects?page=1',
      headers: [
        ['X-PAGE', ' 1 '],
        ['x-Next-Page', '2'],
        ['X-PER-PAGE', '20'],
        ['X-TOTAL-PAGES', '4'],
      ],
      body: rows(20),
    }),
  );
  assert.equal(d?.style, 'gitlab');
  assert.equal(d?.next?.url, 'https://g.example/api/v4/projects?page=2');
});

test('duplicate headers: the first value counts, Link values are all read', () => {
  const d = detect(
    headerExchange({
      url: 'https://api.example.com/items?page=2',
      headers: [
        ['Link', '<https://api.example.com/items?page=3>; rel="next"'],
        ['Link', '<https://api.example.com/items?page=1>; rel="prev"'],
        ['X-Total-Count', '90'],
        ['X-Total-Count', '91'],
      ],
      body: rows(30, 31),
    }),
  );
  assert.equal(d?.links.next, 'https://api.example.com/items?page=3');
  assert.equal(d?.links.prev, 'https://api.example.com/items?page=1');
  assert.equal(d?.totalRecords, 90);
});

test('Vanilla relative Paging-* URLs resolve against the request URL, query-only ones too', () => {
  const d = detect(
    headerExchange({
      url: 'https://f.example/forum/api/v2/comments?page=1',
      headers: [['Paging-Next', '?page=2']],
      body: rows(2),
    }),
  );
  assert.equal(d?.next?.url, 'https://f.example/forum/api/v2/comments?page=2');
});

test('negatives: byte ranges, non-numeric totals, a count on a single object, X-Page alone, unrelated Link rels', () => {
  const cases: Omit<HeaderFixture, 'name' | 'expect'>[] = [
    {
      url: 'https://x.example/file.json',
      status: 206,
      headers: [['Content-Range', 'bytes 0-99/1000']],
      body: rows(2),
    },
    { url: 'https://x.example/a', headers: [['X-Total-Count', 'lots']], body: rows(2) },
    { url: 'https://x.example/user/1', headers: [['X-Total-Count', '5']], body: { id: 1, name: 'Alice' } },
    { url: 'https://x.example/a', headers: [['X-Page', '1']], body: rows(2) },
    { url: 'https://x.example/a', headers: [['X-WP-Total', 'n/a']], body: rows(2) },
    {
      url: 'https://x.example/a',
      headers: [
        [
          'Link',
          '<https://x.example/style.css>; rel=preload; as=style, <https://x.example/a>; rel=canonical',
        ],
      ],
      body: rows(2),
    },
    { url: 'https://x.example/a', headers: [['Content-Range', 'garbage']], body: rows(2) },
  ];
  for (const c of cases) assert.equal(detect(headerExchange(c)), null, JSON.stringify(c.headers));
});
