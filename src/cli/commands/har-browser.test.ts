// A HAR recorded by a real Chromium (Playwright's recordHar, content embedded) while the demo page
// fetches the first two pages of a few styles and of two buggy chains; then `pagescope detect` and
// `pagescope diagnose` read it in-process. Needs Chromium: PAGESCOPE_CHROMIUM, default /usr/bin/chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { detect } from '../../core/detect/index.ts';
import type { Exchange } from '../../core/exchange.ts';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { runCli, type CliRun } from '../run-in-process.ts';

const executablePath = process.env.PAGESCOPE_CHROMIUM || '/usr/bin/chromium';

/** Demo paths whose first two pages the page fetches, and the style `detect` must name. */
const STYLES: Record<string, string> = {
  '/repos/pagescope/demo/issues?per_page=30': 'link-header',
  '/api/v2/resources?limit=10&page=1': 'laravel',
  '/v1/customers?limit=10': 'stripe',
  '/jsonapi/articles?page[number]=1&page[size]=20': 'json-api',
};
const BUGS = ['/buggy/drops-filter?status=open&page=1', '/buggy/shifting-offset?offset=0&limit=10'];

let demo: DemoServer;
let browser: Browser;
let dir: string;
let har: string;

type Fetched = { url: string; status: number; headers: [string, string][]; body: string };

/** Fetches from inside the page (so the browser records it) and hands the response back. */
async function pageFetch(page: Page, url: string): Promise<Fetched> {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    return { url: res.url, status: res.status, headers: [...res.headers], body: await res.text() };
  }, url);
}

/** The second page's URL, decided the way the CLI would: by detecting the first page. */
function nextOf(f: Fetched): string {
  const ex: Exchange = {
    request: { method: 'GET', url: f.url, headers: [] },
    response: {
      status: f.status,
      headers: f.headers.map(([name, value]) => ({ name, value })),
      mimeType: 'application/json',
      bodyText: f.body,
    },
  };
  const next = detect(ex)?.next?.url;
  assert.ok(next, `no next page detected for ${f.url}`);
  return next;
}

function run(argv: string[]): Promise<CliRun> {
  return runCli(argv);
}

before(async () => {
  // Not a skip: CI installs Chromium, and a missing browser must be a loud failure.
  assert.ok(
    existsSync(executablePath),
    `Chromium not found at ${executablePath}: install it or set PAGESCOPE_CHROMIUM`,
  );
  demo = await startDemoServer({});
  dir = await mkdtemp(join(tmpdir(), 'pagescope-har-'));
  har = join(dir, 'capture.har');
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  const context = await browser.newContext({ recordHar: { path: har, content: 'embed' } });
  const page = await context.newPage();
  await page.goto(demo.origin + '/');
  for (const path of [...Object.keys(STYLES), ...BUGS]) {
    const first = await pageFetch(page, demo.origin + path);
    assert.equal(first.status, 200, path);
    const second = await pageFetch(page, nextOf(first));
    assert.equal(second.status, 200, `page 2 of ${path}`);
  }
  await context.close(); // writes the HAR
});

after(async () => {
  await browser?.close();
  await demo?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type DetectRow = { url: string; paginated: boolean; style: string | null; next: string | null };

test('detect reads the browser HAR: each style on both of its pages', async () => {
  const r = await run(['detect', har, '--json']);
  assert.equal(r.code, 0, r.err);
  const rows = JSON.parse(r.out) as DetectRow[];
  for (const [path, style] of Object.entries(STYLES)) {
    const pathname = new URL(path, demo.origin).pathname;
    const mine = rows.filter((x) => new URL(x.url).pathname === pathname);
    assert.equal(mine.length, 2, `${path}: two pages in the HAR (${rows.map((x) => x.url).join(', ')})`);
    assert.deepEqual(
      mine.map((x) => x.style),
      [style, style],
      path,
    );
  }
  // The demo page's own requests (HTML, script, catalogs) are not paginated API pages.
  assert.ok(!rows.some((x) => x.paginated && /styles\.json|catalog\.json|demo\.js/.test(x.url)));
});

type DiagnoseReport = {
  chains: {
    title: string;
    style: string;
    pages: number;
    findings: { rule: string; severity: string; message: string }[];
  }[];
};

test('diagnose reads the browser HAR: the buggy chains are caught, the clean ones are not', async () => {
  const r = await run(['diagnose', har, '--json']);
  assert.equal(r.code, 1, `an error-level finding exits 1: ${r.err}`);
  const report = JSON.parse(r.out) as DiagnoseReport;
  const byPath = (p: string) => report.chains.find((c) => c.title.includes(p));
  const filter = byPath('/buggy/drops-filter');
  assert.ok(filter, report.chains.map((c) => c.title).join('\n'));
  assert.deepEqual(
    filter.findings.map((f) => `${f.rule}/${f.severity}`),
    ['link-hygiene/error'],
    filter.findings.map((f) => f.message).join('\n'),
  );
  assert.match(filter.findings[0].message, /drops status=open/);
  const shifting = byPath('/buggy/shifting-offset');
  assert.ok(
    shifting?.findings.some((f) => f.rule === 'duplicate-records' && f.severity === 'error'),
    JSON.stringify(shifting),
  );
  for (const path of Object.keys(STYLES)) {
    const chain = byPath(new URL(path, demo.origin).pathname);
    assert.ok(chain, `a chain for ${path}`);
    assert.equal(chain.pages, 2, path);
    assert.deepEqual(chain.findings, [], path);
  }
});
