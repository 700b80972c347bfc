// Pictures of the Datasets view for docs/: DevTools docked beside the page (the panel ~550 px wide,
// as a new user first sees it) with the export buttons in view, and undocked wide. `npm run screenshots`.
import path from 'node:path';
import { test, expect } from './fixtures.ts';
import {
  byTestid,
  datasetRow,
  fetchStyle,
  selectRequest,
  showView,
  userClick,
  waitForCrawl,
} from './crawl-helpers.ts';

const DOCS = path.resolve(import.meta.dirname, '../docs');

/** True when every action button of the row is inside the panel's viewport. */
const actionsInView = (id: number) => `(() => {
  const row = document.querySelector('[data-testid=dataset-row][data-dataset-id="${id}"]');
  return ['export-ndjson', 'export-csv', 'export-json', 'dataset-delete'].every((t) => {
    const r = row.querySelector('[data-testid=' + t + ']').getBoundingClientRect();
    return r.width > 0 && r.left >= 0 && r.right <= innerWidth;
  });
})()`;

test('screenshots: the Datasets view docked (~550 px) and wide', async ({ h, demo }) => {
  test.setTimeout(90_000);
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  const catalog = (await (await fetch(`${demo}/api/styles.json`)).json()) as {
    style: string;
    firstPage: string;
  }[];
  const ids: number[] = [];
  for (const style of ['laravel', 'stripe']) {
    await fetchStyle(h.page, style);
    await selectRequest(panel, `${demo}${catalog.find((s) => s.style === style)!.firstPage}`);
    await userClick(panel, byTestid('crawl-start'));
    ids.push((await waitForCrawl(panel, 'done', ids.at(-1))).datasetId);
  }
  await showView(panel, 'datasets');
  for (const id of ids) await datasetRow(panel, id, `v.status === 'done'`);

  // Docked beside the page, as DevTools opens (the harness's window: the panel is ~550 px wide).
  const docked = await panel.eval<number>('innerWidth');
  expect(docked).toBeLessThan(700);
  for (const id of ids) expect(await panel.eval(actionsInView(id))).toBe(true);
  await h.screenshotDevtools(path.join(DOCS, 'datasets-docked.png'));

  // Undocked and wide.
  await h.undock(1180, 420);
  await panel.waitFor(`innerWidth > 1000`);
  for (const id of ids) expect(await panel.eval(actionsInView(id))).toBe(true);
  await h.screenshotDevtools(path.join(DOCS, 'datasets-wide.png'));
});
