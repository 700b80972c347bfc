// The spec of page 1 alone crawls exactly what detection crawls: for every demo style, over real HTTP,
// the spec made from the first page (written out as JSON and read back) drives the engine with no
// detector, and yields the same records in the same order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { styles } from '../../demo/catalog.ts';
import type { StyleInfo } from '../../demo/http.ts';
import { detect } from '../detect/index.ts';
import { crawl } from '../crawl/engine.ts';
import { MemorySink } from '../crawl/testing/fakes.ts';
import { realClock as clock, realFetch as httpFetch } from '../crawl/testing/real-io.ts';
import type { Exchange } from '../exchange.ts';
import { detectionFromSpec, specDetector } from './detection.ts';
import { specFromDetection } from './from-detection.ts';
import { parseSpec } from './validate.ts';
import type { PaginationSpec } from './types.ts';

let demo: DemoServer;
before(async () => (demo = await startDemoServer()));
after(() => demo.close());

async function firstPage(s: StyleInfo): Promise<Exchange> {
  const url = demo.origin + s.firstPage;
  const method = s.request?.method ?? 'GET';
  const headers = Object.entries(s.request?.headers ?? {}).map(([name, value]) => ({ name, value }));
  const res = await httpFetch({ method, url, headers, body: s.request?.body });
  return {
    request: { method, url, headers, postData: s.request?.body ? { text: s.request.body } : undefined },
    response: {
      status: res.status,
      headers: res.headers,
      mimeType: 'application/json',
      bodyText: res.bodyText,
    },
  };
}

const opts = { fetch: httpFetch, clock, maxPages: 500, retries: 0 };
const ids = (sink: MemorySink, field: string) =>
  sink.records.map((r) => String((r as Record<string, unknown>)[field]));

async function byDetection(exchange: Exchange) {
  const sink = new MemorySink();
  const summary = await crawl({ exchange, detection: detect(exchange)! }, { ...opts, sink });
  return { summary, sink };
}

async function bySpec(exchange: Exchange, spec: PaginationSpec) {
  const sink = new MemorySink();
  const summary = await crawl(
    { exchange, detection: detectionFromSpec(spec, exchange) },
    { ...opts, sink, detectPage: specDetector(spec) },
  );
  return { summary, sink };
}

test('for every demo style, the spec of page 1 alone crawls the same records as detection', async () => {
  const bad: string[] = [];
  for (const s of styles) {
    const exchange = await firstPage(s);
    const made = specFromDetection(exchange, detect(exchange));
    const read = parseSpec(JSON.parse(JSON.stringify(made)));
    assert.ok(read.ok, `${s.style}: the spec reads back: ${read.ok ? '' : read.errors.join('; ')}`);
    const a = await byDetection(exchange);
    const b = await bySpec(exchange, read.spec);
    const want = ids(a.sink, s.idField);
    const got = ids(b.sink, s.idField);
    if (want.length !== s.totalRecords)
      bad.push(`${s.style}: detection crawled ${want.length}/${s.totalRecords}`);
    if (b.summary.stoppedReason !== 'done' || JSON.stringify(got) !== JSON.stringify(want))
      bad.push(
        `${s.style} (${made.next.type}): spec crawl ${b.summary.stoppedReason} ${b.summary.detail ?? ''} — ${got.length} records, detection ${want.length}`,
      );
  }
  assert.deepEqual(bad, []);
});

test('the spec names where each style keeps its next page', async () => {
  const byStyle = new Map<string, PaginationSpec>();
  for (const s of styles) {
    const exchange = await firstPage(s);
    byStyle.set(s.style, specFromDetection(exchange, detect(exchange)));
  }
  assert.deepEqual(byStyle.get('github')!.next, { type: 'link-header' });
  assert.deepEqual(byStyle.get('drf')!.next, { type: 'next-url', from: { in: 'body', path: 'next' } });
  assert.deepEqual(byStyle.get('odata')!.next, {
    type: 'next-url',
    from: { in: 'body', path: "['@odata.nextLink']" },
  });
  assert.deepEqual(byStyle.get('vanilla')!.next, {
    type: 'next-url',
    from: { in: 'header', name: 'paging-next' },
  });
  assert.deepEqual(byStyle.get('slack')!.next, {
    type: 'cursor',
    from: { in: 'body', path: 'response_metadata.next_cursor' },
    param: 'cursor',
    in: 'query',
  });
  assert.deepEqual(byStyle.get('stripe')!.next, {
    type: 'cursor',
    from: { in: 'last-record', path: 'id' },
    param: 'starting_after',
    in: 'query',
  });
  assert.equal(byStyle.get('stripe')!.end.hasMore, 'has_more');
  const relay = byStyle.get('relay')!;
  assert.deepEqual(relay.next, {
    type: 'cursor',
    from: { in: 'body', path: 'data.repository.issues.pageInfo.endCursor' },
    param: 'variables.after',
    in: 'body',
  });
  assert.equal(relay.records, 'data.repository.issues.edges.*.node');
  assert.equal(relay.end.hasMore, 'data.repository.issues.pageInfo.hasNextPage');
  assert.deepEqual(byStyle.get('vend')!.next, { type: 'page', param: 'page', start: 1 });
  assert.deepEqual(byStyle.get('vend')!.end.totalPages, { in: 'body', path: 'pagination.pages' });
  assert.deepEqual(byStyle.get('hal')!.next, {
    type: 'next-url',
    from: { in: 'body', path: '_links.next.href' },
  });
  assert.deepEqual(byStyle.get('postgrest')!.next, { type: 'offset', param: 'offset' });
  assert.deepEqual(byStyle.get('postgrest')!.end.totalRecords, { in: 'header', name: 'Content-Range' });
  assert.deepEqual(byStyle.get('postgrest')!.pageSize, { param: 'limit', value: 25 });
  assert.deepEqual(byStyle.get('offset-limit')!.end.totalRecords, { in: 'body', path: 'total' });
  assert.deepEqual(byStyle.get('odata')!.end.totalRecords, { in: 'body', path: "['@odata.count']" });
});
