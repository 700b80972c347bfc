/**
 * Test fixtures for every e2e spec: `h`, a Chromium with the e2e build of the extension (fresh
 * profile per test, removed afterwards), and `demo`, the origin of a demo API on 127.0.0.1.
 *
 *   test('…', async ({ h, demo }) => {
 *     const panel = await h.openPanel();               // DevTools open, Pagescope panel ready
 *     await h.page.goto(`${demo}/`);                   // navigate only after: DevTools records from here
 *     await panel.waitFor(`document.querySelectorAll('[data-testid=request-row]').length > 0`);
 *   });
 */
import { test as base, expect } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DevToolsHarness } from './devtools-harness.ts';

/** dist/chrome-e2e: the chrome build plus host access to 127.0.0.1, so crawls need no prompt. */
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../dist/chrome-e2e');

// Stand-in until src/demo/server.ts lands: the Vanilla style (Paging-* headers, bare array).
async function startDemoServer(_opts?: { port?: number; host?: string }): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/v2/discussions') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const rows = Array.from({ length: limit }, (_, i) => ({ discussionID: (page - 1) * limit + i + 1 }));
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'Paging-First': `/api/v2/discussions?page=1&limit=${limit}`,
        'Paging-Next': `/api/v2/discussions?page=${page + 1}&limit=${limit}`,
      });
      return res.end(JSON.stringify(rows));
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Pagescope demo</title><h1>Pagescope demo</h1>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections())),
  };
}

export const test = base.extend<{ h: DevToolsHarness; demo: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  demo: async ({}, use) => {
    const server = await startDemoServer({ port: 0, host: '127.0.0.1' });
    await use(server.origin);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  h: async ({}, use, testInfo) => {
    const h = await DevToolsHarness.launch(EXTENSION_DIR);
    try {
      await use(h);
    } finally {
      // A failed test keeps a picture of the DevTools window it failed in.
      if (testInfo.status !== testInfo.expectedStatus) {
        await h.screenshotDevtools(testInfo.outputPath('devtools.png')).catch(() => {});
      }
      await h.close();
    }
  },
});

export { expect };
