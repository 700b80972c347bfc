// Crawl journey: for every seed style of the demo API (and two common ones), the page fetches page
// 1, the real panel shows the style and its evidence, the chain shows page 1 seen and the next page(s)
// predicted, one click crawls the rest into IndexedDB (the chain then has nothing left predicted), the
// Datasets view counts the catalog's totalRecords, and a real NDJSON download holds each record once.
import type { CdpFrame } from './devtools-harness.ts';
import { test, expect } from './fixtures.ts';
import {
  byTestid,
  chainNodes,
  datasetRow,
  exportNdjson,
  fetchStyle,
  selectRequest,
  showChain,
  showView,
  userClick,
  waitForCrawl,
  type StyleInfo,
} from './crawl-helpers.ts';

/** Demo style → [detected style, a piece of evidence the Pagination tab must list]. */
const SEEDS: Record<string, [string, string]> = {
  vanilla: ['vanilla', 'Paging-Next'],
  'vanilla-more': ['vanilla', 'Paging-Next'],
  vend: ['vend', 'pagination.pages'],
  'vend-customers': ['vend', 'pagination.pages'],
  'vend-2': ['vend-2', 'version.max'],
  laravel: ['laravel', 'meta.lastPage'],
  'laravel-cursor': ['laravel-cursor', 'meta.next_cursor'],
  'page-number': ['page-number', 'hasNextPage'],
  uservoice: ['uservoice', 'pagination.total_pages'],
  'uservoice-cursor': ['uservoice', 'pagination.cursor'],
  github: ['link-header', 'Link'],
  stripe: ['stripe', 'has_more'],
};

/** The Chain tab's nodes, counted by state, and the first node (in chain order). */
type ChainSummary = {
  first: { state: string; first: boolean; selected: boolean } | null;
  seen: number;
  predicted: number;
  crawled: number;
};
const chainSummary = `(() => {
  const n = ${chainNodes}.map(({ state, first, selected }) => ({ state, first, selected }));
  const count = (s) => n.filter((x) => x.state === s).length;
  return { first: n[0] ?? null, seen: count('seen'), predicted: count('predicted'), crawled: count('crawled') };
})()`;

const readChain = (panel: CdpFrame) => panel.eval<ChainSummary>(chainSummary);

test('seed styles: detect with evidence, chain seen and predicted, crawl the rest in one click, export every record exactly once', async ({
  h,
  demo,
}) => {
  test.setTimeout(120_000);
  const catalog = (await (await fetch(`${demo}/api/styles.json`)).json()) as StyleInfo[];
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  let lastId = -1;
  for (const [style, [detected, evidence]] of Object.entries(SEEDS)) {
    await test.step(style, async () => {
      const info = catalog.find((s) => s.style === style)!;
      expect(info, `catalog lists ${style}`).toBeTruthy();
      await showView(panel, 'requests');
      await fetchStyle(h.page, style);
      await selectRequest(panel, `${demo}${info.firstPage}`);

      expect(await panel.eval(`${byTestid('pagination-style')}.textContent`)).toBe(detected);
      const paths = await panel.eval<string[]>(
        `[...document.querySelectorAll('[data-testid=evidence-item]')].map((tr) => tr.cells[1].textContent)`,
      );
      expect(paths).toContain(evidence);

      // The chain: page 1 (the selected request) is the first node and seen; the next page is known
      // (a link, a cursor or a total), so at least one node is predicted.
      await showChain(panel);
      await expect
        .poll(
          async () => {
            const c = await readChain(panel);
            return { ...c, predicted: c.predicted > 0 ? 'some' : 'none' };
          },
          { message: `${style}: chain before the crawl`, timeout: 20_000 },
        )
        .toEqual({
          first: { state: 'seen', first: true, selected: true },
          seen: 1,
          crawled: 0,
          predicted: 'some',
        });
      await panel.eval(`${byTestid('detail-tab-pagination')}.click()`);
      await panel.waitFor(`!!${byTestid('crawl-start')} && !${byTestid('crawl-start')}.disabled`);

      await userClick(panel, byTestid('crawl-start'));
      const end = await waitForCrawl(panel, 'done', lastId);
      lastId = end.datasetId;
      expect(end, `${style}: ${end.text}`).toMatchObject({
        reason: 'done',
        records: info.totalRecords,
        duplicates: 0,
      });

      // Every page the crawl stored folds into the chain: page 1 stays seen, the rest are crawled.
      await showChain(panel);
      await expect
        .poll(() => readChain(panel), { message: `${style}: chain after the crawl`, timeout: 20_000 })
        .toEqual({
          first: { state: 'seen', first: true, selected: true },
          seen: 1,
          crawled: end.pages - 1,
          predicted: 0,
        });

      await showView(panel, 'datasets');
      const row = await datasetRow(panel, end.datasetId, `v.status === 'done'`);
      expect(row).toMatchObject({ style: detected, records: info.totalRecords, pages: end.pages });

      const out = await exportNdjson(h, panel, end.datasetId);
      expect(out.name).toMatch(
        new RegExp(
          `^pagescope-127\\.0\\.0\\.1-\\d+-[\\w.-]+-${detected}-\\d{4}-\\d\\d-\\d\\dT[\\d-]+\\.ndjson$`,
        ),
      );
      const ids = out.records.map((r) => r[info.idField]);
      expect(
        ids.every((id) => id !== undefined && id !== null),
        `every ${style} record has ${info.idField}`,
      ).toBe(true);
      expect(new Set(ids).size).toBe(info.totalRecords);
      expect(out.records.length).toBe(info.totalRecords);
    });
  }
});
