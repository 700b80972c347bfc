// Crawl journey: for every seed style of the demo API (and two common ones), the page fetches page
// 1, the real panel shows the style and its evidence, one click crawls the rest into IndexedDB, the
// Datasets view counts the catalog's totalRecords, and a real NDJSON download holds each record once.
import { test, expect } from './fixtures.ts';
import {
  byTestid,
  datasetRow,
  exportNdjson,
  fetchStyle,
  selectRequest,
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

test('seed styles: detect with evidence, crawl the rest in one click, export every record exactly once', async ({
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

      await userClick(panel, byTestid('crawl-start'));
      const end = await waitForCrawl(panel, 'done', lastId);
      lastId = end.datasetId;
      expect(end, `${style}: ${end.text}`).toMatchObject({
        reason: 'done',
        records: info.totalRecords,
        duplicates: 0,
      });

      await showView(panel, 'datasets');
      const row = await datasetRow(panel, end.datasetId, `v.status === 'done'`);
      expect(row).toMatchObject({ style: detected, records: info.totalRecords, pages: end.pages });

      const out = await exportNdjson(h, panel, end.datasetId);
      expect(out.name).toMatch(new RegExp(`^pagescope-${detected}-\\d{4}-\\d\\d-\\d\\dT[\\d-]+\\.ndjson$`));
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
