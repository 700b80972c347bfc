// Chain + diagnostics journey in the real panel: the page fetches a few pages of a chain, the Chain
// tab draws them (seen), the pages still to come (predicted) and, after a crawl, the rest (crawled);
// the demo's buggy chains produce their findings, with the offending nodes marked.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import {
  byTestid,
  chainNodes,
  fetchStyle,
  openChain,
  userClick,
  waitChainNodes,
  waitForCrawl,
  type ChainNode,
  type StyleInfo,
} from './crawl-helpers.ts';

type FindingInfo = {
  rule: string;
  severity: string;
  message: string;
  fix: string;
  pages: string | null;
  ids: string | null;
};
const findings = `[...document.querySelectorAll('[data-testid=finding]')].map((f) => ({
  rule: f.dataset.rule, severity: f.dataset.severity,
  message: f.querySelector('[data-testid=finding-message]').textContent, fix: f.querySelector('[data-testid=finding-fix]').textContent,
  pages: f.querySelector('[data-testid=finding-pages]')?.textContent ?? null, ids: f.querySelector('[data-testid=finding-ids]')?.textContent ?? null }))`;

/** The inspected page fetches `paths` in order, as the user's app would. */
async function pageFetches(page: Page, paths: string[]) {
  for (const p of paths) await page.evaluate((u) => fetch(u).then((r) => r.text()), p);
}

test('seed style (Laravel): seen pages 1–2, predicted pages up to the total, click selects, crawl turns them crawled', async ({
  h,
  demo,
}) => {
  test.setTimeout(90_000);
  const catalog = (await (await fetch(`${demo}/api/styles.json`)).json()) as StyleInfo[];
  const info = catalog.find((s) => s.style === 'laravel')!;
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  await fetchStyle(h.page, 'laravel');
  const page2 = info.firstPage.replace('page=1', 'page=2');
  await pageFetches(h.page, [page2]);
  await openChain(panel, `${demo}${info.firstPage}`);

  const pages = Math.ceil(info.totalRecords / 10);
  // Wait for page 2 too: the panel captures the page's fetches asynchronously.
  const all = await waitChainNodes(panel, `n.length >= ${pages} && n[1].state === 'seen'`);
  expect(all.map((n) => n.label)).toEqual(Array.from({ length: pages }, (_, i) => String(i + 1)));
  expect(all.map((n) => n.state)).toEqual(['seen', 'seen', ...Array(pages - 2).fill('predicted')]);
  expect(all[0].first && all.at(-1)!.last).toBe(true);
  expect(all[0].selected).toBe(true);
  expect(all[2].title).toContain('page=3');
  expect(await panel.eval(`${byTestid('chain-totals')}.textContent`)).toContain(
    `${info.totalRecords} records`,
  );
  expect(await panel.eval(`${byTestid('diagnostic-counts')}.textContent`)).toBe('no findings');

  // Clicking a seen node selects its request; the Chain tab stays.
  await panel.eval(
    `document.querySelectorAll('[data-testid=chain-node]')[1].dispatchEvent(new MouseEvent('click', { bubbles: true }))`,
  );
  await panel.waitFor(
    `document.querySelector('[data-testid=request-row][aria-selected=true] [data-testid=request-url]')?.title === ${JSON.stringify(`${demo}${page2}`)}`,
  );
  await waitChainNodes(panel, `n[1].selected && !n[0].selected`);

  // Crawl the rest from the Pagination tab; back on the Chain tab every predicted node is crawled.
  await panel.eval(`${byTestid('detail-tab-pagination')}.click()`);
  await panel.waitFor(`!!${byTestid('crawl-start')}`);
  await userClick(panel, byTestid('crawl-start'));
  await waitForCrawl(panel, 'done');
  await panel.eval(`${byTestid('detail-tab-chain')}.click()`);
  const crawled = await waitChainNodes(
    panel,
    `n.length === ${pages} && n.every((x) => x.state !== 'predicted')`,
  );
  expect(crawled.map((n) => n.state)).toEqual(['seen', 'seen', ...Array(pages - 2).fill('crawled')]);
});

