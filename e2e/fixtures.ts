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
import path from 'node:path';
import { startDemoServer } from '../src/demo/server.ts';
import { DevToolsHarness } from './devtools-harness.ts';

/** dist/chrome-e2e: the chrome build plus host access to 127.0.0.1, so crawls need no prompt. */
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../dist/chrome-e2e');

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
