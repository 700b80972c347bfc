// Panel journey: the real Pagescope panel in real DevTools lists what the demo page fetches with
// style badges, filters it, shows detection and evidence in the detail, imports and exports HAR.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CdpFrame } from './devtools-harness.ts';
import { test, expect } from './fixtures.ts';
import { fetchStyles, vanillaHar, panelDom as $ } from './panel-helpers.ts';

type Row = { url: string; style: string | null };
const selectedUrl = `document.querySelector('[data-testid=request-row][aria-selected=true] [data-testid=request-url]')?.textContent`;
const styles = `[...document.querySelectorAll('[data-testid=request-style]')].map((s) => s.textContent)`;
const rows = `[...document.querySelectorAll('[data-testid=request-row]')].map((r) => ({
  url: r.querySelector('[data-testid=request-url]').textContent,
  style: r.querySelector('[data-testid=request-style]')?.textContent ?? null,
}))`;

test('demo styles appear with badges; filter narrows; detail shows kind, evidence and highlights', async ({
  h,
  demo,
}) => {
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  await fetchStyles(h, ['vanilla', 'vend', 'laravel']);
  // Every row the page made, not just the styled ones: the demo page's own catalog fetches are
  // captured asynchronously too, and `all` is compared with the list and the count below.
  const all = await panel.waitFor<Row[]>(
    `(() => { const r = ${rows}; const has = (p) => r.some((x) => x.url.includes(p));
      return r.filter((x) => x.style).length >= 3 && has('/api/styles.json') && has('/buggy/catalog.json') && r; })()`,
  );
  const styleOf = (part: string) => all.find((r) => r.url.includes(part))?.style;
  expect(styleOf('/api/v2/discussions')).toBe('vanilla');
  expect(styleOf('/api/products')).toBe('vend');
  expect(all.filter((r) => r.style).length).toBeGreaterThanOrEqual(3);

  // Filter: text, regex, bad regex, invert, paginated only.
  await $.type(panel, 'request-filter', 'discussions');
  await expect.poll(() => panel.eval<Row[]>(rows)).toEqual([expect.objectContaining({ style: 'vanilla' })]);
  await $.type(panel, 'request-filter', '/products\\?page=1\\b/');
  await expect.poll(() => panel.eval<Row[]>(rows)).toEqual([expect.objectContaining({ style: 'vend' })]);
  await $.type(panel, 'request-filter', '/products(/');
  expect(await panel.waitFor<string>($.text('filter-error'))).toMatch(/^Invalid regular expression/);
  await $.type(panel, 'request-filter', '');
  await $.click(panel, 'paginated-only');
  await expect.poll(() => panel.eval<Row[]>(rows)).toEqual(all.filter((r) => r.style));
  await expect
    .poll(() => panel.eval<string>($.text('request-count')))
    .toMatch(new RegExp(`^${all.filter((r) => r.style).length} / ${all.length} requests`));

  // Select the Vanilla row: Pagination tab with kind and header evidence, highlighted in Headers.
  await $.pickRow(panel, '/api/v2/discussions');
  await panel.waitFor(`${selectedUrl}?.includes('/api/v2/discussions') && ${$.exists('request-detail')}`);
  await $.click(panel, 'detail-tab-pagination');
  expect(await panel.waitFor<string>($.text('pagination-kind'))).toMatch(/^(page|link)$/);
  const evidence = await panel.eval<string[][]>(
    `[...document.querySelectorAll('[data-testid=evidence-item]')].map((tr) => [...tr.cells].slice(0, 3).map((c) => c.textContent))`,
  );
  expect(evidence).toContainEqual(['header', 'Paging-Next', expect.stringContaining('page=2')]);
  await $.click(panel, 'detail-tab-headers');
  const hits = await panel.waitFor<string[]>(
    `(() => { const r = [...document.querySelectorAll('[data-testid=response-headers] [data-evidence=true] .k')].map((e) => e.textContent.toLowerCase()); return r.length && r; })()`,
  );
  expect(hits).toContain('paging-next');

  // The Vend row's body evidence is highlighted in the JSON tree, its ancestors expanded.
  await $.pickRow(panel, '/api/products');
  await panel.waitFor(`${selectedUrl}?.includes('/api/products') && ${$.exists('request-detail')}`);
  await $.click(panel, 'detail-tab-pagination');
  expect(await panel.waitFor<string>($.text('pagination-kind'))).toBe('page');
  await $.click(panel, 'detail-tab-response');
  const bodyHits = await panel.waitFor<string[]>(
    `(() => { const r = [...document.querySelectorAll('[data-testid=json-node][data-evidence=true]')].map((e) => e.dataset.path); return r.length && r; })()`,
  );
  expect(bodyHits.some((p) => p.startsWith('pagination'))).toBe(true);
});

