import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signal } from '@preact/signals';
import type { Exchange } from '../../../core/exchange.ts';
import { detect } from '../../../core/detect/index.ts';
import type { CrawlOutcomeLike } from '../lib/crawl-findings.ts';
import { createCaptureState } from './capture-state.ts';
import { createChainState } from './chain-state.ts';
import type { CapturedItem } from './captured-item.ts';

const U = 'https://api.test/feed';

/** Offset pages of a 35-record list; `shift` repeats the previous page's last id first (a moving list). */
function page(offset: number, shift = 0, path = U): Exchange {
  const ids = Array.from({ length: 10 }, (_, i) => offset + i + 1 - shift);
  const body = { items: ids.map((id) => ({ id, name: `r${id}` })), offset, limit: 10, total: 35 };
  return {
    request: { method: 'GET', url: `${path}?offset=${offset}&limit=10`, headers: [] },
    response: { status: 200, headers: [], mimeType: 'application/json', bodyText: JSON.stringify(body) },
  };
}

function setup(exchanges: Exchange[]) {
  const capture = createCaptureState({ schedule: () => {} });
  capture.add(exchanges);
  const selected = signal<CapturedItem | undefined>(undefined);
  const select = (i: number) => (selected.value = capture.items.value[i]);
  return { capture, select, state: createChainState(capture.items, selected) };
}

test('the chain of the selected request: seen nodes carry the item ids, predicted nodes run to the total', () => {
  const { state, select, capture } = setup([page(0), page(10)]);
  assert.equal(state.chain.value, null, 'nothing selected, no chain');
  select(1);
  const c = state.chain.value!;
  assert.equal(c.kind, 'offset');
  assert.deepEqual(
    c.nodes.map((n) => [n.label, n.state]),
    [
      ['@0', 'seen'],
      ['@10', 'seen'],
      ['@20', 'predicted'],
      ['@30', 'predicted'],
    ],
  );
  assert.deepEqual(
    c.nodes.slice(0, 2).map((n) => n.exchangeId),
    capture.items.value.map((it) => it.id),
  );
  assert.equal(state.diagnostics.value!.findings.length, 0);
  assert.equal(state.diagnostics.value!.counts.error, 0);
});

test('duplicates across pages: a duplicate-records error, its pages marked on the chain', () => {
  const { state, select } = setup([page(0), page(10, 1), page(20, 2)]);
  select(0);
  const d = state.diagnostics.value!;
  const dup = d.findings.find((f) => f.rule === 'duplicate-records');
  assert.ok(dup, d.findings.map((f) => f.rule).join());
  assert.equal(d.counts.error >= 1, true);
  assert.deepEqual(d.marks.get('o0')?.rules.includes('duplicate-records'), true);
  assert.deepEqual(d.marks.get('o10')?.rules.includes('duplicate-records'), true);
});

test('memoised: pages of another endpoint do not rebuild this chain; a new page of it does', () => {
  const { state, select, capture } = setup([page(0), page(10)]);
  select(0);
  const before = state.chain.value;
  const diag = state.diagnostics.value;
  capture.add([page(0, 0, 'https://api.test/other')]);
  assert.equal(state.chain.value, before);
  assert.equal(state.diagnostics.value, diag);
  assert.equal(state.groups.value.size, 2);
  capture.add([page(20)]);
  assert.notEqual(state.chain.value, before);
  assert.equal(state.chain.value!.nodes.filter((n) => n.state === 'seen').length, 3);
  capture.clear();
  assert.equal(state.groups.value.size, 0);
});

test('markChainCrawled: predicted nodes turn crawled; pages with their records join the diagnosis', () => {
  const { state, select } = setup([page(0)]);
  select(0);
  const key = state.selectedKey.value!;
  const crawled = [page(10), page(20, 1)].map((ex, i) => {
    const body = JSON.parse(ex.response.bodyText ?? '');
    return {
      index: i + 1,
      url: ex.request.url,
      detection: detect(ex),
      recordCount: 10,
      status: 200,
      records: body.items,
    };
  });
  state.markChainCrawled(key, crawled);
  const c = state.chain.value!;
  assert.deepEqual(
    c.nodes.map((n) => n.state),
    ['seen', 'crawled', 'crawled', 'predicted'],
  );
  const d = state.diagnostics.value!;
  assert.equal(d.pages.length, 3);
  assert.ok(d.findings.some((f) => f.rule === 'duplicate-records'));
  assert.ok(d.marks.get('o20'), 'a crawled node can be marked');
  // Without records (a deduplicated store copy) the node still turns crawled but is not diagnosed.
  state.markChainCrawled(
    key,
    crawled.map(({ records: _r, ...p }) => p),
  );
  assert.equal(state.chain.value!.nodes[2].state, 'crawled');
  assert.equal(state.diagnostics.value!.pages.length, 1);
});

test("what the chain's crawl found is a finding: a loop stop, its page marked; a later clean crawl clears it", () => {
  const capture = createCaptureState({ schedule: () => {} });
  capture.add([page(0), page(10)]);
  const selected = signal<CapturedItem | undefined>(capture.items.value[0]);
  const crawls = signal<CrawlOutcomeLike[]>([]);
  const state = createChainState(capture.items, selected, crawls);
  assert.equal(state.diagnostics.value!.findings.length, 0, 'clean pages, no crawl yet');
  const looped = {
    source: { method: 'GET', url: `${U}?limit=10&offset=0` },
    startedAt: 1,
    status: 'stopped',
    stoppedReason: 'loop' as const,
    detail: `page 4 (${U}?offset=30&limit=10) repeats the records of page 3`,
    pages: 3,
  };
  crawls.value = [looped];
  const d = state.diagnostics.value!;
  assert.deepEqual(
    d.findings.map((f) => f.rule),
    ['crawl-loop'],
  );
  assert.equal(d.counts.error, 1);
  assert.deepEqual(d.marks.get('o30')?.rules, ['crawl-loop'], 'the page that repeated is marked');
  crawls.value = [looped, { ...looped, startedAt: 2, status: 'done', stoppedReason: 'done' as const }];
  assert.equal(state.diagnostics.value!.findings.length, 0);
});
