// The Chain tab's own "Crawl remaining pages": the page fetches two pages of a chain, the button on
// the chain header crawls the rest through the same crawl as the Pagination tab, and the chain's
// predicted nodes turn crawled. Numbered pages start from the first seen page (fetched
// concurrently); a cursor chain starts from the last seen page and follows it.
import type { CdpFrame } from './devtools-harness.ts';
import { test, expect } from './fixtures.ts';
import {
  byTestid,
  datasetRow,
  fetchStyle,
  openChain,
  showView,
  userClick,
  waitChainNodes,
  waitForCrawl,
  type StyleInfo,
} from './crawl-helpers.ts';

const waitNodes = (panel: CdpFrame, until: string) => waitChainNodes(panel, until, 30_000);

async function styleInfo(demo: string, style: string): Promise<StyleInfo> {
  const catalog = (await (await fetch(`${demo}/api/styles.json`)).json()) as StyleInfo[];
  return catalog.find((s) => s.style === style)!;
}

test('numbered pages (Laravel): the chain button crawls from page 1 even with page 2 selected; predicted nodes turn crawled', async ({
  h,
  demo,
}) => {
  test.setTimeout(90_000);
  const info = await styleInfo(demo, 'laravel');
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  await fetchStyle(h.page, 'laravel');
  const page2 = info.firstPage.replace('page=1', 'page=2');
  await h.page.evaluate((u) => fetch(u).then((r) => r.text()), page2);
  await openChain(panel, `${demo}${page2}`);

  const pages = Math.ceil(info.totalRecords / 10);
  // Page 1 too: captures arrive asynchronously and out of order, and page 2 alone already draws
  // every page up to the total (page 1 predicted).
  const before = await waitNodes(
    panel,
    `n.length === ${pages} && n[0].state === 'seen' && n[1].state === 'seen'`,
  );
  expect(before.map((n) => n.state)).toEqual(['seen', 'seen', ...Array(pages - 2).fill('predicted')]);
  const button = byTestid('chain-crawl-start');
  expect(await panel.eval(`${button}.dataset.startUrl`)).toBe(`${demo}${info.firstPage}`);

  await userClick(panel, button);
  const end = await waitForCrawl(panel, 'done');
  expect(end).toMatchObject({ reason: 'done', pages, records: info.totalRecords, duplicates: 0 });
  const after = await waitNodes(panel, `n.length === ${pages} && n.every((x) => x.state !== 'predicted')`);
  expect(after.map((n) => n.state)).toEqual(['seen', 'seen', ...Array(pages - 2).fill('crawled')]);
  expect(await panel.eval(`${button}.disabled`)).toBe(false);
});

test('a cursor chain (Laravel cursor): the chain button crawls on from the last seen page', async ({
  h,
  demo,
}) => {
  test.setTimeout(90_000);
  const info = await styleInfo(demo, 'laravel-cursor');
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  await fetchStyle(h.page, 'laravel-cursor');
  // The app follows links.next once, as a user scrolling a feed would.
  const page2 = await h.page.evaluate(async (u) => {
    const body = (await (await fetch(u)).json()) as { links: { next: string } };
    await (await fetch(body.links.next)).text();
    return body.links.next;
  }, info.firstPage);
  await openChain(panel, `${demo}${info.firstPage}`);
  await waitNodes(panel, `n.filter((x) => x.state === 'seen').length === 2`);
  const button = byTestid('chain-crawl-start');
  expect(await panel.eval(`${button}.dataset.startUrl`)).toBe(page2);

  await userClick(panel, button);
  const end = await waitForCrawl(panel, 'done');
  const perPage = 15;
  const pages = Math.ceil(info.totalRecords / perPage);
  // The dataset is the chain from page 2 on: page 2 itself (the crawl's start) and every page after it.
  expect(end).toMatchObject({
    reason: 'done',
    pages: pages - 1,
    records: info.totalRecords - perPage,
    duplicates: 0,
  });
  const after = await waitNodes(panel, `n.filter((x) => x.state === 'crawled').length === ${pages - 2}`);
  expect(after.map((n) => n.state)).toEqual(['seen', 'seen', ...Array(pages - 2).fill('crawled')]);

  await showView(panel, 'datasets');
  const row = await datasetRow(panel, end.datasetId, `v.status === 'done'`);
  expect(row).toMatchObject({ style: 'laravel-cursor', records: info.totalRecords - perPage });
  expect(
    await panel.eval(
      `document.querySelector('[data-testid=dataset-row][data-dataset-id="${end.datasetId}"] [data-testid=dataset-url]').textContent`,
    ),
  ).toBe(page2);
});
