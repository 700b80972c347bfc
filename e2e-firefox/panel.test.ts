/**
 * `npm run test:firefox`: the built dist/firefox in a real, stock Firefox (headless, WebDriver BiDi),
 * as a new user meets it: install, open DevTools on the Pagescope tab, capture and detect a demo API
 * response, crawl a seed style and a cursor style (the first crawl asks for its origin through the
 * grant window), and export a dataset as an NDJSON file. One Firefox for the journey, steps in order.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemoServer, type DemoServer } from '../src/demo/server.ts';
import { byTestid, FirefoxHarness, poll } from './firefox.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist/firefox');
type StyleInfo = { style: string; firstPage: string; totalRecords: number; idField: string };
type CrawlEnd = {
  phase: string;
  reason: string;
  datasetId: number;
  pages: number;
  records: number;
  duplicates: number;
  text: string;
};

const readCrawl = `(() => {
  const s = ${byTestid('crawl-status')}, p = ${byTestid('crawl-progress')};
  return s && p && { phase: s.dataset.phase, reason: s.dataset.reason, datasetId: Number(s.dataset.datasetId || NaN),
    text: s.textContent, pages: Number(p.dataset.pages), records: Number(p.dataset.records), duplicates: Number(p.dataset.duplicates) };
})()`;

describe('Pagescope in Firefox', { timeout: 240_000 }, () => {
  let h: FirefoxHarness;
  let demo: DemoServer;
  let catalog: StyleInfo[];
  const info = (style: string) => catalog.find((s) => s.style === style)!;
  /** Datasets made by the crawls, in order. */
  const datasets: Array<{ style: string; end: CrawlEnd }> = [];

  before(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
    catalog = (await (await fetch(`${demo.origin}/api/styles.json`)).json()) as StyleInfo[];
    h = await FirefoxHarness.launch();
  });

  after(async () => {
    await h?.close();
    await demo?.close();
  });

  /** The page fetches a style's first page; the panel's row for it is selected and detected. */
  async function fetchAndSelect(style: string): Promise<string> {
    const url = `${demo.origin}${info(style).firstPage}`;
    await h.pageEval(`await window.pagescopeDemo.fetchStyle(${JSON.stringify(style)}); return true;`);
    await h.openPagination(url);
    return h.panelWait<string>('the detected style', `${byTestid('pagination-style')}?.textContent`);
  }

  /** Clicks "Crawl remaining pages" and waits for the crawl to end; `grant` answers the grant window. */
  async function crawl(style: string, grant?: () => Promise<void>): Promise<CrawlEnd> {
    const before = datasets.at(-1)?.end.datasetId ?? -1;
    await h.panelWait(
      'the crawl button',
      `!!${byTestid('crawl-start')} && !${byTestid('crawl-start')}.disabled`,
    );
    await h.panelClick('[data-testid=crawl-start]');
    await grant?.();
    const end = await h.panelWait<CrawlEnd>(
      `the ${style} crawl to end`,
      `(() => { const c = ${readCrawl}; return c && !['idle', 'waiting', 'running'].includes(c.phase) && c.datasetId !== ${before} && c; })()`,
      60_000,
    );
    datasets.push({ style, end });
    return end;
  }

  test('the add-on installs without errors or manifest warnings', async () => {
    const id = await h.install(DIST);
    assert.equal(id, 'pagescope@pagescope.dev');
    const addon = await h.chromeEval<{ isActive: boolean; appDisabled: boolean; version: string }>(`
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      const a = await AddonManager.getAddonByID(${JSON.stringify(id)});
      return { isActive: a.isActive, appDisabled: a.appDisabled, version: a.version };`);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8'));
    assert.deepEqual(addon, { isActive: true, appDisabled: false, version: pkg.version });
    const warnings = h.log
      .join('')
      .split('\n')
      .filter((l) => /Reading manifest|Loading extension.*(error|fail)/i.test(l));
    assert.deepEqual(warnings, []);
  });

  test('the DevTools toolbox has a Pagescope tab whose panel renders, with what DevTools recorded before (getHAR)', async () => {
    await h.navigate('about:blank');
    // The page fetches before the Pagescope tab is first selected: the panel gets it from getHAR.
    const early = `${demo.origin}${info('page-number').firstPage}`;
    const toolId = await h.openPanel(async () => {
      await h.navigate(`${demo.origin}/`);
      await poll('the demo page script', () => h.pageEval<boolean>(`return !!window.pagescopeDemo;`));
      await h.pageEval(`await window.pagescopeDemo.fetchStyle('page-number'); return true;`);
    });
    assert.match(toolId, /^webext-devtools-panel-/);
    const label = await h.toolbox<string>(
      `return tb.doc.getElementById(${JSON.stringify(`toolbox-tab-${toolId}`)}).textContent.trim();`,
    );
    assert.equal(label, 'Pagescope');
    // ready: backfill (getHAR) answered, so the live listener is registered too.
    await h.panelWait('the panel to be ready', `document.body.dataset.ready === '1'`, 30_000);
    assert.ok(
      await h.panelEval<boolean>(`return !!${byTestid('request-list')};`),
      'the request list is shown',
    );
    await h.panelWait(
      'the request made before the panel opened',
      `[...document.querySelectorAll('[data-testid=request-url]')].some((e) => e.title === ${JSON.stringify(early)})`,
    );
  });

  test("the panel follows the toolbox's theme as it changes", async () => {
    for (const theme of ['dark', 'light', 'dark']) {
      await h.chromeEval(`Services.prefs.setCharPref('devtools.theme', ${JSON.stringify(theme)});`);
      await h.panelWait(
        `the panel in the ${theme} theme`,
        `document.documentElement.dataset.theme === '${theme}'`,
      );
    }
    await h.chromeEval(`Services.prefs.clearUserPref('devtools.theme');`);
  });

  test("a demo API's JSON response is captured live and detected with its evidence", async () => {
    assert.equal(await fetchAndSelect('vanilla'), 'vanilla');
    const evidence = await h.panelEval<string[]>(
      `return [...document.querySelectorAll('[data-testid=evidence-item]')].map((tr) => tr.cells[1].textContent);`,
    );
    assert.ok(evidence.includes('Paging-Next'), `evidence: ${evidence.join(', ')}`);
  });

  test('the first crawl of the origin asks for its host permission in the grant window, then crawls the seed style once', async () => {
    assert.deepEqual(await h.grantedOrigins(), [], 'no host permission before the first crawl');
    const end = await crawl('vanilla', async () => {
      const grant = await poll('the grant window', () => h.findContext('grant.html'));
      const origins = await poll('the grant window to name the origin', () =>
        h.bidi.evaluate<string>(
          grant,
          `return document.querySelector('[data-testid=grant-origins]')?.textContent;`,
        ),
      );
      assert.equal(origins, 'http://127.0.0.1');
      await h.userClickIn(grant, '[data-testid=grant-allow]');
    });
    assert.deepEqual(await h.grantedOrigins(), ['http://127.0.0.1/*']);
    assert.equal(await h.findContext('grant.html'), null, 'the grant window closed itself');
    assert.deepEqual(
      { reason: end.reason, records: end.records, duplicates: end.duplicates },
      { reason: 'done', records: info('vanilla').totalRecords, duplicates: 0 },
      end.text,
    );
  });

  test('a cursor style crawls without asking again', async () => {
    await h.panelEval(`${byTestid('view-tab-requests')}.click(); return true;`);
    assert.equal(await fetchAndSelect('laravel-cursor'), 'laravel-cursor');
    const end = await crawl('laravel-cursor');
    assert.deepEqual(
      { reason: end.reason, records: end.records, duplicates: end.duplicates },
      { reason: 'done', records: info('laravel-cursor').totalRecords, duplicates: 0 },
      end.text,
    );
    assert.equal(await h.findContext('grant.html'), null, 'no grant window for an origin already granted');
  });

  test('IndexedDB holds one dataset per crawl, each with every record once, and NDJSON exports as a file', async () => {
    await h.panelEval(`${byTestid('view-tab-datasets')}.click(); return true;`);
    await h.panelWait('the datasets view', `!!${byTestid('datasets-view')}`);
    const rows = await h.panelWait<Array<{ id: number; status: string; style: string; records: number }>>(
      'both datasets done',
      `(() => { const r = [...document.querySelectorAll('[data-testid=dataset-row]')].map((r) => ({ id: Number(r.dataset.datasetId),
        status: r.dataset.status, style: r.querySelector('[data-testid=dataset-style]').textContent,
        records: Number(r.querySelector('[data-testid=dataset-records]').textContent) }));
        return r.length >= 2 && r.every((x) => x.status === 'done') && r; })()`,
    );
    assert.deepEqual(
      rows.map((r) => [r.id, r.style, r.records]).sort((a, b) => Number(a[0]) - Number(b[0])),
      datasets.map((d) => [d.end.datasetId, d.style, info(d.style).totalRecords]),
    );

    for (const { style, end } of datasets) {
      const before = new Set(fs.readdirSync(h.downloads));
      await h.panelClick(
        `[data-testid=dataset-row][data-dataset-id="${end.datasetId}"] [data-testid=export-ndjson]`,
      );
      const file = await poll(`the ${style} NDJSON file`, async () => {
        const f = fs.readdirSync(h.downloads).find((n) => !before.has(n) && n.endsWith('.ndjson'));
        // Firefox writes a .part file first and renames it when the download completes.
        return f && !fs.existsSync(path.join(h.downloads, `${f}.part`)) ? f : null;
      });
      assert.ok(file.startsWith('pagescope-') && file.includes(style), `file name ${file}`);
      const text = fs.readFileSync(path.join(h.downloads, file), 'utf8');
      assert.ok(text.endsWith('\n'), 'NDJSON ends with a newline');
      const records = text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const ids = records.map((r) => r[info(style).idField]);
      assert.equal(records.length, info(style).totalRecords, `${style}: records in the file`);
      assert.equal(new Set(ids).size, info(style).totalRecords, `${style}: each record once`);
    }
  });

  test('the store package (npm run package) installs in Firefox as the same add-on', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pagescope-zip-'));
    try {
      const r = spawnSync(process.execPath, ['scripts/package.mjs', '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      const zip = fs.readdirSync(out).find((n) => n.endsWith('-firefox.zip'))!;
      const r2 = await h.bidi.send<{ extension: string }>('webExtension.install', {
        extensionData: { type: 'archivePath', path: path.join(out, zip) },
      });
      assert.equal(r2.extension, 'pagescope@pagescope.dev');
      const active = await h.chromeEval<boolean>(`
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        return (await AddonManager.getAddonByID('pagescope@pagescope.dev')).isActive;`);
      assert.equal(active, true);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
