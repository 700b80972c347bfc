// `diagnose URL` on the demo traps (src/demo/traps): the crawl follows the API's links, so a clean
// API is clean — the crawler's own page-number guesses are never reported as the API's bug. Where
// the links and the page numbers disagreed, an info finding says so (exit stays 0).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { trapCatalog } from '../../demo/traps/index.ts';
import { diagnose, hasErrors } from '../../core/diagnose/diagnose.ts';
import { realFetch } from '../../core/crawl/testing/real-io.ts';
import { pagesFromUrl } from '../diagnose-url.ts';

let demo: DemoServer;
before(async () => (demo = await startDemoServer()));
after(() => demo.close());

async function findingsOf(name: string) {
  const t = trapCatalog.find((x) => x.trap === name)!;
  const got = await pagesFromUrl(
    realFetch,
    { method: 'GET', url: demo.origin + t.firstPage, headers: [] },
    50,
    5000,
  );
  assert.ok(got.ok, got.ok ? '' : got.message);
  const records = got.pages.filter((p) => !p.probe).reduce((n, p) => n + p.records.length, 0);
  return { findings: diagnose(got.pages), records, total: t.totalRecords, got };
}

test('diagnose URL, snapshot-token links: no finding, every record read once', async () => {
  const r = await findingsOf('snapshot');
  assert.deepEqual(
    r.findings.map((f) => `${f.rule}/${f.severity}`),
    [],
  );
  assert.equal(r.records, r.total);
});

test('diagnose URL, a next link to another path: only an info finding (links over page numbers)', async () => {
  const r = await findingsOf('hop');
  assert.equal(hasErrors(r.findings), false, r.findings.map((f) => f.message).join('\n'));
  assert.deepEqual(
    r.findings.map((f) => `${f.rule}/${f.severity}`),
    ['links-over-numbers/info'],
  );
  assert.match(r.findings[0].message, /links and page numbers disagreed at page 3/);
  assert.equal(r.records, r.total, 'no stale page from a dropped guess is diagnosed');
});

test('diagnose URL, ragged Vend 2.0 pages: short pages mid-chain are no bug', async () => {
  const r = await findingsOf('vend2-ragged');
  assert.equal(hasErrors(r.findings), false, r.findings.map((f) => f.message).join('\n'));
  assert.equal(r.records, r.total);
});
