// The API's own words beat the crawler's guesses: each trap of the demo server (src/demo/traps) is
// crawled over real HTTP through the start page (fetchStart) and the engine, to exactly all records, none twice, and
// without ever writing a page the links did not confirm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { trapCatalog, type TrapEntry } from '../../demo/traps/index.ts';
import { GRAPHQL_BODY, RAGGED_CAP } from '../../demo/traps/cursors.ts';
import { SNAPSHOT_TOKEN } from '../../demo/traps/numbered.ts';
import type { HttpFetch, HttpRequest } from '../ports.ts';
import { crawl } from './engine.ts';
import { fetchStart } from './start-page.ts';
import { MemorySink } from './testing/fakes.ts';
import { realClock as clock, realFetch } from './testing/real-io.ts';
import type { CrawlOptions } from './types.ts';

let demo: DemoServer;
before(async () => (demo = await startDemoServer()));
after(() => demo.close());

const trap = (name: string): TrapEntry => trapCatalog.find((t) => t.trap === name)!;

async function crawlTrap(name: string, more: Partial<CrawlOptions> = {}) {
  const t = trap(name);
  const sent: HttpRequest[] = [];
  const fetch: HttpFetch = (req) => (sent.push(req), realFetch(req));
  const url = demo.origin + t.firstPage;
  const method = t.request?.method ?? 'GET';
  const headers = Object.entries(t.request?.headers ?? {}).map(([n, value]) => ({ name: n, value }));
  // The first step every shell takes (core's start page), then the engine.
  const start = await fetchStart(
    fetch,
    { method, url, headers, body: t.request?.body },
    { clock, timeoutMs: 10_000 },
  );
  assert.ok(start.ok && start.detection, `${name}: first page detected`);
  const { exchange, detection } = start;
  const sink = new MemorySink();
  const summary = await crawl({ exchange, detection }, { fetch, clock, sink, retries: 0, ...more });
  const ids = sink.records.map((r) => String((r as Record<string, unknown>)[t.idField]));
  return { t, summary, sink, ids, sent, detection };
}

function exactlyOnce(r: Awaited<ReturnType<typeof crawlTrap>>) {
  assert.equal(r.summary.stoppedReason, 'done', `${r.t.trap}: ${r.summary.detail}`);
  assert.equal(r.ids.length, r.t.totalRecords, `${r.t.trap}: every record`);
  assert.equal(new Set(r.ids).size, r.ids.length, `${r.t.trap}: none twice`);
  assert.equal(r.summary.duplicates, 0);
}

test('the traps are traps: a guessed ?page=2 without the snapshot token serves a shifted listing', async () => {
  const base = `${demo.origin}${trap('snapshot').firstPage}`;
  const one = JSON.parse((await realFetch({ method: 'GET', url: base, headers: [] })).bodyText);
  const guess = JSON.parse(
    (await realFetch({ method: 'GET', url: base.replace('page=1', 'page=2'), headers: [] })).bodyText,
  );
  const ids1 = new Set(one.data.map((r: { id: number }) => r.id));
  assert.ok(
    guess.data.some((r: { id: number }) => ids1.has(r.id)),
    'the guess repeats records of page 1',
  );
  assert.match(one.next_page_url, new RegExp(`snapshot=${SNAPSHOT_TOKEN}`));
});

test('snapshot token on next links: page numbers are built on the link, never without the token', async () => {
  const r = await crawlTrap('snapshot');
  exactlyOnce(r);
  const later = r.sent.slice(1).map((q) => new URL(q.url));
  assert.ok(later.length >= 9);
  assert.ok(
    later.every((u) => u.searchParams.get('snapshot') === SNAPSHOT_TOKEN),
    'every request after page 1 carries the token',
  );
  // Still concurrent: the links confirmed every prediction.
  assert.equal(r.summary.notes, undefined);
});

test('a next link to another path: predictions dropped, stale pages never written, links followed', async () => {
  const r = await crawlTrap('hop', { concurrency: 4 });
  exactlyOnce(r);
  assert.ok(
    r.ids.every((id) => Number(id) < 9000),
    'no stale record from a guessed page',
  );
  assert.ok(r.summary.notes?.some((n) => /links and page numbers disagreed at page 3/.test(n)));
  const archive = r.sent.filter((q) => q.url.includes('/archive/'));
  assert.deepEqual(
    archive.map((q) => new URL(q.url).searchParams.get('page')),
    ['4', '5', '6', '7'],
    'the rest follows the API links one by one',
  );
  assert.equal(r.summary.errors, 0, 'a dropped prediction is no error');
  assert.equal(r.summary.checkpoint.next, null);
});

test('Vend 2.0 ragged pages: short pages and holes go on; only the empty page ends', async () => {
  const r = await crawlTrap('vend2-ragged');
  exactlyOnce(r);
  const sizes = r.sink.pages.map((p) => p.recordCount);
  assert.ok(sizes.every((n) => n <= RAGGED_CAP) && sizes.some((n) => n < RAGGED_CAP && n > 0));
  assert.equal(sizes[sizes.length - 1], 0, 'the last page fetched is the empty one');
  assert.match(r.summary.detail ?? '', /empty page/);
});

test('Relay over GET: ?first=25 goes on with &after=<endCursor> to the end', async () => {
  const r = await crawlTrap('relay-get');
  assert.equal(r.detection.style, 'relay');
  assert.match(r.detection.next?.url ?? '', /[?&]first=25&after=/);
  exactlyOnce(r);
});

test('GraphQL over POST: the cursor goes into variables.after, the body text otherwise exact', async () => {
  const r = await crawlTrap('graphql-post');
  exactlyOnce(r);
  assert.equal(r.sink.pages.length, 7);
  for (const q of r.sent.slice(1)) {
    assert.equal(q.method, 'POST');
    const after = JSON.parse(q.body!).variables.after as string;
    assert.equal(q.body, GRAPHQL_BODY.replace('"first": 20', `"first": 20,"after":${JSON.stringify(after)}`));
  }
});

test('GraphQL over POST as the panel captures it (no query string): every page, not two', async () => {
  // Page 2's detection must read page 2's own body (its variables), as page 1's did.
  const r = await crawlTrap('graphql-post', { concurrency: 1 });
  assert.equal(r.summary.pages, 7);
  assert.doesNotMatch(r.summary.detail ?? '', /no next link/);
});

test('snapshot token: stopped mid-crawl and resumed, the page numbers still carry the token', async () => {
  const first = await crawlTrap('snapshot', { maxPages: 4 });
  assert.equal(first.summary.stoppedReason, 'max-pages');
  assert.match(first.summary.checkpoint.next?.url ?? '', new RegExp(`snapshot=${SNAPSHOT_TOKEN}`));
  const t = trap('snapshot');
  const sent: HttpRequest[] = [];
  const fetch: HttpFetch = (req) => (sent.push(req), realFetch(req));
  const exchange = {
    request: { method: 'GET', url: demo.origin + t.firstPage, headers: [] },
    response: { status: 200, headers: [], mimeType: 'application/json', bodyText: '' },
  };
  const sink = new MemorySink();
  const resumed = await crawl(
    { exchange, detection: first.detection },
    { fetch, clock, sink, retries: 0, resume: structuredClone(first.summary.checkpoint) },
  );
  assert.equal(resumed.stoppedReason, 'done', resumed.detail);
  const ids = [...first.ids, ...sink.records.map((r) => String((r as { id: number }).id))];
  assert.equal(ids.length, t.totalRecords);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(sent.every((q) => new URL(q.url).searchParams.get('snapshot') === SNAPSHOT_TOKEN));
});