test('keyboard: arrows move the selection, Enter opens, Esc closes, / focuses the filter', async ({
  h,
  demo,
}) => {
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  await fetchStyles(h, ['vanilla', 'vend']);
  await panel.waitFor(`document.querySelectorAll('[data-testid=request-row]').length >= 2`);
  await panel.eval(`document.querySelector('[data-testid=request-list]').focus()`);
  await $.key(panel, 'ArrowDown');
  await $.key(panel, 'ArrowDown');
  // '0' (after the first key) is truthy too: poll for the index itself.
  await expect
    .poll(() =>
      panel.eval<string | null>(
        `document.querySelector('[data-testid=request-row][aria-selected=true]')?.dataset.index ?? null`,
      ),
    )
    .toBe('1');
  expect(await panel.eval($.exists('request-detail'))).toBe(false);
  await $.key(panel, 'Enter');
  await panel.waitFor($.exists('request-detail'));
  await $.key(panel, 'Escape');
  await panel.waitFor(`!(${$.exists('request-detail')})`);
  await $.key(panel, '/');
  await expect.poll(() => panel.eval(`document.activeElement?.dataset.testid`)).toBe('request-filter');
});

test('HAR import (file picker and drop) adds rows; a bad HAR explains itself; export downloads HAR', async ({
  h,
  demo,
}) => {
  const panel = await h.openPanel();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagescope-har-'));
  const file = path.join(dir, 'recorded.har');
  fs.writeFileSync(file, JSON.stringify(vanillaHar(`${demo}/api/v2/discussions`, 3)));
  await $.setFile(panel, 'har-import', file);
  await panel.waitFor(`document.querySelectorAll('[data-testid=request-row]').length === 3`);
  expect(await panel.eval<Row[]>(rows)).toContainEqual({
    url: `${demo}/api/v2/discussions?page=2&limit=2`,
    style: 'vanilla',
  });
  expect(await panel.eval<string>($.text('notice'))).toMatch(/Imported 3 JSON responses from recorded\.har/);

  await $.drop(panel, 'bad.har', '{"not":"a har"}');
  expect(await panel.waitFor<string>($.text('har-import-error'))).toBe(
    'bad.har: Not a HAR file: no log.entries array.',
  );
  await $.drop(panel, 'more.har', JSON.stringify(vanillaHar(`${demo}/api/v2/comments`, 2)));
  await panel.waitFor(`document.querySelectorAll('[data-testid=request-row]').length === 5`);
  expect(await panel.eval($.exists('har-import-error'))).toBe(false);

  await $.click(panel, 'har-export');
  const download = await h.waitForDownload();
  expect(download.suggestedFilename).toMatch(/^pagescope-.*\.har$/);
  const har = JSON.parse(download.text());
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries).toHaveLength(5);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('10 000 requests: the list renders a bounded window and scrolls to the end', async ({ h, demo }) => {
  const panel = await h.openPanel();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagescope-har-'));
  const file = path.join(dir, 'big.har');
  fs.writeFileSync(file, JSON.stringify(vanillaHar(`${demo}/api/v2/discussions`, 10_000)));
  await $.setFile(panel, 'har-import', file);
  expect(
    await panel.waitFor<string>(
      `(() => { const t = ${$.text('request-count')}; return t?.startsWith('10000 /') && t; })()`,
      30_000,
    ),
  ).toMatch(/^10000 \/ 10000/);
  const domRows = () => panel.eval<number>(`document.querySelectorAll('[data-testid=request-row]').length`);
  expect(await domRows()).toBeLessThan(120);
  await panel.eval(
    `(() => { const b = document.querySelector('[data-testid=request-list]'); b.scrollTop = b.scrollHeight; })()`,
  );
  await panel.waitFor(`document.querySelector('[data-testid=request-row][data-index="9999"]')`);
  expect(await domRows()).toBeLessThan(120);
  // Filtering 10 000 rows finds the one match (its speed is measured by `npm run bench`, not here).
  await $.type(panel, 'request-filter', 'page=5000&');
  await panel.waitFor(`document.querySelectorAll('[data-testid=request-row]').length === 1`);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('preserve log keeps rows across navigation; without it navigation clears', async ({ h, demo }) => {
  const panel: CdpFrame = await h.openPanel();
  await h.page.goto(`${demo}/`);
  await fetchStyles(h, ['vanilla']);
  // Styled rows only: the demo page's own catalog fetches are rows too, on every page load.
  await panel.waitFor(`${styles}.includes('vanilla')`);
  await $.click(panel, 'preserve-log');
  await h.page.goto(`${demo}/?again`);
  await fetchStyles(h, ['vend']);
  // The new page's row arrived and the old page's row is still there.
  await panel.waitFor(`${styles}.includes('vend')`);
  expect(await panel.eval<string[]>(styles)).toEqual(['vanilla', 'vend']);
  await $.click(panel, 'preserve-log');
  await h.page.goto(`${demo}/?third`);
  // The new page's own requests may arrive; the paginated ones from before must be gone.
  await panel.waitFor(`![...document.querySelectorAll('[data-testid=request-style]')].length`);
});
