// The SaaS and framework APIs' doc-shaped pages through detect() (fixtures/body-saas-apis.ts and
// headers-framework-links.ts), and the integration fixes found on them: Zendesk's last page, Laravel's
// per_page, Slack's short pages, PayPal's page 0, OData's $skip and $skiptoken, detectAs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect, detectAs } from './index.ts';
import { pageRequest, setQueryParam } from './params.ts';
import * as apis from './fixtures/body-apis.ts';
import * as more from './fixtures/body-saas-apis.ts';
import { exchangeOf, mismatches, type BodyFixture } from './fixtures/body-fixture.ts';
import { headerExchange, headerMismatches } from './fixtures/headers-fixture.ts';
import { frameworkHeaderFixtures } from './fixtures/headers-framework-links.ts';
import { linkFixtures } from './fixtures/headers-link.ts';

const moreBody: BodyFixture[] = Object.values(more).flat();

for (const f of moreBody) {
  test(`detect(): ${f.name}`, () => {
    assert.deepEqual(mismatches(f, detect(exchangeOf(f))), []);
  });
}

for (const f of frameworkHeaderFixtures) {
  test(`detect(): ${f.name}`, () => {
    assert.deepEqual(headerMismatches(f, detect(headerExchange(f))), []);
  });
}

test('merge: a last page (hasMore false) takes no next link from a weaker detector', () => {
  const d = detect(
    exchangeOf({
      url: 'https://example.zendesk.com/api/v2/tickets.json?page[size]=2&page[after]=xyz',
      headers: [
        {
          name: 'Link',
          value: '<https://example.zendesk.com/api/v2/tickets.json?page[size]=2&page[after]=abc>; rel="next"',
        },
      ],
      body: {
        tickets: [{ id: 1 }],
        meta: { has_more: false, after_cursor: 'abc', before_cursor: 'xyz' },
        links: {
          next: 'https://example.zendesk.com/api/v2/tickets.json?page[size]=2&page[after]=abc',
          prev: null,
        },
      },
    }),
  );
  assert.equal(d?.style, 'zendesk');
  assert.equal(d?.hasMore, false);
  assert.equal(d?.next, undefined);
  assert.equal(d?.links.next, undefined);
});

test('laravel: per_page equal to the next page number is not the page parameter', () => {
  const d = detect(
    exchangeOf({
      url: 'http://laravel.app/users?per_page=3&page=2',
      body: {
        current_page: 2,
        data: [{ id: 4 }],
        first_page_url: 'http://laravel.app/users?per_page=3&page=1',
        next_page_url: 'http://laravel.app/users?per_page=3&page=3',
        prev_page_url: 'http://laravel.app/users?per_page=3&page=1',
        last_page: 4,
        per_page: 3,
        total: 12,
      },
    }),
  );
  assert.equal(d?.params.page, 'page');
  assert.equal(pageRequest(d!, 4)?.url, 'http://laravel.app/users?per_page=3&page=4');
});

test("laravel cursorPaginate: a parameter that already held the next cursor's value is not the cursor", () => {
  // ?per_page=2 and next_cursor "2": the cursor is the parameter that moved, not the first one that reads 2.
  const d = detect(
    exchangeOf({
      url: 'http://laravel.app/users?per_page=2',
      body: {
        data: [{ id: 1 }, { id: 2 }],
        links: { first: null, last: null, prev: null, next: 'http://laravel.app/users?per_page=2&cursor=2' },
        meta: { path: 'http://laravel.app/users', per_page: 2, next_cursor: '2', prev_cursor: null },
      },
    }),
  );
  assert.equal(d?.style, 'laravel-cursor');
  assert.equal(d?.params.cursor, 'cursor');
});

test('slack: short or empty pages do not end a chain (only next_cursor does)', () => {
  const d = detect(
    exchangeOf({
      url: 'https://slack.com/api/conversations.list?limit=100',
      body: { ok: true, channels: [], response_metadata: { next_cursor: 'dGVhbTpDMDYxRkE1UEI=' } },
    }),
  );
  assert.equal(d?.emptyPageEnds, false);
  assert.equal(d?.hasMore, true);
});

test('paypal v1: a prev link to page=0 says the pages count from 0', () => {
  const f = more.paypalFixtures.find((x) => x.name.startsWith('paypal v1:'))!;
  const d = detect(exchangeOf(f));
  assert.equal(d?.params.page, 'page');
  assert.equal(d?.params.pageBase, 0);
  // The last link (page=82) is the last of 83 pages counted from 0, as the totals say.
  assert.equal(d?.totalPages, 83);
  assert.equal(d?.links.last?.endsWith('page=82&status=active'), true);
});

test('setQueryParam keeps OData $skip readable', () => {
  assert.equal(
    setQueryParam('https://x.test/People?$top=2', '$skip', '4'),
    'https://x.test/People?$top=2&$skip=4',
  );
});

test('odata: the last $skiptoken page of a $top chain invents no $skip page', () => {
  const f = apis.odataFixtures.find((x) => x.name.startsWith('odata: Microsoft Graph last page'))!;
  const d = detect(exchangeOf(f));
  assert.equal(d?.kind, 'link');
  assert.equal(d?.hasMore, false);
  assert.equal(d?.next, undefined);
  assert.equal(d?.params.offset, undefined);
  assert.ok(!JSON.stringify(d).includes('$skip='), 'no $skip URL anywhere');
  // A full $top page of a service asked without $skiptoken is still client-driven $skip/$top paging.
  const svc = 'https://services.odata.org/V4/TripPinServiceRW';
  const people = `${svc}/People`;
  const client = detect(
    exchangeOf({
      url: `${people}?$top=5&$skip=5`,
      body: { '@odata.context': `${svc}/$metadata#People`, value: [1, 2, 3, 4, 5].map((i) => ({ i })) },
    }),
  );
  assert.equal(client?.kind, 'offset');
  assert.equal(client?.next?.url, `${people}?$top=5&$skip=10`);
});
test('detectAs: runs the named style (plus headers) and finalizes like detect()', () => {
  const f = more.notionFixtures[0];
  assert.deepEqual(detectAs(exchangeOf(f), 'notion'), detect(exchangeOf(f)));
  // A page another detector would also claim still reads as the start's style.
  const zoomPage = more.zoomFixtures[1];
  assert.equal(detectAs(exchangeOf(zoomPage), 'zoom')?.style, 'zoom');
  assert.equal(detectAs(exchangeOf(zoomPage), 'stripe'), null);
  // Styles reported under another name, and unknown ones, fall back sensibly.
  const gh = linkFixtures[0];
  assert.equal(detectAs(headerExchange(gh), 'github')?.style, 'github');
  assert.equal(detectAs(exchangeOf(f), 'no-such-style')?.style, 'notion');
  // Header totals still fill a body style's gaps.
  const withTotal = detectAs(
    exchangeOf({ ...more.twitterFixtures[0], headers: [{ name: 'X-Total-Count', value: '50' }] }),
    'twitter',
  );
  assert.equal(withTotal?.totalRecords, 50);
});
