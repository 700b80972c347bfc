// A crawl's status in the panel: it belongs to its chain (another endpoint's Chain tab shows none
// of it), it says what happened in a user's words (paused by you, cancelled by you, done and why),
// and the finished crawl's status line has its own export buttons.
import { test, expect } from './fixtures.ts';
import {
  byTestid,
  fetchStyle,
  openChain,
  selectRequest,
  showChain,
  userClick,
  waitForCrawl,
  type StyleInfo,
} from './crawl-helpers.ts';
import { panelDom as $ } from './panel-helpers.ts';

async function styleInfo(demo: string, style: string): Promise<StyleInfo> {
  const catalog = (await (await fetch(`${demo}/api/styles.json`)).json()) as StyleInfo[];
  return catalog.find((s) => s.style === style)!;
}

const statusText = `${byTestid('crawl-status')}?.textContent ?? null`;

test("a crawl's status stays with its chain; pause and cancel read 'paused by you' and 'cancelled by you'; export from the status line", async ({
  h,
  demo,
}) => {
  test.setTimeout(120_000);
  const first = await styleInfo(demo, 'page-number');
  const other = await styleInfo(demo, 'uservoice');
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  await fetchStyle(h.page, 'page-number');
  await fetchStyle(h.page, 'uservoice');

  await openChain(panel, `${demo}${first.firstPage}`);
  await userClick(panel, byTestid('chain-crawl-start'));
  const end = await waitForCrawl(panel, 'done');
  expect(end.records).toBe(first.totalRecords);
  expect(end.text).toMatch(/^done · /);
  expect(end.text).not.toContain('aborted');
  expect(end.text).not.toMatch(/done.*\bdone\b/); // not "done · done: no more pages"

  // Another endpoint's chain: none of the first crawl's status.
  await openChain(panel, `${demo}${other.firstPage}`);
  await panel.waitFor(
    `${byTestid('chain-tab')}?.dataset.chainKey && !${byTestid('chain-tab')}.dataset.chainKey.includes('page-number')`,
  );
  expect(await panel.eval($.exists('crawl-status'))).toBe(false);
  expect(await panel.eval($.exists('crawl-progress'))).toBe(false);

  // Back on the first chain: its status, with an export of its dataset right there.
  await openChain(panel, `${demo}${first.firstPage}`);
  await panel.waitFor(`${byTestid('crawl-status')}?.dataset.phase === 'done'`);
  await panel.waitFor($.exists('crawl-export-ndjson'));
  const download = h.waitForDownload(20_000);
  await userClick(panel, byTestid('crawl-export-ndjson'));
  const lines = (await download).text().trim().split('\n');
  expect(lines).toHaveLength(first.totalRecords);

  // The other chain's crawl: paused by you, then cancelled by you.
  await selectRequest(panel, `${demo}${other.firstPage}`); // the limits live on the Pagination tab
  await $.type(panel, 'crawl-delay', '800');
  await showChain(panel);
  await userClick(panel, byTestid('chain-crawl-start'));
  await panel.waitFor(
    `${byTestid('crawl-status')}?.dataset.phase === 'running' && Number(${byTestid('crawl-progress')}?.dataset.pages) >= 2`,
  );
  await userClick(panel, byTestid('crawl-pause'));
  await waitForCrawl(panel, 'paused', end.datasetId);
  expect(await panel.eval(statusText)).toBe('paused by you');
  await userClick(panel, byTestid('crawl-cancel'));
  await waitForCrawl(panel, 'stopped', end.datasetId);
  expect(await panel.eval(statusText)).toBe('cancelled by you');
});
