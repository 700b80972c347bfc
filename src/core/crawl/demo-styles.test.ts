// Every style of the demo API, crawled end to end through detect() and the engine over real HTTP:
// all records, no duplicates, despite seeded faults (500, 429, resets, truncated bodies) on a quarter of tries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { styles } from '../../demo/catalog.ts';
import type { StyleInfo } from '../../demo/http.ts';
import { detect } from '../detect/index.ts';
import { crawl } from './engine.ts';
import { MemorySink } from './testing/fakes.ts';
import { realClock as clock, realFetch as httpFetch } from './testing/real-io.ts';

let demo: DemoServer;
before(async () => (demo = await startDemoServer()));
after(() => demo.close());

async function crawlStyle(s: StyleInfo, prefix: string) {
  const url = demo.origin + prefix + s.firstPage;
  const method = s.request?.method ?? 'GET';
  const headers = Object.entries(s.request?.headers ?? {}).map(([name, value]) => ({ name, value }));
  // The start page is the caller's to fetch (the CLI retries it too); faults may hit it.
  const first = () => httpFetch({ method, url, headers, body: s.request?.body }).catch(() => null);
  let res = await first();
  for (
    let i = 0;
    i < 20 && !(res && res.status >= 200 && res.status < 300 && res.bodyText.trimEnd().match(/[}\]]$/));
    i++
  )
    res = await first();
  assert.ok(res, `${s.style}: first page fetched`);
  const exchange = {
    request: { method, url, headers, postData: s.request?.body ? { text: s.request.body } : undefined },
    response: {
      status: res.status,
      headers: res.headers,
      mimeType: 'application/json',
      bodyText: res.bodyText,
    },
  };
  const detection = detect(exchange);
  assert.ok(detection, `${s.style}: first page detected`);
  const sink = new MemorySink();
  const summary = await crawl(
    { exchange, detection },
    { fetch: httpFetch, clock, sink, maxPages: 500, retries: 8, retryBaseMs: 1, maxRetryAfterMs: 5 },
  );
  const ids = sink.records.map((r) => (r as Record<string, unknown>)[s.idField]);
  return { summary, ids };
}

for (const [label, prefix] of [
  ['with faults', '/_faults/fail=0.25,mode=500|429|reset|truncate,retryAfter=0,seed=11'],
] as const) {
  test(`every demo style crawls completely (${label})`, async () => {
    const bad: string[] = [];
    let retried = 0;
    for (const s of styles) {
      const { summary, ids } = await crawlStyle(s, prefix);
      retried += summary.retries;
      const unique = new Set(ids).size;
      if (summary.stoppedReason !== 'done' || ids.length !== s.totalRecords || unique !== ids.length) {
        bad.push(
          `${s.style}: ${summary.stoppedReason} ${summary.detail ?? ''} — ${ids.length}/${s.totalRecords} records, ${unique} unique`,
        );
      }
    }
    assert.deepEqual(bad, []);
    if (prefix) assert.ok(retried > 10, `faults were met and retried (${retried})`);
  });
}
