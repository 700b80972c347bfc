// The crawl route: requests are made from the panel page itself. The e2e build lists
// http://127.0.0.1/* in host_permissions, so a panel fetch reaches an API that sends no CORS
// headers at all; the store build (dist/chrome, unmodified) asks for hosts only at run time — its
// first crawl of an origin shows the wait for the browser's real prompt, and Cancel ends it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DevToolsHarness } from './devtools-harness.ts';
import { test as base, expect, EXTENSION_DIR } from './fixtures.ts';
import { byTestid, selectRequest, userClick } from './crawl-helpers.ts';
import { recs, startServer, type TestServer } from './panel-credentials-servers.ts';

/** The store build: no host access until the user grants it. */
const STORE_DIR = path.resolve(EXTENSION_DIR, '../chrome');

const test = base.extend<{ store: DevToolsHarness; api: TestServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  store: async ({}, use) => {
    const h = await DevToolsHarness.launch(STORE_DIR);
    try {
      await h.openDevtools();
      await use(h);
    } finally {
      await h.close();
    }
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  api: async ({}, use) => {
    const s = await startServer();
    s.routes.set('/api/items?page=1', { records: recs(1), next: `${s.origin}/api/items?page=2` });
    s.routes.set('/api/items?page=2', { records: recs(3) });
    await use(s);
    await s.close();
  },
});

test('the panel fetches a 127.0.0.1 API without CORS headers and reads every header', async ({ h }) => {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '42' }); // no Access-Control-*
    res.end('[{"id":1}]');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/items?page=1`;
    const panel = await h.openPanel();
    const got = await panel.eval<{
      granted: boolean;
      status: number;
      total: string | null;
      body: unknown;
    }>(`(async () => {
      const granted = await chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] });
      const r = await fetch(${JSON.stringify(url)});
      return { granted, status: r.status, total: r.headers.get('x-total-count'), body: await r.json() };
    })()`);
    expect(got).toEqual({ granted: true, status: 200, total: '42', body: [{ id: 1 }] });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('the store build asks for hosts at run time and never lists <all_urls>', () => {
  const read = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  for (const target of ['chrome', 'firefox']) {
    const m = read(path.resolve(EXTENSION_DIR, '..', target));
    expect(m.manifest_version).toBe(3);
    expect(m.host_permissions).toBeUndefined();
    expect(m.permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(JSON.stringify(m)).not.toContain('<all_urls>');
  }
  expect(read(path.resolve(EXTENSION_DIR, '../firefox')).browser_specific_settings.gecko.id).toBeTruthy();
  expect(read(path.resolve(EXTENSION_DIR, '../chrome')).browser_specific_settings).toBeUndefined();
});

const status = `(() => { const s = ${byTestid('crawl-status')}; return s && { phase: s.dataset.phase, problem: s.dataset.problem, text: s.textContent }; })()`;
const phaseIs = (phase: string) =>
  `(() => { const s = ${status}; return s?.phase === ${JSON.stringify(phase)} && s; })()`;

test('first crawl of an origin without access (store build, real prompt): it says it waits, Cancel ends the wait, Grant access asks again', async ({
  store,
  api,
}) => {
  test.setTimeout(90_000);
  const panel = await store.openPanel();
  await store.page.goto(`${api.origin}/`);
  await store.page.evaluate(() => fetch('/api/items?page=1').then((r) => r.text()));
  await selectRequest(panel, `${api.origin}/api/items?page=1`);
  // Before the crawl: no access yet (checked without a prompt), and a way to grant it.
  const notice = await panel.waitFor<{ origin: string; text: string }>(
    `(() => { const n = ${byTestid('crawl-access')}; return n && { origin: n.dataset.origin, text: n.textContent }; })()`,
  );
  expect(notice.origin).toBe(api.origin);
  expect(notice.text).toContain(`no access to ${api.origin} yet`);
  expect(
    await panel.eval(`chrome.permissions.contains({ origins: [${JSON.stringify(`${api.origin}/*`)}] })`),
  ).toBe(false);

  await userClick(panel, byTestid('crawl-start'));
  const waiting = await panel.waitFor<{ text: string }>(phaseIs('waiting'));
  expect(waiting.text).toBe(`Waiting for access to ${api.origin} — answer the browser's prompt`);
  expect(await panel.eval(`!!${byTestid('crawl-pause')}`)).toBe(false);
  expect(await panel.eval(`${byTestid('crawl-start')}.disabled`)).toBe(true);
  // The browser's prompt is up (headless Chromium never answers it): only Cancel can end the wait.
  await userClick(panel, byTestid('crawl-cancel'));
  const cancelled = await panel.waitFor<{ problem: string; text: string }>(phaseIs('stopped'));
  expect(cancelled.problem).toBe('access-cancelled');
  expect(cancelled.text).toContain(`Cancelled by you while waiting for access to ${api.origin}`);
  expect(await panel.eval(`${byTestid('crawl-start')}.disabled`)).toBe(false);
  expect(await panel.eval(`!!${byTestid('crawl-access')}`)).toBe(true);

  // "Grant access" asks the browser from its own click, and waits the same way.
  await userClick(panel, byTestid('crawl-grant'));
  expect((await panel.waitFor<{ text: string }>(phaseIs('waiting'))).text).toContain(api.origin);
  await userClick(panel, byTestid('crawl-cancel'));
  await panel.waitFor(phaseIs('stopped'));
  // Nothing was crawled: the API saw the page's own request only.
  expect(api.seen.filter((s) => s.url.startsWith('/api/')).map((s) => s.url)).toEqual(['/api/items?page=1']);
});
