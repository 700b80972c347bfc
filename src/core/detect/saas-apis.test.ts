// Breadth: more public APIs' doc-shaped pages through detect(), the colleagues' integration fixes,
// and the properties every positive fixture must keep (plain data, absolute same-origin next,
// every non-pagination query parameter kept on built page URLs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect, detectAs, detectWithReason } from './index.ts';
import { pageRequest, queryEntries, setQueryParam } from './params.ts';
import * as apis from './fixtures/body-apis.ts';
import * as seeds from './fixtures/body-seeds.ts';
import * as more from './fixtures/body-saas-apis.ts';
import { negativeFixtures } from './fixtures/body-negatives.ts';
import { exchangeOf, mismatches, type BodyFixture } from './fixtures/body-fixture.ts';
import { headerExchange, headerMismatches, rows, type HeaderFixture } from './fixtures/headers-fixture.ts';
import { frameworkHeaderFixtures } from './fixtures/headers-framework-links.ts';
import { linkFixtures } from './fixtures/headers-link.ts';
import { gitlabFixtures } from './fixtures/headers-gitlab.ts';
import { wordpressFixtures } from './fixtures/headers-wordpress.ts';
import { vanillaFixtures } from './fixtures/headers-vanilla.ts';
import { totalCountFixtures } from './fixtures/headers-total-count.ts';
import type { Detection } from './types.ts';

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

/** Every string the server sent (body values, header values and their `<…>` targets). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') {
    out.push(v);
    for (const m of v.matchAll(/<([^>]*)>/g)) out.push(m[1]);
  } else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** The properties, checked on one positive detection; `sent` is everything the server sent. */
function properties(name: string, d: Detection | null, sentValues: unknown): string[] {
  if (!d) return [`${name}: nothing detected`];
  const out: string[] = [];
  if (JSON.stringify(structuredClone(d)) !== JSON.stringify(d)) out.push(`${name}: not plain data`);
  const req = new URL(d.url);
  const pagination = new Set(Object.values(d.params).filter((v): v is string => typeof v === 'string'));
  const kept = (url: string) =>
    [...queryEntries(d.url)]
      .filter(([k, v]) => !pagination.has(k) && queryEntries(url).get(k) !== v)
      .map(([k]) => k);
  if (d.next) {
    let u: URL | undefined;
    try {
      u = new URL(d.next.url);
    } catch {
      out.push(`${name}: next is not absolute: ${d.next.url}`);
    }
    // A link the server printed may say otherwise (another host, fewer parameters); a built one may not.
    const fromServer = strings(sentValues).some((v) => {
      try {
        return new URL(v, d.url).href === d.next!.url;
      } catch {
        return false;
      }
    });
    if (u && !/^https?:$/.test(u.protocol)) out.push(`${name}: next is not http(s)`);
    if (u && u.origin !== req.origin && !fromServer) out.push(`${name}: next leaves ${req.origin}`);
    if (!fromServer && kept(d.next.url).length) out.push(`${name}: next drops ${kept(d.next.url)}`);
  }
  const base = d.params.pageBase ?? 1;
  const page2 = pageRequest(d, base + 1);
  if (page2 && kept(page2.url).length) out.push(`${name}: page N drops ${kept(page2.url)}`);
  return out;
}

test('properties hold for every positive body fixture', () => {
  const all: BodyFixture[] = [...Object.values(seeds), ...Object.values(apis), ...moreBody].flat();
  const problems = all.flatMap((f) => {
    const ex = exchangeOf(f);
    return properties(f.name, detect(ex), [f.body, f.headers]);
  });
  assert.deepEqual(problems, []);
});

test('properties hold for every positive header fixture', () => {
  const all: HeaderFixture[] = [
    ...linkFixtures,
    ...gitlabFixtures,
    ...wordpressFixtures,
    ...vanillaFixtures,
    ...totalCountFixtures,
    ...frameworkHeaderFixtures,
  ];
  const problems = all.flatMap((f) => properties(f.name, detect(headerExchange(f)), [f.headers, f.body]));
  assert.deepEqual(problems, []);
});

