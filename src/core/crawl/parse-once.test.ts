// Each crawled page's body is parsed once: records and detection share fetchPage's parse. Detection
// given the parsed body answers exactly as detection that parses it itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect, detectAs, detectWithReason } from '../detect/index.ts';
import { exchangeOf } from '../detect/fixtures/body-fixture.ts';
import * as apis from '../detect/fixtures/body-apis.ts';
import * as more from '../detect/fixtures/body-saas-apis.ts';
import * as seeds from '../detect/fixtures/body-seeds.ts';
import * as search from '../detect/fixtures/body-search-apis.ts';
import { negativeFixtures } from '../detect/fixtures/body-negatives.ts';
import { parseJson } from '../json.ts';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink, type FakeReply } from './testing/fakes.ts';
import { laravelPages, linkPages, startOf, stripePages } from './testing/fake-apis.ts';

const fixtures = [
  ...[seeds, apis, more, search].flatMap((m) => Object.values(m).flat()),
  ...negativeFixtures,
  { name: 'not JSON', url: 'http://api.test/x', body: '<html></html>' },
  { name: 'broken JSON', url: 'http://api.test/x', body: '{"data": [' },
];

test('detection with the body already parsed equals detection that parses it (every body fixture)', () => {
  for (const f of fixtures) {
    const ex = exchangeOf(f);
    const body = parseJson(ex.response.bodyText);
    const own = detectWithReason(ex);
    assert.deepEqual(detectWithReason(ex, undefined, { body }), own, f.name);
    assert.deepEqual(detect(ex, { body }), detect(ex), f.name);
    // Its own style (the fast path) and styles it is not (the last-page and fallback paths).
    const styles = [own.ok ? own.detection.style : 'generic', 'link-header', 'stripe', 'laravel'];
    for (const style of styles)
      assert.deepEqual(detectAs(ex, style, { body }), detectAs(ex, style), `${f.name} as ${style}`);
  }
});

/** JSON.parse calls made while `run` runs. */
async function countParses<T>(run: () => Promise<T>): Promise<{ result: T; parses: number }> {
  const parse = JSON.parse;
  let parses = 0;
  JSON.parse = ((...args: Parameters<typeof parse>) => (parses++, parse(...args))) as typeof parse;
  try {
    return { result: await run(), parses };
  } finally {
    JSON.parse = parse;
  }
}

/** A link chain whose last page switches to a Stripe list: the fast path fails, every fallback runs. */
function switchingLinkPages(): (url: URL) => FakeReply {
  const healthy = linkPages(9, 3);
  return (url) =>
    url.searchParams.get('page') === '3'
      ? { body: { object: 'list', data: [{ id: 7 }, { id: 8 }, { id: 9 }], has_more: false } }
      : healthy(url);
}

for (const [name, route, url] of [
  ['link chain, last page without Link', linkPages(12, 3), 'http://api.test/items?page=1'],
  ['link chain switching style on its last page', switchingLinkPages(), 'http://api.test/items?page=1'],
  ['cursor chain', stripePages(12, 3), 'http://api.test/v1/customers?limit=3'],
  ['numbered pages, concurrent', laravelPages(12, 3), 'http://api.test/users?page=1'],
] as const) {
  test(`a crawled page is parsed once (${name})`, async () => {
    const clock = new FakeClock();
    const f = fakeFetch(clock, route);
    const sink = new MemorySink();
    const start = await startOf(f.fetch, url);
    const { result: s, parses } = await countParses(() => crawl(start, { fetch: f.fetch, clock, sink }));
    assert.equal(s.stoppedReason, 'done');
    assert.ok(f.calls.length > 2);
    // One parse per request the crawl made, plus the start page's records.
    assert.equal(parses, f.calls.length - 1 + 1);
  });
}