test('buggy duplicates chain: duplicate-records finding with evidence, offending nodes marked', async ({
  h,
  demo,
}) => {
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  const base = '/buggy/shifting-offset?offset=0&limit=10';
  await pageFetches(h.page, [
    base,
    base.replace('offset=0', 'offset=10'),
    base.replace('offset=0', 'offset=20'),
  ]);
  await openChain(panel, `${demo}${base}`);

  // Findings update as captures arrive; wait for the one that covers all three pages.
  const list = await panel.waitFor<FindingInfo[]>(
    `(() => { const f = ${findings}; return f.some((x) => x.rule === 'duplicate-records' && x.pages === '1, 2, 3') && f; })()`,
  );
  const dup = list.find((f) => f.rule === 'duplicate-records')!;
  expect(dup.severity).toBe('error');
  expect(dup.message).toMatch(/records? appears? on more than one page/);
  expect(dup.fix).toMatch(/cursor or keyset/);
  expect(dup.pages).toBe('1, 2, 3');
  expect(dup.ids).toMatch(/\d+/);
  expect(Number(await panel.eval(`${byTestid('diagnostic-counts')}.dataset.errors`))).toBeGreaterThanOrEqual(
    1,
  );
  const marked = (await panel.eval<ChainNode[]>(chainNodes)).filter((n) =>
    n.finding?.split(' ').includes('duplicate-records'),
  );
  expect(marked.map((n) => [n.label, n.state])).toEqual([
    ['@0', 'seen'],
    ['@10', 'seen'],
    ['@20', 'seen'],
  ]);
});

test('buggy duplicates found while crawling: only page 1 fetched, the crawl brings the duplicate finding', async ({
  h,
  demo,
}) => {
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  const base = '/buggy/shifting-offset?offset=0&limit=10';
  await pageFetches(h.page, [base]);
  await openChain(panel, `${demo}${base}`);
  expect(await panel.eval(`${findings}.length`)).toBe(0);
  // The crawler skips repeated ids when storing; the pages' repeats still let diagnostics see them.
  await panel.eval(`${byTestid('detail-tab-pagination')}.click()`);
  await panel.waitFor(`!!${byTestid('crawl-start')}`);
  await userClick(panel, byTestid('crawl-start'));
  const end = await waitForCrawl(panel, 'done');
  await panel.eval(`${byTestid('detail-tab-chain')}.click()`);
  // Crawled pages fold into the chain as they are read back from IndexedDB: wait for all of them
  // (the start page is the seen one), so the findings and marks below are the final ones.
  await waitChainNodes(panel, `n.filter((x) => x.state !== 'predicted').length === ${end.pages}`);
  const list = await panel.waitFor<FindingInfo[]>(
    `(() => { const f = ${findings}; return f.some((x) => x.rule === 'duplicate-records') && f; })()`,
  );
  const dup = list.find((f) => f.rule === 'duplicate-records')!;
  expect(dup.severity).toBe('error');
  expect(dup.ids).toMatch(/\d+/);
  const marked = (await panel.eval<ChainNode[]>(chainNodes)).filter((n) =>
    n.finding?.split(' ').includes('duplicate-records'),
  );
  expect(marked.length).toBeGreaterThanOrEqual(2);
  expect(marked.some((n) => n.state === 'crawled')).toBe(true);
});

test('buggy cursor cycle: a cursor-cycle finding, the back edge drawn and both nodes marked', async ({
  h,
  demo,
}) => {
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  // The page follows next_cursor three times: first → c1 → c2 (whose next is c1 again).
  await h.page.evaluate(async () => {
    let url = '/buggy/cursor-cycle';
    for (let i = 0; i < 3; i++) {
      const body = await (await fetch(url)).json();
      url = `/buggy/cursor-cycle?cursor=${body.next_cursor}`;
    }
  });
  await openChain(panel, `${demo}/buggy/cursor-cycle`);
  // All three captures, then the finding they make.
  await waitChainNodes(panel, `n.filter((x) => x.state === 'seen').length === 3`);
  const list = await panel.waitFor<FindingInfo[]>(
    `(() => { const f = ${findings}; return f.some((x) => x.rule === 'cursor-cycle') && f; })()`,
  );
  expect(list.find((f) => f.rule === 'cursor-cycle')!.message).toMatch(/loops forever/);
  const all = await panel.eval<ChainNode[]>(chainNodes);
  expect(all.map((n) => n.state)).toEqual(['seen', 'seen', 'seen']);
  expect(all[0].label).toBe('start');
  expect(all.filter((n) => n.finding?.includes('cursor-cycle')).length).toBe(2);
  // Full cursor in the tooltip, abbreviated label.
  expect(all[1].label.endsWith('…')).toBe(true);
  expect(all[1].title).toContain('cursor Y3ljbGU6YzE');
  const back = await panel.eval<number>(
    `[...document.querySelectorAll('[data-testid=chain-edge][data-rel=next]')].filter((e) => e.dataset.to === 'c:Y3ljbGU6YzE' && e.dataset.from === 'c:Y3ljbGU6YzI').length`,
  );
  expect(back).toBe(1);
});