test('negatives stay null, including config objects and echo-less page numbers', () => {
  const extra = [
    {
      name: 'config with limit/offset keys but no records',
      url: 'https://x.test/config',
      body: { limit: 10, offset: 0, retries: 3 },
    },
    {
      name: 'items + page without a page parameter',
      url: 'https://x.test/book',
      body: { items: [{ id: 1 }], page: 3 },
    },
    {
      name: 'items + page that differs from the request',
      url: 'https://x.test/a?page=2',
      body: { items: [{ id: 1 }], page: 3 },
    },
    { name: 'scalars + echoed page', url: 'https://x.test/a?page=3', body: { tags: ['a', 'b'], page: 3 } },
    {
      name: 'a to-do list with done',
      url: 'https://x.test/todos',
      body: { todos: [{ id: 1 }], done: false },
    },
    {
      name: 'a cursor object (not a token)',
      url: 'https://x.test/a',
      body: { items: [{ id: 1 }], cursor: { x: 1, y: 2 } },
    },
    {
      name: 'total with no offset parameter',
      url: 'https://x.test/a?q=1',
      body: { items: [{ id: 1 }], total: 40 },
    },
    {
      name: 'result_count alone',
      url: 'https://x.test/a',
      body: { data: [{ id: 1 }], meta: { result_count: 1 } },
    },
    {
      name: 'links array of social rels',
      url: 'https://x.test/me',
      body: { items: [{ id: 1 }], links: [{ rel: 'twitter', href: 'https://twitter.com/x' }] },
    },
    { name: 'hits without nbPages', url: 'https://x.test/search', body: { hits: [{ id: 1 }], page: 0 } },
  ];
  for (const n of [...negativeFixtures, ...extra]) assert.equal(detect(exchangeOf(n)), null, n.name);
});

test('items + numeric page echoing ?page= is a low-confidence page chain stepping page+1', () => {
  const d = detect(
    exchangeOf({
      url: 'http://127.0.0.1:8080/buggy/x?page=3&q=a',
      body: { items: [{ id: 21 }, { id: 22 }], page: 3 },
    }),
  );
  assert.equal(d?.kind, 'page');
  assert.ok(d && d.confidence <= 0.45);
  assert.equal(d?.position.page, 3);
  assert.equal(d?.next?.url, 'http://127.0.0.1:8080/buggy/x?page=4&q=a');
  const empty = detect(
    exchangeOf({ url: 'http://127.0.0.1:8080/buggy/x?page=9', body: { items: [], page: 9 } }),
  );
  assert.equal(empty?.next, undefined, 'an empty echoed page builds no next');
});

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

test('setQueryParam keeps OData $skip readable', () => {
  assert.equal(
    setQueryParam('https://x.test/People?$top=2', '$skip', '4'),
    'https://x.test/People?$top=2&$skip=4',
  );
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

test('never throws on odd input to the new detectors', () => {
  const odd: unknown[] = [
    { object: 'list', results: 'x', has_more: 'yes', next_cursor: 5 },
    { hits: null, page: -1, nbPages: 'many' },
    { meta: { result_count: 'x', next_token: {} }, data: 3 },
    { next_page_token: 7, users: [], page_size: 'x' },
    { pagination: { urls: [], page: {}, pages: null }, releases: 'r' },
    { entries: [{}], cursor: 12, has_more: 'true' },
    { next_page: { offset: { a: 1 }, uri: 7 }, data: [{ id: 1 }] },
    { links: [null, 1, { rel: 'next' }], items: [{}] },
    {
      links: [
        { rel: 'prev', href: null },
        { rel: 'last', href: 7 },
      ],
      items: [{}],
      total_pages: 2,
    },
    { links: { prev: 5, first: { href: {} }, last: [] }, data: [{ id: 1 }], total: 9 },
  ];
  for (const body of odd) {
    for (const method of ['GET', 'POST']) {
      const ex = exchangeOf({
        url: 'https://x.test/a?page=1',
        method,
        requestBody: method === 'POST' ? '{bad json' : undefined,
        body,
      });
      assert.doesNotThrow(() => detectWithReason(ex));
      assert.doesNotThrow(() => detectAs(ex, 'notion'));
    }
  }
  assert.equal(
    detect(
      headerExchange({
        url: 'https://x.test/a',
        headers: [['X-Pagination-Current-Page', 'x']],
        body: rows(1),
      }),
    ),
    null,
  );
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
