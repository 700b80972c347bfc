// Search and open-data APIs (Elasticsearch, CKAN, Socrata), cursors marked by their key names,
// page sizes the server chose, and last pages that print no pagination at all (detectAs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect, detectAs } from './index.ts';
import { isTokenLike } from './body-fields.ts';
import * as search from './fixtures/body-search-apis.ts';
import { hubspotFixtures } from './fixtures/body-saas-apis.ts';
import { exchangeOf, mismatches, type BodyFixture } from './fixtures/body-fixture.ts';
import { headerExchange, rows } from './fixtures/headers-fixture.ts';
import { negativeFixtures } from './fixtures/body-negatives.ts';

const fixtures: BodyFixture[] = Object.values(search).flat();

for (const f of fixtures) {
  test(`detect(): ${f.name}`, () => {
    assert.deepEqual(mismatches(f, detect(exchangeOf(f))), []);
  });
}

test('named cursor keys take any token without spaces, but not names, words or phrases', () => {
  for (const v of ['eyJvZmZzZXQiOjEwfQ', 'abcDEF', 'x7', 'NTI1Cg%3D%3D', 'a.b', 12])
    assert.equal(isTokenLike(v), true, String(v));
  for (const v of ['Alice', 'none', 'null', 'END', 'two words', '', '  ', 'tab\there', {}, null, true])
    assert.equal(isTokenLike(v), false, String(v));
});

test('negatives stay null', () => {
  for (const f of negativeFixtures) assert.equal(detect(exchangeOf(f)), null, f.name);
});

test('socrata: a bare array is detected only with $limit/$offset in the request', () => {
  const body = [{ id: 1 }, { id: 2 }];
  assert.equal(
    detect(exchangeOf({ url: 'https://soda.demo.socrata.com/resource/earthquakes.json', body })),
    null,
  );
  const d = detect(
    exchangeOf({ url: 'https://soda.demo.socrata.com/resource/earthquakes.json?$offset=2000', body }),
  );
  // Without $limit the default 1000 applies: two rows are a short, last page.
  assert.equal(d?.style, 'socrata');
  assert.equal(d?.pageSize, 1000);
  assert.equal(d?.hasMore, false);
  assert.equal(d?.next, undefined);
});

// HubSpot CRM "Paging" (developers.hubspot.com/docs/api/crm/understanding-the-crm): the last page
// has no `paging` object; GitHub ("Using pagination in the REST API") sends no Link header when
// everything fits on one page, and many Link-header APIs drop it on the last page.
test('detectAs: a last page without pagination fields ends the chain with its records', () => {
  const start = detect(exchangeOf(hubspotFixtures[0]));
  assert.equal(start?.style, 'generic');
  const last = {
    url: 'https://api.hubapi.com/crm/v3/objects/contacts?limit=10&archived=false&after=NTI1Cg%3D%3D',
    body: {
      results: [
        { id: '51', properties: { firstname: 'Ada' } },
        { id: '52', properties: {} },
      ],
    },
  };
  assert.equal(detect(exchangeOf(last)), null, 'detect() stays null on a bare list');
  const d = detectAs(exchangeOf(last), 'generic');
  assert.equal(d?.style, 'generic');
  assert.equal(d?.kind, 'cursor');
  assert.equal(d?.hasMore, undefined);
  assert.equal(d?.next, undefined);
  assert.deepEqual(d?.recordsPath, ['results']);
  assert.equal(d?.recordCount, 2);

  const gh = headerExchange({
    url: 'https://api.github.com/repositories/1300192/issues?page=515',
    headers: [],
    body: rows(3),
  });
  assert.equal(detect(gh), null, 'detect() stays null on a plain array');
  const g = detectAs(gh, 'github');
  assert.equal(g?.style, 'github');
  assert.equal(g?.kind, 'page');
  assert.equal(g?.hasMore, undefined);
  assert.equal(g?.next, undefined);
  assert.deepEqual(g?.recordsPath, []);
  assert.equal(g?.recordCount, 3);
  assert.equal(g?.position.page, 515);
});

test('detectAs: no records-only answer on errors, non-lists, or pages of another style', () => {
  const url = 'https://api.github.com/repositories/1300192/issues?page=9';
  assert.equal(
    detectAs(headerExchange({ url, headers: [], body: { message: 'Not Found' } }), 'github'),
    null,
  );
  assert.equal(detectAs(headerExchange({ url, status: 404, headers: [], body: [] }), 'github'), null);
  assert.equal(detectAs(headerExchange({ url, headers: [], body: { id: 1, title: 'x' } }), 'github'), null);
  // A Stripe page read as GitHub's is another style's page, not a silent last page.
  const stripeLike = { url, body: { object: 'list', data: [{ id: 'cus_1' }], has_more: true } };
  assert.equal(detectAs(exchangeOf(stripeLike), 'github'), null);
});
