// Capture journey: JSON responses the inspected page fetches appear in the real Pagescope panel,
// both live (onRequestFinished) and from before the panel was opened (getHAR backfill).
import { test, expect } from './fixtures.ts';

type Row = { method: string; url: string; status: string };
const rows = `[...document.querySelectorAll('[data-testid=request-row]')].map((r) => ({
  method: r.querySelector('[data-testid=request-method]').textContent,
  url: r.querySelector('[data-testid=request-url]').textContent,
  status: r.querySelector('[data-testid=request-status]').textContent,
}))`;
const rowsFor = (url: string) =>
  `(() => { const r = ${rows}.filter((r) => r.url === ${JSON.stringify(url)}); return r.length && r; })()`;

test('lists a JSON response the page fetches while the panel is open', async ({ h, demo }) => {
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  const url = `${demo}/api/v2/discussions?page=1&limit=5`;
  const body = await h.page.evaluate((u) => fetch(u).then((r) => r.json()), url);
  expect(Array.isArray(body) && body.length).toBe(5);

  const found = await panel.waitFor<Row[]>(rowsFor(url));
  expect(found).toEqual([{ method: 'GET', url, status: '200' }]);
  // The HTML page itself is listed, greyed as not analysed (not JSON), without a style.
  expect(
    await panel.waitFor(`(() => {
      const r = [...document.querySelectorAll('[data-testid=request-row]')].find((r) => r.querySelector('[data-testid=request-url]').title === ${JSON.stringify(`${demo}/`)});
      return r && { reason: r.querySelector('[data-testid=request-unanalysed]')?.dataset.reason ?? null, style: !!r.querySelector('[data-testid=request-style]') };
    })()`),
  ).toEqual({ reason: 'not-json', style: false });
});

test('backfills a response captured after DevTools opened but before the panel was shown', async ({
  h,
  demo,
}) => {
  await h.openDevtools();
  await h.page.goto(`${demo}/`);
  const url = `${demo}/api/v2/discussions?page=2&limit=3`;
  await h.page.evaluate((u) => fetch(u).then((r) => r.text()), url);

  const panel = await h.openPanel();
  const found = await panel.waitFor<Row[]>(rowsFor(url));
  expect(found).toEqual([{ method: 'GET', url, status: '200' }]);
  // Seen by both getHAR and (possibly) onRequestFinished, it is still listed once.
  await h.page.evaluate((u) => fetch(u).then((r) => r.text()), `${demo}/api/v2/discussions?page=3&limit=3`);
  await panel.waitFor(rowsFor(`${demo}/api/v2/discussions?page=3&limit=3`));
  expect(await panel.eval<Row[]>(rowsFor(url))).toHaveLength(1);
});

test('harness: a file downloaded from inside the panel is saved and readable', async ({ h }) => {
  const panel = await h.openPanel();
  await panel.eval(`(() => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob(['{"n":1}\\n'], { type: 'application/x-ndjson' }));
    a.download = 'records.ndjson';
    document.body.append(a);
    a.click();
    a.remove();
  })()`);
  const file = await h.waitForDownload();
  expect(file.suggestedFilename).toBe('records.ndjson');
  expect(file.text()).toBe('{"n":1}\n');
});
