// Zero false alarms: chains of many clean styles, including short and empty pages where the style
// documents them, must produce no finding at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from './fixtures/api.ts';
import { findingsOf, summary } from './fixtures/helpers.ts';
import { diagnoseExchanges } from './index.ts';
import * as bodyApis from '../detect/fixtures/body-apis.ts';
import * as bodyMore from '../detect/fixtures/body-saas-apis.ts';
import * as bodySeeds from '../detect/fixtures/body-seeds.ts';
import * as publicPage from '../detect/fixtures/public-apis-page.ts';
import * as publicOffset from '../detect/fixtures/public-apis-offset.ts';
import * as publicCursor from '../detect/fixtures/public-apis-cursor.ts';
import { exchangeOf } from '../detect/fixtures/body-fixture.ts';
import { headerExchange } from '../detect/fixtures/headers-fixture.ts';
import * as hLink from '../detect/fixtures/headers-link.ts';
import * as hGitlab from '../detect/fixtures/headers-gitlab.ts';
import * as hWp from '../detect/fixtures/headers-wordpress.ts';
import * as hTotal from '../detect/fixtures/headers-total-count.ts';
import * as hRange from '../detect/fixtures/headers-content-range.ts';
import * as hVanilla from '../detect/fixtures/headers-vanilla.ts';
import type { Exchange } from '../exchange.ts';

const recs = api.records(23);
const desc = [...recs].reverse();

const clean: [string, string, api.Handler, string[]?][] = [
  [
    'Laravel with a filter and a short last page',
    'https://api.test/v1/users?per_page=5&status=open',
    api.laravel(recs),
  ],
  ['Laravel sorted newest first', 'https://api.test/v1/users?per_page=5&sort=-created_at', api.laravel(desc)],
  [
    'Vanilla with rows hidden by permissions (an empty page mid-chain)',
    'https://forum.test/api/v2/discussions?limit=5',
    api.vanilla(recs, { hidden: new Set([6, 7, 8, 9, 10, 12]) }),
  ],
  [
    'Stripe, newest first',
    'https://api.test/v1/charges?limit=5',
    api.stripe(desc.map((r) => ({ ...r, id: `ch_${r.id}` }))),
  ],
  ['GitHub Link header', 'https://gh.test/repos/o/r/issues?per_page=5&state=open', api.github(recs)],
  ['Slack cursors', 'https://slack.test/api/users.list?limit=5', api.slack(recs)],
  [
    'Vend 0.x totals, short last page, probe past the end',
    'https://shop.test/api/customers?page_size=5',
    api.vend(recs),
    ['https://shop.test/api/customers?page_size=5&page=6'],
  ],
  ['offset/limit', 'https://x.test/items?limit=5', api.offsetApi(() => recs)],
  [
    'offset/limit, server caps nothing, exact multiple',
    'https://x.test/items?limit=4',
    api.offsetApi(() => api.records(20)),
  ],
  ['one page only', 'https://api.test/v1/users?per_page=50', api.laravel(recs)],
  [
    'Laravel, ids not sequential',
    'https://api.test/v1/users?per_page=5',
    api.laravel(recs.filter((r) => r.id % 3 !== 0)),
  ],
];

for (const [name, start, handler, extra] of clean) {
  test(`clean: ${name} → no findings`, () => {
    assert.deepEqual(summary(findingsOf(start, handler, extra)), []);
  });
}

test('clean: a HAR with several chains in shuffled order → no findings in any chain', () => {
  const exchanges = [
    ...api.walk('https://api.test/v1/users?per_page=5&status=open', api.laravel(recs)),
    ...api.walk('https://api.test/v1/users?per_page=5&status=closed', api.laravel(recs.slice(0, 12))),
    ...api.walk('https://slack.test/api/users.list?limit=4', api.slack(recs)),
    ...api.walk('https://gh.test/repos/o/r/issues?per_page=6', api.github(recs)),
  ];
  // Deterministic shuffle: captures arrive in any order.
  const shuffled = exchanges
    .map((e, i) => ({ e, k: (i * 7919) % 31 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.e);
  const result = diagnoseExchanges(shuffled);
  assert.equal(result.length, 4);
  for (const r of result) assert.deepEqual(summary(r.findings), [], r.chain.key);
  const slackChain = result.find((r) => r.chain.title.includes('users.list'))!;
  assert.equal(slackChain.pages.length, 6);
  assert.deepEqual(
    slackChain.pages.map((p) => p.records.length),
    [4, 4, 4, 4, 4, 3],
  );
});

// Every detection fixture is a real API's page as its docs show it: diagnosed alone, none is a bug.

function fixtureExchanges(): [string, Exchange][] {
  const out: [string, Exchange][] = [];
  for (const mod of [bodyApis, bodyMore, bodySeeds, publicPage, publicOffset, publicCursor] as Record<
    string,
    unknown
  >[]) {
    for (const list of Object.values(mod)) {
      if (!Array.isArray(list)) continue;
      for (const f of list)
        if (f && typeof f === 'object' && 'url' in f && 'body' in f && 'expect' in f)
          out.push([f.name, exchangeOf(f)]);
    }
  }
  for (const mod of [hLink, hGitlab, hWp, hTotal, hRange, hVanilla] as Record<string, unknown>[]) {
    for (const list of Object.values(mod)) {
      if (!Array.isArray(list)) continue;
      for (const f of list)
        if (f && typeof f === 'object' && 'url' in f && 'headers' in f) out.push([f.name, headerExchange(f)]);
    }
  }
  return out;
}

test('clean: every detection fixture, diagnosed alone → no findings', () => {
  const all = fixtureExchanges();
  assert.ok(all.length > 100, `fixtures found: ${all.length}`);
  const bad = all.flatMap(([name, ex]) =>
    diagnoseExchanges([ex]).flatMap((c) => summary(c.findings).map((s) => `${name}: ${s}`)),
  );
  assert.deepEqual(bad, []);
});
