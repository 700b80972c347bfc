// Issue 12 in the real panel: an in-house API no detector knows (cursor at meta.continuation, sent
// back as ?from=, unknown parameters refused with 400). Its Pagination tab shows the spec; the Edit
// form sets the cursor path and parameter, and at once the style, the next request and the chain
// follow; the page size is raised (fewer requests); one click crawls every record exactly once; the Export menu gives a dlt file naming the
// same parameter; Reset returns to detection; the edit is remembered for the endpoint.
import { test, expect } from './fixtures.ts';
import {
  byTestid,
  datasetRow,
  exportNdjson,
  selectRequest,
  showChain,
  showView,
  userClick,
  waitForCrawl,
} from './crawl-helpers.ts';
import type { CdpFrame } from './devtools-harness.ts';

const TOTAL = 95;

/** Sets a form field and commits it, as typing then leaving the field does. */
async function setField(panel: CdpFrame, testid: string, value: string) {
  await panel.eval(`(() => {
    const el = ${byTestid(testid)};
    el.focus();
    el.value = ${JSON.stringify(value)};
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
}

test('edit the spec of an in-house API in the Pagination tab, crawl it exactly once, export and reset', async ({
  h,
  demo,
}) => {
  test.setTimeout(90_000);
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  const url = `${demo}/inhouse/events?limit=20`;
  await h.page.evaluate((u) => fetch(u).then((r) => r.json()), url);
  await selectRequest(panel, url);

  // As detected: a guess (generic cursor) that the API would refuse.
  expect(await panel.eval(`${byTestid('pagination-style')}.textContent`)).not.toBe('spec');
  expect(await panel.eval(`${byTestid('spec-state')}.textContent`)).toContain('as detected');
  expect(await panel.eval(`${byTestid('pagination-next')}.textContent`)).toContain('continuation=');

  await panel.eval(`${byTestid('spec-edit-toggle')}.click()`);
  // The records path offers the body's arrays to pick from.
  expect(
    await panel.eval<string[]>(`[...${byTestid('spec-records-choices')}.options].map((o) => o.value)`),
  ).toEqual(['items']);
  await panel.eval(
    `(() => { const s = ${byTestid('spec-next')}; s.value = 'cursor'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`,
  );
  await panel.waitFor(`!!${byTestid('spec-next-value')}`);
  await setField(panel, 'spec-next-value', 'meta.continuation');
  await setField(panel, 'spec-cursor-param', 'from');

  // At once: the request reads by the spec, its next request is the API's own (?from=…).
  await panel.waitFor(`${byTestid('pagination-style')}?.textContent === 'spec'`);
  expect(await panel.eval(`${byTestid('spec-state')}.textContent`)).toContain('edited');
  const next = await panel.eval<string>(`${byTestid('pagination-next')}.textContent`);
  expect(next).toContain('from=');
  expect(next).not.toContain('continuation=');
  const spec = JSON.parse(await panel.eval<string>(`${byTestid('spec-json')}.textContent`));
  expect(spec.next).toEqual({
    type: 'cursor',
    from: { in: 'body', path: 'meta.continuation' },
    param: 'from',
    in: 'query',
  });

  // Raise the page size before the crawl (the spec knows its parameter, limit): fewer requests.
  await setField(panel, 'spec-page-size', '50');
  await panel.waitFor(`${byTestid('pagination-next')}?.textContent.includes('limit=50')`);

  // The chain follows: the next page is predicted; totals unknown, the page size said as such.
  await showChain(panel);
  await panel.waitFor(
    `[...document.querySelectorAll('[data-testid=chain-node]')].some((g) => g.dataset.state === 'predicted')`,
  );
  expect(await panel.eval(`${byTestid('chain-totals')}.textContent`)).toBe('total unknown · page size 20');

  // One click crawls the rest by the edited rules: every record once.
  await panel.eval(`${byTestid('detail-tab-pagination')}.click()`);
  await panel.waitFor(`!!${byTestid('crawl-start')} && !${byTestid('crawl-start')}.disabled`);
  await userClick(panel, byTestid('crawl-start'));
  const end = await waitForCrawl(panel, 'done');
  expect(end, end.text).toMatchObject({ reason: 'done', records: TOTAL, duplicates: 0, pages: 3 });

  // Export config: the dlt file names the parameter the crawl sent.
  await panel.eval(
    `(() => { const s = ${byTestid('spec-export-target')}; s.value = 'dlt'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`,
  );
  const download = h.waitForDownload(20_000);
  await userClick(panel, byTestid('spec-export-download'));
  const file = await download;
  expect(file.suggestedFilename).toMatch(/^pagescope-127\.0\.0\.1-events\.py$/);
  expect(file.text()).toContain('"cursor_param": "from"');
  expect(file.text()).toContain('"cursor_path": "meta.continuation"');

  await showView(panel, 'datasets');
  const row = await datasetRow(panel, end.datasetId, `v.status === 'done'`);
  expect(row).toMatchObject({ records: TOTAL, pages: 3 });
  const out = await exportNdjson(h, panel, end.datasetId);
  const ids = out.records.map((r) => r.eventId);
  expect(ids.length).toBe(TOTAL);
  expect(new Set(ids).size).toBe(TOTAL);

  // Remembered per endpoint: the same request fetched again is read by the edit straight away.
  await showView(panel, 'requests');
  await h.page.evaluate((u) => fetch(u, { cache: 'no-store' }).then((r) => r.json()), url);
  await panel.waitFor(`document.querySelectorAll('[data-testid=request-row]').length >= 2`);
  await selectRequest(panel, url);
  await panel.waitFor(`${byTestid('pagination-style')}?.textContent === 'spec'`);

  // Reset returns to detection.
  await userClick(panel, byTestid('spec-reset'));
  await panel.waitFor(`${byTestid('pagination-style')}?.textContent !== 'spec'`);
  expect(await panel.eval(`${byTestid('spec-state')}.textContent`)).toContain('as detected');
});
