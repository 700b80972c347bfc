// An in-house API no detector knows (cursor at meta.continuation, sent back as ?from=, unknown
// parameters refused with 400): detection alone cannot crawl it; the detected spec with two
// overrides crawls it exactly once, and so does a spec document written by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { INHOUSE_PATH, INHOUSE_TOTAL } from '../../demo/inhouse.ts';
import { detect } from '../detect/index.ts';
import { crawl } from '../crawl/engine.ts';
import { MemorySink } from '../crawl/testing/fakes.ts';
import { realClock as clock, realFetch as httpFetch } from '../crawl/testing/real-io.ts';
import type { Exchange } from '../exchange.ts';
import { detectionFromSpec, specDetector } from './detection.ts';
import { specFromDetection } from './from-detection.ts';
import { applyOverrides } from './overrides.ts';
import { parseSpec } from './validate.ts';
import type { PaginationSpec } from './types.ts';

let demo: DemoServer;
before(async () => (demo = await startDemoServer()));
after(() => demo.close());

async function first(url: string): Promise<Exchange> {
  const res = await httpFetch({ method: 'GET', url, headers: [] });
  return {
    request: { method: 'GET', url, headers: [] },
    response: {
      status: res.status,
      headers: res.headers,
      mimeType: 'application/json',
      bodyText: res.bodyText,
    },
  };
}

const opts = { fetch: httpFetch, clock, maxPages: 50, retries: 0 };

async function crawlSpec(exchange: Exchange, spec: PaginationSpec) {
  const sink = new MemorySink();
  const summary = await crawl(
    { exchange, detection: detectionFromSpec(spec, exchange) },
    { ...opts, sink, detectPage: specDetector(spec) },
  );
  return { summary, ids: sink.records.map((r) => (r as { eventId: string }).eventId) };
}

test('detection alone does not crawl the in-house API', async () => {
  const exchange = await first(demo.origin + INHOUSE_PATH + '?limit=20');
  const d = detect(exchange);
  const sink = new MemorySink();
  const summary = d ? await crawl({ exchange, detection: d }, { ...opts, sink }) : null;
  assert.ok(!summary || summary.records < INHOUSE_TOTAL, 'detection must not get every record');
  // and the detected spec, unedited, does no better
  const plain = await crawlSpec(exchange, specFromDetection(exchange, d));
  assert.ok(plain.ids.length < INHOUSE_TOTAL);
});

test('the detected spec with --cursor meta.continuation --cursor-param from crawls it exactly once', async () => {
  const exchange = await first(demo.origin + INHOUSE_PATH + '?limit=20');
  const spec = applyOverrides(specFromDetection(exchange, detect(exchange)), {
    cursor: 'meta.continuation',
    cursorParam: 'from',
  });
  assert.deepEqual(spec.next, {
    type: 'cursor',
    from: { in: 'body', path: 'meta.continuation' },
    param: 'from',
    in: 'query',
  });
  const { summary, ids } = await crawlSpec(exchange, spec);
  assert.equal(summary.stoppedReason, 'done', summary.detail);
  assert.equal(ids.length, INHOUSE_TOTAL);
  assert.equal(new Set(ids).size, INHOUSE_TOTAL);
  assert.equal(summary.pages, 5);
});

test('a hand-written spec document crawls it exactly once', async () => {
  const url = demo.origin + INHOUSE_PATH + '?limit=30';
  const read = parseSpec(
    JSON.stringify({
      version: 1,
      request: { method: 'GET', url },
      records: 'items',
      recordId: 'eventId',
      next: { type: 'cursor', from: { in: 'body', path: 'meta.continuation' }, param: 'from', in: 'query' },
      end: { emptyPage: true, shortPage: false },
    }),
  );
  assert.ok(read.ok);
  const { summary, ids } = await crawlSpec(await first(url), read.spec);
  assert.equal(summary.stoppedReason, 'done', summary.detail);
  assert.deepEqual([ids.length, new Set(ids).size, summary.pages], [INHOUSE_TOTAL, INHOUSE_TOTAL, 4]);
});

test('a start detection read by a spec carries it: the engine reads every page by it, no option needed', async () => {
  const exchange = await first(demo.origin + INHOUSE_PATH + '?limit=25');
  const spec = applyOverrides(specFromDetection(exchange, detect(exchange)), {
    cursor: 'meta.continuation',
    cursorParam: 'from',
  });
  // As the panel stores a crawl start (IndexedDB): a structured clone, no functions.
  const detection = structuredClone(detectionFromSpec(spec, exchange));
  assert.deepEqual(detection.spec, spec);
  const sink = new MemorySink();
  const summary = await crawl({ exchange, detection }, { ...opts, sink });
  const ids = sink.records.map((r) => (r as { eventId: string }).eventId);
  assert.equal(summary.stoppedReason, 'done', summary.detail);
  assert.deepEqual([ids.length, new Set(ids).size, summary.pages], [INHOUSE_TOTAL, INHOUSE_TOTAL, 4]);
});
