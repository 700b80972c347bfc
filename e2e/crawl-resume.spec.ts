// Crawls survive DevTools: a crawl paused (or cut off by closing DevTools mid-run) is listed in the
// Datasets view of a freshly opened panel, resumes from its IndexedDB checkpoint and completes with
// every record exactly once.
import type { Page } from '@playwright/test';
import type { CdpFrame, DevToolsHarness } from './devtools-harness.ts';
import { test, expect } from './fixtures.ts';
import {
  byTestid,
  clickInRow,
  crawlState,
  datasetRow,
  exportNdjson,
  fetchStyle,
  selectRequest,
  showView,
  userClick,
  waitForCrawl,
  type StyleInfo,
} from './crawl-helpers.ts';
import { panelDom as $ } from './panel-helpers.ts';

async function startSlowCrawl(panel: CdpFrame, demo: string, info: StyleInfo, page: Page) {
  await fetchStyle(page, info.style);
  await selectRequest(panel, `${demo}${info.firstPage}`);
  // Slow enough to stop half way: after the wait below, page-number (7 pages) has about 4 s left for
  // the pause click or DevTools closing to land, even on a busy machine (250 ms left about 1 s).
  await $.type(panel, 'crawl-delay', '1000');
  await userClick(panel, byTestid('crawl-start'));
  // Half way: at least 3 pages stored, and the crawl still running.
  return panel.waitFor<{ datasetId: number }>(
    `(() => { const s = ${byTestid('crawl-status')}, p = ${byTestid('crawl-progress')};
      return s?.dataset.phase === 'running' && Number(p?.dataset.pages) >= 3 && { datasetId: Number(s.dataset.datasetId) }; })()`,
  );
}

async function resumeToTheEnd(h: DevToolsHarness, info: StyleInfo, id: number, before: number) {
  const panel = await h.openPanel();
  await showView(panel, 'datasets');
  const row = await datasetRow(panel, id);
  expect(row.records).toBe(before);
  expect(row.records).toBeLessThan(info.totalRecords);
  await clickInRow(panel, id, 'dataset-resume');
  const end = await waitForCrawl(panel, 'done');
  expect(end).toMatchObject({ datasetId: id, reason: 'done', records: info.totalRecords, duplicates: 0 });
  expect(await datasetRow(panel, id, `v.status === 'done'`)).toMatchObject({
    records: info.totalRecords,
    duplicates: 0,
  });
  const out = await exportNdjson(h, panel, id);
  const ids = out.records.map((r) => r[info.idField]);
  expect(out.records.length).toBe(info.totalRecords);
  expect(new Set(ids).size).toBe(info.totalRecords);
  return row;
}

test('pause, close DevTools, reopen the panel, Resume: completes with no record lost or repeated', async ({
  h,
  demo,
}) => {
  test.setTimeout(120_000); // two DevTools boots; slow when the machine is busy
  const catalog = (await (await fetch(`${demo}/api/styles.json`)).json()) as StyleInfo[];
  const info = catalog.find((s) => s.style === 'uservoice')!;
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  const { datasetId } = await startSlowCrawl(panel, demo, info, h.page);
  await userClick(panel, byTestid('crawl-pause'));
  const paused = await waitForCrawl(panel, 'paused');
  expect(paused.datasetId).toBe(datasetId);
  await h.closeDevtools();
  const row = await resumeToTheEnd(h, info, datasetId, paused.records);
  expect(row.status).toBe('paused');
});

test('DevTools closed mid-crawl: the dataset shows interrupted and resumes from its last stored page', async ({
  h,
  demo,
}) => {
  test.setTimeout(120_000); // two DevTools boots; slow when the machine is busy
  const catalog = (await (await fetch(`${demo}/api/styles.json`)).json()) as StyleInfo[];
  const info = catalog.find((s) => s.style === 'page-number')!;
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  const { datasetId } = await startSlowCrawl(panel, demo, info, h.page);
  await h.closeDevtools(); // no pause: the panel dies with the crawl in flight
  // What IndexedDB holds decides; whatever the panel had shown last may be a page behind.
  const reopened = await h.openPanel();
  await showView(reopened, 'datasets');
  const row = await datasetRow(reopened, datasetId);
  expect(row.status).toBe('interrupted');
  expect(await crawlState(reopened)).toBeNull(); // a fresh panel runs nothing by itself
  await h.closeDevtools();
  await resumeToTheEnd(h, info, datasetId, row.records);
});
