import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Exchange } from '../exchange.ts';
import type { Detection } from '../detect/types.ts';
import { buildChains, markCrawled, chainKey, type ChainItem } from './index.ts';

function item(url: string, d: Partial<Detection>, id?: string): ChainItem {
  const exchange: Exchange = {
    id,
    request: { method: 'GET', url, headers: [] },
    response: { status: 200, headers: [], mimeType: 'application/json', bodyText: '[]' },
  };
  const detection: Detection = {
    kind: 'page',
    style: 'test',
    confidence: 0.9,
    evidence: [],
    method: 'GET',
    url,
    position: {},
    links: {},
    params: {},
    recordsPath: [],
    recordCount: 10,
    ...d,
  };
  return { exchange, detection };
}

const laravel = (page: number, last = 5, extra = '') => {
  const url = `https://api.example.com/v1/users?page=${page}&per_page=10${extra}`;
  return item(
    url,
    {
      style: 'laravel',
      position: { page },
      pageSize: 10,
      totalRecords: last * 10 - 3,
      totalPages: last,
      params: { page: 'page', size: 'per_page' },
      next:
        page < last ? { method: 'GET', url: url.replace(`page=${page}&`, `page=${page + 1}&`) } : undefined,
      links: page > 1 ? { prev: url.replace(`page=${page}&`, `page=${page - 1}&`) } : {},
    },
    `x${page}`,
  );
};

test('chainKey: pages of one endpoint share a key, filters split it, parameter order does not', () => {
  const a = laravel(1, 5, '&status=open');
  const b = laravel(2, 5, '&status=open');
  const c = laravel(1, 5, '&status=closed');
  assert.equal(chainKey(a.exchange, a.detection), chainKey(b.exchange, b.detection));
  assert.notEqual(chainKey(a.exchange, a.detection), chainKey(c.exchange, c.detection));
  assert.match(chainKey(a.exchange, a.detection), /status=open/);
  const reordered = item('https://api.example.com/v1/users?status=open&per_page=10&page=3', {
    params: { page: 'page' },
  });
  assert.equal(chainKey(reordered.exchange, reordered.detection), chainKey(a.exchange, a.detection));
  // A parameter only this detection knows is pagination (`pg`) is dropped too.
  const own1 = item('https://x.test/list?pg=1&q=a', { params: { page: 'pg' } });
  const own2 = item('https://x.test/list?pg=2&q=a', { params: { page: 'pg' } });
  assert.equal(chainKey(own1.exchange, own1.detection), chainKey(own2.exchange, own2.detection));
});

test('numbered chain with a total: seen pages in order, the rest predicted with addresses', () => {
  const [chain, ...more] = buildChains([laravel(2), laravel(1)]);
  assert.equal(more.length, 0);
  assert.equal(chain.title, 'GET /v1/users');
  assert.equal(chain.totalPages, 5);
  assert.deepEqual(
    chain.nodes.map((n) => [n.label, n.state]),
    [
      ['1', 'seen'],
      ['2', 'seen'],
      ['3', 'predicted'],
      ['4', 'predicted'],
      ['5', 'predicted'],
    ],
  );
  assert.equal(chain.nodes[0].first, true);
  assert.equal(chain.nodes[4].last, true);
  assert.equal(chain.nodes[0].exchangeId, 'x1');
  assert.equal(new URL(chain.nodes[3].url).searchParams.get('page'), '4');
  assert.equal(new URL(chain.nodes[3].url).searchParams.get('per_page'), '10');
  const next = chain.edges.filter((e) => e.rel === 'next').map((e) => `${e.from}>${e.to}`);
  assert.deepEqual(next, ['p1>p2', 'p2>p3', 'p3>p4', 'p4>p5']);
  assert.ok(chain.edges.some((e) => e.rel === 'prev' && e.from === 'p2' && e.to === 'p1'));
  assert.deepEqual(structuredClone(chain), chain);
});

test('huge totals: first and last pages, the fetched ones and their neighbours, gap nodes for the rest', () => {
  const [chain] = buildChains([laravel(1, 1000), laravel(500, 1000)]);
  const labels = chain.nodes.map((n) => n.label);
  assert.deepEqual(labels, ['1', '2', '3', '…', '500', '501', '…', '998', '999', '1000']);
  const gaps = chain.nodes.filter((n) => n.gap);
  assert.deepEqual(
    gaps.map((g) => g.gap),
    [
      { from: 4, to: 499, count: 496 },
      { from: 502, to: 997, count: 496 },
    ],
  );
  assert.match(gaps[0].note!, /496 predicted pages not drawn/);
  assert.ok(chain.nodes.length < 15);
});

const cursorPage = (cur: string | undefined, next: string | undefined, id: string) => {
  const url = `https://api.example.com/v1/charges?limit=3${cur ? `&starting_after=${cur}` : ''}`;
  return item(
    url,
    {
      kind: 'cursor',
      style: 'stripe',
      position: cur ? { cursor: cur } : {},
      params: { cursor: 'starting_after', size: 'limit' },
      hasMore: next !== undefined,
      next: next
        ? { method: 'GET', url: `https://api.example.com/v1/charges?limit=3&starting_after=${next}` }
        : undefined,
    },
    id,
  );
};

