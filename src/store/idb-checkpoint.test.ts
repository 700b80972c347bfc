import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrawlRunState } from '../core/crawl/checkpoint.ts';
import type { Checkpoint } from '../core/crawl/types.ts';
import type { Detection } from '../core/detect/types.ts';
import { joinCheckpoint, splitCheckpoint, type CheckpointDelta } from './idb-checkpoint.ts';

const detection = { style: 'test', kind: 'cursor', params: { cursor: 'cursor' } } as unknown as Detection;
const START = 'https://api.example.com/items';

/** Drives the engine's own CrawlRunState through `pages` pages of `size` records, as a crawl would. */
function* crawlCheckpoints(
  state: CrawlRunState,
  pages: number,
  size: number,
  from = 0,
): Generator<Checkpoint> {
  for (let p = from; p < from + pages; p++) {
    const records = Array.from({ length: size }, (_, i) => ({ id: p * size + i }));
    state.learnIdKey(records);
    state.accept(records, Infinity);
    state.pages++;
    state.nextIndex = p + 1;
    const url = `${START}?cursor=c${p}`;
    state.guard.record({ method: 'GET', url }, p, `hash${p}`, 'cursor');
    yield state.checkpoint({ method: 'GET', url: `${START}?cursor=c${p + 1}` });
  }
}

/** Stores like the sink: a delta per page against the previous checkpoint, the last stored part. */
function storeAll(cps: Iterable<Checkpoint>, prev?: Checkpoint, deltas: CheckpointDelta[] = []) {
  let last;
  for (const cp of cps) {
    const { stored, delta } = splitCheckpoint(cp, prev);
    deltas.push(delta);
    last = { stored, cp };
    prev = cp;
  }
  return { deltas, last: last! };
}

test('split + join gives back the checkpoint, lists capped as the engine caps them', () => {
  const state = new CrawlRunState(START, detection, 250);
  const { deltas, last } = storeAll(crawlCheckpoints(state, 40, 10));
  assert.equal(last.cp.seenIds.length, 250, 'the cap is in effect');
  assert.deepEqual(joinCheckpoint(last.stored, deltas), last.cp);
  // Each page stores only what it added: its ids, one URL, one cursor, one hash.
  assert.deepEqual(
    deltas
      .slice(1)
      .map((d) => [d.seenIds.length, d.seenUrls.length, d.seenCursors.length, d.pageHashes.length]),
    Array(39).fill([10, 1, 1, 1]),
  );
  assert.ok(!('seenIds' in last.stored), 'the stored part carries no list');
});

test('a resumed crawl continues the deltas from the rebuilt checkpoint', () => {
  const first = new CrawlRunState(START, detection, 100);
  const a = storeAll(crawlCheckpoints(first, 15, 10));
  const rebuilt = joinCheckpoint(a.last.stored, a.deltas);
  const resumed = new CrawlRunState(START, detection, 100, rebuilt);
  const b = storeAll(crawlCheckpoints(resumed, 5, 10, 15), rebuilt, a.deltas);
  assert.equal(b.deltas.length, 20);
  assert.deepEqual(
    b.deltas[15].seenIds,
    Array.from({ length: 10 }, (_, i) => `n:${150 + i}`),
  );
  assert.deepEqual(joinCheckpoint(b.last.stored, b.deltas), b.last.cp);
});

test('no pages yet: empty lists; unknown previous entry: the whole list is the delta', () => {
  const cp = new CrawlRunState(START, detection, 10).checkpoint(null);
  const { stored, delta } = splitCheckpoint(cp);
  assert.deepEqual(joinCheckpoint(stored, []), cp);
  assert.deepEqual(delta.seenIds, []);
  const other = { ...cp, seenIds: ['n:1', 'n:2'] };
  assert.deepEqual(splitCheckpoint(other, { ...cp, seenIds: ['n:99'] }).delta.seenIds, ['n:1', 'n:2']);
});
