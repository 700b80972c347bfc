// The Datasets tab at DevTools' docked width (~550 px): the export actions are in view without
// scrolling, the long status is cut with its whole text in the tooltip, and the file name names the
// API. The crawl behind it stops on a loop (an API that serves its last page again past the end):
// the chain's Diagnostics show that as a finding, with pages counted from 1 as the crawl status does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, expect } from './fixtures.ts';
import {
  byTestid,
  datasetRow,
  exportNdjson,
  openChain,
  showChain,
  showView,
  userClick,
  waitForCrawl,
} from './crawl-helpers.ts';

/** Pages 1–3 of 23 records, and every page past the end serves page 3 again (with a next link). */
const test = base.extend<{ api: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  api: async ({}, use) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname !== '/v2/tickets/search') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!doctype html><title>loop app</title>');
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const shown = Math.min(page, 3);
      const ids = Array.from({ length: 10 }, (_, i) => (shown - 1) * 10 + i + 1).filter((id) => id <= 23);
      const next = `http://${req.headers.host}/v2/tickets/search?page=${page + 1}&status=open`;
      res.writeHead(200, { 'content-type': 'application/json', link: `<${next}>; rel="next"` });
      res.end(JSON.stringify(ids.map((id) => ({ id, subject: `ticket ${id}` }))));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  },
});

/** Where each of a dataset row's buttons is, against the panel's viewport. */
const buttonsInView = (id: number) => `(() => {
  const row = document.querySelector('[data-testid=dataset-row][data-dataset-id="${id}"]');
  const out = {};
  for (const t of ['export-ndjson', 'export-csv', 'export-json', 'dataset-delete']) {
    const r = row.querySelector('[data-testid=' + t + ']').getBoundingClientRect();
    out[t] = r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;
  }
  return out;
})()`;

test('docked width: export buttons in view, status cut with a tooltip, a loop crawl is a finding', async ({
  h,
  api,
}) => {
  test.setTimeout(90_000);
  await h.undock(550, 600); // as wide as DevTools docked beside a page
  const panel = await h.openPanel();
  const width = await panel.eval<number>('innerWidth');
  expect(width).toBeGreaterThanOrEqual(500);
  expect(width).toBeLessThanOrEqual(560);

  await h.page.goto(`${api}/`);
  const first = `${api}/v2/tickets/search?page=1&status=open`;
  await h.page.evaluate((u) => fetch(u).then((r) => r.text()), first);
  await openChain(panel, first);
  await panel.eval(`${byTestid('detail-tab-pagination')}.click()`);
  await panel.waitFor(`!!${byTestid('crawl-start')} && !${byTestid('crawl-start')}.disabled`);
  await userClick(panel, byTestid('crawl-start'));
  const end = await waitForCrawl(panel, 'stopped');
  expect(end).toMatchObject({ reason: 'loop', pages: 3, records: 23 });
  // Pages counted from 1: the 4th request served the 3rd page's records again.
  expect(end.text).toContain('page 4 (');
  expect(end.text).toContain('repeats the records of page 3');
  expect(end.text).not.toMatch(/page 0\b/);

  // The chain's Diagnostics: the crawl's loop is a finding, not "no findings".
  await showChain(panel);
  const finding = await panel.waitFor<{ severity: string; message: string }>(`(() => {
    const f = document.querySelector('[data-testid=finding][data-rule=crawl-loop]');
    return f && { severity: f.dataset.severity, message: f.querySelector('[data-testid=finding-message]').textContent };
  })()`);
  expect(finding.severity).toBe('error');
  expect(finding.message).toContain('repeats the records of page 3');
  expect(await panel.eval(`!!${byTestid('diagnostics-clean')}`)).toBe(false);
  expect(await panel.eval(`${byTestid('diagnostic-counts')}.textContent`)).toMatch(/1 error/);

  // The Datasets tab at this width: every action visible, without scrolling.
  await showView(panel, 'datasets');
  await datasetRow(panel, end.datasetId, `v.status === 'stopped'`);
  expect(await panel.eval(buttonsInView(end.datasetId))).toEqual({
    'export-ndjson': true,
    'export-csv': true,
    'export-json': true,
    'dataset-delete': true,
  });
  // The status is cut to its cell, its whole text in the tooltip.
  const status = await panel.eval<{ text: string; title: string; cut: boolean; right: number }>(`(() => {
    const c = document.querySelector('[data-testid=dataset-row][data-dataset-id="${end.datasetId}"] [data-testid=dataset-status]');
    return { text: c.textContent, title: c.title, cut: c.scrollWidth > c.clientWidth, right: c.getBoundingClientRect().right };
  })()`);
  expect(status.title).toBe(status.text);
  expect(status.title).toMatch(/^stopped · loop · page 4 \(.*\) repeats the records of page 3$/);
  expect(status.cut).toBe(true);
  await h.screenshotDevtools(test.info().outputPath('datasets-550.png'));

  // Scrolled sideways to the far end, the actions stay (sticky).
  await panel.eval(`document.querySelector('[data-testid=datasets-view]').scrollLeft = 10000`);
  expect(
    await panel.eval(`document.querySelector('[data-testid=datasets-view]').scrollLeft`),
  ).toBeGreaterThan(0);
  expect(await panel.eval(buttonsInView(end.datasetId))).toMatchObject({ 'export-ndjson': true });

  // The download names the API (host and path), then the style.
  const out = await exportNdjson(h, panel, end.datasetId);
  const host = new URL(api).host.replace(':', '-');
  expect(out.name).toMatch(
    new RegExp(`^pagescope-${host.replace(/\./g, '\\.')}-v2-tickets-search-[a-z-]+-\\d{4}-`),
  );
  expect(out.records.map((r) => r.id)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
});
