// Large responses never vanish: a 20 MB JSON response (Chrome's DevTools keeps no body that large)
// and a 9 MB one (over what the panel analyses by itself) are listed with why they were not
// analysed and what to do — the CLI command, "Analyse anyway" — and the count says "not analysed".
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CdpFrame } from './devtools-harness.ts';
import { test as base, expect } from './fixtures.ts';
import { byTestid, userClick } from './crawl-helpers.ts';
import { panelDom as $ } from './panel-helpers.ts';

const records = (n: number, pad: number) =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, name: 'x'.repeat(pad) }));
/** ~20 MB: over what DevTools keeps. */
const HUGE = JSON.stringify({ data: records(200_000, 80), next: '/api/huge?page=2' });
/** ~9 MB: DevTools keeps it, the panel does not analyse it unasked. */
const BIG = JSON.stringify({
  data: records(90_000, 80),
  links: { next: '/api/big?page=2' },
  meta: { current_page: 1, last_page: 2, per_page: 90_000, total: 180_000 },
});

const test = base.extend<{ app: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  app: async ({}, use) => {
    const server = http.createServer((req, res) => {
      const path = new URL(req.url!, 'http://x').pathname;
      if (path === '/favicon.ico') return res.writeHead(200, { 'content-type': 'image/x-icon' }).end('');
      const body =
        path === '/api/huge' ? HUGE : path === '/api/big' ? BIG : path === '/api/ok' ? '{"ok":true}' : null;
      res.writeHead(200, { 'content-type': body ? 'application/json' : 'text/html' });
      res.end(body ?? '<!doctype html><title>large app</title>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  },
});

/** The row of the request whose URL ends with `path`: its badge (reason or style). */
const row = (path: string) => `(() => {
  const r = [...document.querySelectorAll('[data-testid=request-row]')].find((r) => r.querySelector('[data-testid=request-url]').title.endsWith(${JSON.stringify(path)}));
  if (!r) return null;
  const u = r.querySelector('[data-testid=request-unanalysed]');
  return { id: r.dataset.id, reason: u?.dataset.reason ?? null, badge: (u ?? r.querySelector('[data-testid=request-style]'))?.textContent ?? null, cls: r.className };
})()`;

type Row = { id: string; reason: string | null; badge: string | null; cls: string };

async function select(panel: CdpFrame, path: string) {
  await $.pickRow(panel, path);
  await panel.waitFor($.exists('request-detail'));
}

test('a 20 MB response is listed as "body unavailable" with the CLI command, then fetched and analysed; a 9 MB one is analysed on demand', async ({
  h,
  app,
}) => {
  test.setTimeout(90_000);
  expect(HUGE.length).toBeGreaterThan(20_000_000);
  const panel = await h.openPanel();
  await h.page.goto(`${app}/`);
  for (const p of ['/api/huge', '/api/big', '/api/ok'])
    await h.page.evaluate((u) => fetch(u).then((r) => r.text()), p);

  const huge = await panel.waitFor<Row>(`${row('/api/huge')}`, 30_000);
  expect(huge).toMatchObject({ reason: 'no-content', badge: 'no body' });
  expect(huge.cls).toContain('unanalysed');
  const big = await panel.waitFor<Row>(`${row('/api/big')}`, 30_000);
  expect(big).toMatchObject({ reason: 'too-large', badge: 'too large' });
  expect(await panel.waitFor<Row>(row('/api/ok'))).toMatchObject({ reason: null });
  // The page itself (HTML) is listed too, as not JSON.
  expect(await panel.waitFor<Row>(row(`${new URL(app).host}/`))).toMatchObject({ reason: 'not-json' });

  const count = await panel.eval<{ text: string; title: string }>(
    `(() => { const c = document.querySelector('[data-testid=request-count]'); return { text: c.textContent, title: c.title }; })()`,
  );
  expect(count.text).toBe('4 / 4 requests · 3 not analysed');
  expect(count.text).not.toContain('skipped');
  expect(count.title).toContain('Not analysed: 1 not JSON, 1 no body, 1 too large');

  // The 20 MB one: why, and the CLI command for it (the URL quoted for the shell).
  await select(panel, '/api/huge');
  expect(await panel.eval($.text('unanalysed-why'))).toMatch(
    /^Not analysed: body unavailable — DevTools kept no body for this response \(19\.\d MB; Chrome keeps bodies up to about 10 MB\)/,
  );
  expect(await panel.eval($.text('cli-command'))).toBe(
    `npx pagescope crawl '${app}/api/huge' --out records.ndjson`,
  );
  expect(await panel.eval($.exists('analyse-anyway'))).toBe(false);
  await $.click(panel, 'detail-tab-pagination');
  expect(await panel.eval($.text('pagination-none'))).toContain('not analysed');
  // "Fetch and analyse": the panel fetches the GET itself (the e2e build has access to 127.0.0.1)
  // and reads all 20 MB; the row gets its detection in place.
  await userClick(panel, byTestid('fetch-analyse'));
  const fetched = await panel.waitFor<Row>(
    `(() => { const r = ${row('/api/huge')}; return r && r.reason === null && r; })()`,
    30_000,
  );
  expect(fetched.id).toBe(huge.id);
  await panel.waitFor(`!${$.exists('unanalysed-notice')} && !!${$.exists('pagination-records')}`);
  expect(await panel.eval($.text('pagination-records'))).toBe('data (200000)');
  expect(await panel.eval($.text('notice'))).toBe('Fetched and analysed');

  // The 9 MB one: "Analyse anyway" reads it in place; its detection appears, the row stays selected.
  await select(panel, '/api/big');
  expect(await panel.eval($.text('unanalysed-why'))).toMatch(
    /too large for the panel \(8\.\d MB; the panel analyses bodies up to 8\.0 MB/,
  );
  await $.click(panel, 'analyse-anyway');
  const analysed = await panel.waitFor<Row>(
    `(() => { const r = ${row('/api/big')}; return r && r.reason === null && r; })()`,
  );
  expect(analysed.id).toBe(big.id);
  expect(analysed.badge).toBeTruthy();
  await panel.waitFor(`!${$.exists('unanalysed-notice')} && !!${$.exists('pagination-style')}`);
  expect(await panel.eval($.text('request-count'))).toBe('4 / 4 requests · 1 not analysed');
  await h.screenshotDevtools(test.info().outputPath('large-responses.png'));
});