test('cursor chain: ordered by following next cursors, the next one predicted, long cursors abbreviated', () => {
  const [chain] = buildChains([
    cursorPage('ch_3', 'ch_6', 'b'),
    cursorPage(undefined, 'ch_3', 'a'),
    cursorPage('ch_6', 'ch_9_abcdefghijklmnop', 'c'),
  ]);
  assert.deepEqual(
    chain.nodes.map((n) => n.exchangeId ?? n.state),
    ['a', 'b', 'c', 'predicted'],
  );
  assert.equal(chain.nodes[0].label, 'start');
  assert.equal(chain.nodes[0].first, true);
  assert.equal(chain.nodes[1].cursor, 'ch_3');
  assert.equal(chain.nodes[3].cursor, 'ch_9_abcdefghijklmnop');
  assert.equal(chain.nodes[3].label, 'ch_9_abc…');
  assert.deepEqual(
    chain.edges.map((e) => `${e.from}>${e.to}`),
    [`${chain.nodes[0].id}>c:ch_3`, 'c:ch_3>c:ch_6', 'c:ch_6>c:ch_9_abcdefghijklmnop'],
  );
});

test('an API that answers page 1 on every cursor page is ordered by cursors, not collapsed', () => {
  const mk = (cur: string | undefined, next: string) =>
    item(`https://h.test/api/v2/suggestions?sort=-votes${cur ? `&cursor=${cur}` : ''}`, {
      kind: 'cursor',
      position: { page: 1 },
      totalPages: 10,
      params: { cursor: 'cursor' },
      next: { method: 'GET', url: `https://h.test/api/v2/suggestions?sort=-votes&cursor=${next}` },
    });
  const [chain] = buildChains([mk(undefined, 'AA'), mk('AA', 'BB')]);
  assert.deepEqual(
    chain.nodes.map((n) => n.label),
    ['start', 'AA', 'BB', '…'],
  );
  assert.equal(chain.nodes[3].gap?.count, 7);
});

test('offset chain with a total predicts offsets; the last page is flagged', () => {
  const off = (o: number) =>
    item(`https://h.test/items?offset=${o}&limit=20`, {
      kind: 'offset',
      position: { offset: o },
      pageSize: 20,
      totalRecords: 50,
      params: { offset: 'offset', size: 'limit' },
      next:
        o + 20 < 50 ? { method: 'GET', url: `https://h.test/items?offset=${o + 20}&limit=20` } : undefined,
    });
  const [chain] = buildChains([off(0)]);
  assert.deepEqual(
    chain.nodes.map((n) => [n.label, n.state]),
    [
      ['@0', 'seen'],
      ['@20', 'predicted'],
      ['@40', 'predicted'],
    ],
  );
  assert.equal(chain.nodes[0].first, true);
});

test('markCrawled: predicted pages become crawled; cursor pages beyond the prediction are added', () => {
  const [numbered] = buildChains([laravel(1, 3)]);
  const crawled = markCrawled(
    numbered,
    [2, 3].map((p) => ({
      url: laravel(p, 3).exchange.request.url,
      detection: laravel(p, 3).detection,
      recordCount: 7,
    })),
  );
  assert.deepEqual(
    crawled.nodes.map((n) => [n.label, n.state]),
    [
      ['1', 'seen'],
      ['2', 'crawled'],
      ['3', 'crawled'],
    ],
  );
  assert.equal(crawled.nodes[2].recordCount, 7);

  const [cursor] = buildChains([cursorPage(undefined, 'ch_3', 'a')]);
  assert.deepEqual(
    cursor.nodes.map((n) => n.state),
    ['seen', 'predicted'],
  );
  const after = markCrawled(
    cursor,
    [cursorPage('ch_3', 'ch_6', ''), cursorPage('ch_6', undefined, '')].map((i) => ({
      url: i.exchange.request.url,
      detection: i.detection,
      recordCount: 3,
    })),
  );
  assert.deepEqual(
    after.nodes.map((n) => [n.label, n.state]),
    [
      ['start', 'seen'],
      ['ch_3', 'crawled'],
      ['ch_6', 'crawled'],
    ],
  );
  assert.equal(after.nodes[2].last, true);
});

test('different filters make different chains, in order of first capture', () => {
  const chains = buildChains([
    laravel(1, 5, '&status=open'),
    laravel(1, 5, '&status=closed'),
    laravel(2, 5, '&status=open'),
  ]);
  assert.equal(chains.length, 2);
  assert.equal(chains[0].nodes.filter((n) => n.state === 'seen').length, 2);
});

test('markCrawled: pages crawled through links carrying a snapshot cursor (?cursor=…&page=N) fold onto the numbered nodes', () => {
  // Laravel-style links (seed 002): every response names its pages as `?cursor=<new token>&page=N`.
  const withCursor = (p: number, token: string) => {
    const i = laravel(p, 4, `&cursor=${token}`);
    i.detection.params = { ...i.detection.params, cursor: 'cursor' };
    return i;
  };
  const seen = [laravel(1, 4), laravel(2, 4)].map((i) => {
    i.detection.params = { ...i.detection.params, cursor: 'cursor' };
    return i;
  });
  const [chain] = buildChains(seen);
  assert.deepEqual(
    chain.nodes.map((n) => [n.label, n.state]),
    [
      ['1', 'seen'],
      ['2', 'seen'],
      ['3', 'predicted'],
      ['4', 'predicted'],
    ],
  );
  const crawled = markCrawled(
    chain,
    [seen[0], withCursor(2, 'A'), withCursor(3, 'B'), withCursor(4, 'C')].map((i) => ({
      url: i.exchange.request.url,
      detection: i.detection,
      recordCount: 10,
    })),
  );
  assert.deepEqual(
    crawled.nodes.map((n) => [n.label, n.state]),
    [
      ['1', 'seen'],
      ['2', 'seen'],
      ['3', 'crawled'],
      ['4', 'crawled'],
    ],
  );
});
