/**
 * Drivers for the crawl journey in the real panel: fetch a demo style in the inspected page, pick
 * its row, press buttons as a user would (with a user gesture, which permissions.request needs),
 * wait for a crawl to settle, export a dataset and read the download back.
 */
import type { Page } from '@playwright/test';
import type { CdpFrame, DevToolsHarness } from './devtools-harness.ts';

export type StyleInfo = { style: string; firstPage: string; totalRecords: number; idField: string };

const sel = (testid: string, within = 'document') => `${within}.querySelector('[data-testid=${testid}]')`;

/** Clicks like a user: Runtime.evaluate with userGesture, so the panel may ask for permissions or download. */
export async function userClick(panel: CdpFrame, expression: string): Promise<void> {
  const r = (await panel.send('Runtime.evaluate', {
    expression: `${expression}.click()`,
    userGesture: true,
  })) as {
    exceptionDetails?: { exception?: { description?: string }; text: string };
  };
  if (r.exceptionDetails)
    throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
}

export const byTestid = sel;

/** The demo page fetches the style's first page (as the user's app would). */
export async function fetchStyle(page: Page, style: string): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { pagescopeDemo?: unknown }).pagescopeDemo);
  await page.evaluate(
    (s) =>
      (
        window as unknown as { pagescopeDemo: { fetchStyle(s: string): Promise<unknown> } }
      ).pagescopeDemo.fetchStyle(s),
    style,
  );
}

/** Waits for the row of `url` (exact), selects the newest such row, waits until the detail shows it. */
export async function selectRequest(panel: CdpFrame, url: string): Promise<void> {
  const rows = `[...document.querySelectorAll('[data-testid=request-row]')].filter((r) => r.querySelector('[data-testid=request-url]').title === ${JSON.stringify(url)})`;
  await panel.waitFor(`${rows}.length > 0`);
  await panel.eval(`${rows}.at(-1).dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))`);
  await panel.waitFor(
    `document.querySelector('[data-testid=request-row][aria-selected=true] [data-testid=request-url]')?.title === ${JSON.stringify(url)} && !!${sel('request-detail')}`,
  );
  await panel.eval(`${sel('detail-tab-pagination')}.click()`);
  await panel.waitFor(`!!${sel('pagination-style')}`);
}

/** Opens the selected request's Chain tab and waits for the chain view. */
export async function showChain(panel: CdpFrame): Promise<void> {
  await panel.eval(`${sel('detail-tab-chain')}.click()`);
  await panel.waitFor(`!!${sel('chain-view')}`);
}

/** Selects the request of `url` and opens its Chain tab. */
export async function openChain(panel: CdpFrame, url: string): Promise<void> {
  await selectRequest(panel, url);
  await showChain(panel);
}

/** A chain node as the tests read it from the SVG. */
export type ChainNode = {
  label: string;
  state: string;
  finding: string | null;
  first: boolean;
  last: boolean;
  title: string;
  selected: boolean;
};
/** An expression for every drawn chain node, in order (`ChainNode[]`). */
export const chainNodes = `[...document.querySelectorAll('[data-testid=chain-node]')].map((g) => ({
  label: g.querySelector('text').textContent, state: g.dataset.state, finding: g.dataset.finding ?? null,
  first: g.dataset.first === 'true', last: g.dataset.last === 'true', title: g.querySelector('title').textContent,
  selected: g.dataset.selected === 'true' }))`;

/** Waits until `until` (an expression over the nodes `n`) holds, and returns the nodes then. */
export const waitChainNodes = (panel: CdpFrame, until: string, timeoutMs?: number) =>
  panel.waitFor<ChainNode[]>(`(() => { const n = ${chainNodes}; return (${until}) && n; })()`, timeoutMs);

export type CrawlEnd = {
  phase: string;
  reason: string;
  datasetId: number;
  pages: number;
  records: number;
  duplicates: number;
  text: string;
};

const readCrawl = `(() => {
  const s = ${sel('crawl-status')}, p = ${sel('crawl-progress')};
  return s && p && { phase: s.dataset.phase, reason: s.dataset.reason, datasetId: Number(s.dataset.datasetId || NaN), text: s.textContent,
    pages: Number(p.dataset.pages), records: Number(p.dataset.records), duplicates: Number(p.dataset.duplicates) };
})()`;

export function crawlState(panel: CdpFrame): Promise<CrawlEnd | null> {
  return panel.eval<CrawlEnd | null>(readCrawl);
}

/** Waits until the crawl shown is in `phase` (and, when given, is not dataset `notId`). */
export function waitForCrawl(
  panel: CdpFrame,
  phase: string,
  notId?: number,
  timeoutMs = 30_000,
): Promise<CrawlEnd> {
  return panel.waitFor<CrawlEnd>(
    `(() => { const c = ${readCrawl}; return c && c.phase === ${JSON.stringify(phase)} && c.datasetId !== ${notId ?? -1} && c; })()`,
    timeoutMs,
  );
}

/** Switches the panel's top-level view (requests | datasets). */
export async function showView(panel: CdpFrame, view: 'requests' | 'datasets'): Promise<void> {
  await panel.eval(`${sel(`view-tab-${view}`)}.click()`);
  await panel.waitFor(view === 'datasets' ? `!!${sel('datasets-view')}` : `!!${sel('request-list')}`);
}

const row = (id: number) => `document.querySelector('[data-testid=dataset-row][data-dataset-id="${id}"]')`;

/** The dataset row's cells, once the row exists. */
export function datasetRow(panel: CdpFrame, id: number, until = 'true') {
  return panel.waitFor<{
    status: string;
    records: number;
    pages: number;
    duplicates: number;
    style: string;
  }>(`(() => {
    const r = ${row(id)};
    if (!r) return null;
    const t = (k) => r.querySelector('[data-testid=' + k + ']').textContent;
    const v = { status: r.dataset.status, style: t('dataset-style'), records: Number(t('dataset-records')), pages: Number(t('dataset-pages')), duplicates: Number(t('dataset-duplicates')) };
    return (${until}) && v;
  })()`);
}

/** Clicks a button inside a dataset row (export-ndjson, dataset-resume, …). */
export function clickInRow(panel: CdpFrame, id: number, testid: string): Promise<void> {
  return userClick(panel, sel(testid, row(id)));
}

/** Exports the dataset as NDJSON through the real download path; returns file name and parsed lines. */
export async function exportNdjson(h: DevToolsHarness, panel: CdpFrame, id: number) {
  const download = h.waitForDownload(20_000);
  await clickInRow(panel, id, 'export-ndjson');
  const d = await download;
  const text = d.text();
  const lines = text.split('\n');
  if (lines.at(-1) !== '') throw new Error('NDJSON does not end with a newline');
  return {
    name: d.suggestedFilename,
    records: lines.slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
