import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signal } from '@preact/signals';
import type { Exchange } from '../../../core/exchange.ts';
import { createCaptureState } from './capture-state.ts';
import { createChainState } from './chain-state.ts';
import type { CapturedItem } from './captured-item.ts';

const U = 'https://api.test/feed';

/** Offset pages of a 35-record list with its total: numbered pages, crawled concurrently. */
function offsetPage(offset: number): Exchange {
  const ids = Array.from({ length: 10 }, (_, i) => offset + i + 1);
  const body = { items: ids.map((id) => ({ id })), offset, limit: 10, total: 35 };
  return {
    request: { method: 'GET', url: `${U}?offset=${offset}&limit=10`, headers: [] },
    response: { status: 200, headers: [], mimeType: 'application/json', bodyText: JSON.stringify(body) },
  };
}

/** Link-header pages with no total: followed link by link. */
function linkPage(page: number): Exchange {
  const body = [{ id: page * 2 - 1 }, { id: page * 2 }];
  return {
    request: { method: 'GET', url: `${U}?page=${page}&per_page=2`, headers: [] },
    response: {
      status: 200,
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Link', value: `<${U}?page=${page + 1}&per_page=2>; rel="next"` },
      ],
      mimeType: 'application/json',
      bodyText: JSON.stringify(body),
    },
  };
}

function chainOf(exchanges: Exchange[], selectIndex: number) {
  const capture = createCaptureState({ schedule: () => {} });
  capture.add(exchanges);
  const selected = signal<CapturedItem | undefined>(capture.items.value[selectIndex]);
  return createChainState(capture.items, selected);
}

test('numbered pages with a total: the chain crawl starts at the first seen page, whichever page is selected', () => {
  const state = chainOf([offsetPage(10), offsetPage(0), offsetPage(20)], 2);
  assert.equal(state.chain.value?.kind, 'offset');
  assert.equal(state.crawlStart.value?.exchange.request.url, `${U}?offset=0&limit=10`);
  assert.equal(state.crawlStart.value?.detection.position.offset, 0);
});

test('a link chain: the chain crawl starts at the last seen page in chain order, not in capture order', () => {
  const state = chainOf([linkPage(1), linkPage(3), linkPage(2)], 0);
  assert.deepEqual(
    state.chain.value?.nodes.filter((n) => n.state === 'seen').map((n) => n.url),
    [1, 2, 3].map((p) => `${U}?page=${p}&per_page=2`),
  );
  assert.equal(state.crawlStart.value?.exchange.request.url, `${U}?page=3&per_page=2`);
});

test('no chain, no start', () => {
  const capture = createCaptureState({ schedule: () => {} });
  const state = createChainState(capture.items, signal(undefined));
  assert.equal(state.crawlStart.value, null);
});
