// chainsWithPages reads each member's detection as given (it never detects again), and the HAR
// path (detectMembers, then chainsWithPages) builds the same pages from the same exchanges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../detect/index.ts';
import type { Detection } from '../detect/types.ts';
import type { Exchange } from '../exchange.ts';
import { chainsWithPages, detectMembers, pagesFromExchanges } from './index.ts';

const U = 'https://api.test/feed';

/** An offset page of 25 records: `items` holds the page, `featured` two records of its own. */
function page(offset: number): Exchange {
  const items = Array.from({ length: 10 }, (_, i) => ({ id: offset + i + 1 })).filter((r) => r.id <= 25);
  const body = {
    items,
    featured: [{ id: 900 + offset }, { id: 901 + offset }],
    offset,
    limit: 10,
    total: 25,
  };
  return {
    request: { method: 'GET', url: `${U}?offset=${offset}&limit=10`, headers: [] },
    response: { status: 200, headers: [], mimeType: 'application/json', bodyText: JSON.stringify(body) },
  };
}

const detected = (ex: Exchange): Detection => {
  const d = detect(ex);
  assert.ok(d, `${ex.request.url} is detected`);
  return d;
};

test('a given detection is used as given: records by its recordsPath, not the one detect() finds', () => {
  const exchanges = [page(0), page(10), page(20)];
  assert.deepEqual(detected(exchanges[1]).recordsPath, ['items']);
  const given = { ...detected(exchanges[1]), recordsPath: ['featured'], style: 'given' };
  const members = exchanges.map((exchange, i) => ({
    exchange,
    detection: i === 1 ? given : detected(exchange),
  }));
  const [only, ...rest] = chainsWithPages(members);
  assert.equal(rest.length, 0);
  assert.equal(only.pages[1].detection, given, 'the very object given');
  assert.deepEqual(only.pages[1].records, [{ id: 910 }, { id: 911 }]);
  assert.equal(only.pages[0].records.length, 10);
});

test('a member given no detection is read as the chain end, even when detect() would find one', () => {
  const exchanges = [page(0), page(10), page(20)];
  const members = exchanges.map((exchange, i) => ({
    exchange,
    detection: i === 2 ? null : detected(exchange),
  }));
  const [{ pages }] = chainsWithPages(members);
  assert.equal(pages.length, 3);
  assert.equal(pages[2].detection?.confidence, 0, 'the end-page reading, not a fresh detection');
  assert.match(pages[2].detection?.evidence[0].note ?? '', /end of the chain/);
  assert.equal(pages[2].records.length, 5);
});

test('the HAR path detects once and builds the same chains and pages as detected members', () => {
  // Captured out of order, with another endpoint in between.
  const other = { ...page(0), request: { ...page(0).request, url: `${U}/other?offset=0&limit=10` } };
  const exchanges = [page(20), other, page(0), page(10)];
  const members = exchanges.map((exchange, i) => ({
    exchange: { ...exchange, id: `#${i}` },
    detection: detect(exchange),
  }));
  assert.deepEqual(detectMembers(exchanges), members);
  const chains = chainsWithPages(members);
  assert.deepEqual(
    chains.map((c) => c.pages.map((p) => p.url)),
    [[0, 10, 20].map((o) => `${U}?offset=${o}&limit=10`), [`${U}/other?offset=0&limit=10`]],
  );
  assert.deepEqual(pagesFromExchanges(exchanges), chains[0].pages);
});
