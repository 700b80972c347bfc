// The well-known body styles, each detector run alone on its doc-shaped fixtures (first, middle and
// last pages); body-styles.test.ts runs the same fixtures through detect() and the registry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drf } from './drf.ts';
import { generic } from './generic.ts';
import { google } from './google.ts';
import { graphApi } from './graph-api.ts';
import { hal } from './hal.ts';
import { jsonApi } from './json-api.ts';
import { odata } from './odata.ts';
import { offsetLimit } from './offset-limit.ts';
import { relay } from './relay.ts';
import { slack } from './slack.ts';
import { stripe } from './stripe.ts';
import { zendesk } from './zendesk.ts';
import * as fx from './fixtures/body-apis.ts';
import { mismatches, runDetector, type BodyFixture } from './fixtures/body-fixture.ts';
import type { Detector } from './types.ts';

const groups: [Detector, BodyFixture[]][] = [
  [stripe, fx.stripeFixtures],
  [slack, fx.slackFixtures],
  [jsonApi, fx.jsonApiFixtures],
  [hal, fx.halFixtures],
  [odata, fx.odataFixtures],
  [google, fx.googleFixtures],
  [relay, fx.relayFixtures],
  [drf, fx.drfFixtures],
  [offsetLimit, fx.offsetLimitFixtures],
  [zendesk, fx.zendeskFixtures],
  [graphApi, fx.graphApiFixtures],
  [generic, fx.genericFixtures],
];

for (const [detector, fixtures] of groups) {
  for (const f of fixtures) {
    test(`${detector.name}: ${f.name}`, () => {
      assert.deepEqual(mismatches(f, runDetector(detector, f)), []);
    });
  }
}

test('slack: a form POST gets the cursor added to its form body', () => {
  const r = runDetector(slack, fx.slackFixtures[2]);
  assert.equal(r?.next?.method, 'POST');
  assert.equal(new URLSearchParams(r?.next?.body).get('cursor'), 'bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz');
  assert.equal(new URLSearchParams(r?.next?.body).get('channel'), 'C123ABC456');
});

test('stripe: paging backwards with ending_before uses the first record', () => {
  const r = runDetector(stripe, {
    url: 'https://api.stripe.com/v1/charges?ending_before=ch_5',
    body: { object: 'list', url: '/v1/charges', has_more: true, data: [{ id: 'ch_9' }, { id: 'ch_8' }] },
  });
  assert.equal(r?.next?.url, 'https://api.stripe.com/v1/charges?ending_before=ch_9');
});

test('stripe: a list object without has_more is not Stripe', () => {
  assert.equal(runDetector(stripe, { url: 'https://x.test/a', body: { object: 'list', data: [] } }), null);
});

test('relay: the outermost connection wins over nested ones', () => {
  const r = runDetector(relay, {
    url: 'https://x.test/graphql?query=q',
    body: {
      data: {
        viewer: {
          repos: {
            pageInfo: { hasNextPage: true, endCursor: 'Y3Vyc29yOjI=' },
            edges: [{ node: { id: 1, issues: { pageInfo: { hasNextPage: false }, edges: [] } } }],
          },
        },
      },
    },
  });
  assert.deepEqual(r?.recordsPath, ['data', 'viewer', 'repos', 'edges', '*', 'node']);
  assert.equal(
    r?.next?.url,
    'https://x.test/graphql?query=q&variables=%7B%22after%22%3A%22Y3Vyc29yOjI%3D%22%7D',
  );
});

test('drf: a next that is not a URL is not DRF', () => {
  assert.equal(
    runDetector(drf, {
      url: 'https://x.test/a',
      body: { count: 2, next: 'Jane', previous: null, results: [] },
    }),
    null,
  );
});

test('hal: a single HAL resource (self link only, no page, no embedded list) is not paginated', () => {
  assert.equal(
    runDetector(hal, { url: 'https://x.test/a/1', body: { id: 1, _links: { self: { href: '/a/1' } } } }),
    null,
  );
});

test('odata: a plain collection with no paging request and no nextLink is not claimed', () => {
  assert.equal(
    runDetector(odata, {
      url: 'https://x.test/odata/People',
      body: { '@odata.context': 'x', value: [{ a: 1 }] },
    }),
    null,
  );
});

test('generic: a single weak signal is not enough', () => {
  assert.equal(
    runDetector(generic, { url: 'https://x.test/a', body: { page: 2, items: [{ id: 1 }] } }),
    null,
  );
  assert.equal(
    runDetector(generic, { url: 'https://x.test/a', body: { total: 20, items: [{ id: 1 }] } }),
    null,
  );
  assert.equal(
    runDetector(generic, { url: 'https://x.test/a', body: { next_cursor: 'Alice', items: [{ id: 1 }] } }),
    null,
  );
});

test('generic: confidence stays below the named styles', () => {
  for (const f of fx.genericFixtures) {
    const r = runDetector(generic, f);
    assert.ok(r && r.confidence >= 0.5 && r.confidence <= 0.7, `${f.name}: ${r?.confidence}`);
  }
});
