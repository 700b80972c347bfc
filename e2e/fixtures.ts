/**
 * Test fixtures for every e2e spec: `h`, a Chromium with the e2e build of the extension (fresh
 * profile per test, removed afterwards), and `demo`, the origin of a demo API on 127.0.0.1.
 *
 *   test('…', async ({ h, demo }) => {
 *     // DevTools is already open on h.page (about:blank): it records from here on.
 *     const panel = await h.openPanel();               // Pagescope panel shown and ready
 *     await h.page.goto(`${demo}/`);
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
  h: [
    // eslint-disable-next-line no-empty-pattern -- as above
    async ({}, use, testInfo) => {
      const h = await DevToolsHarness.launch(EXTENSION_DIR);
      try {
        // Every journey starts with DevTools open (it records nothing from before), so the slow
        // part — the DevTools frontend booting — happens here, under the fixture's own budget.
        await h.openDevtools();
        await use(h);
      } finally {
        // A failed test keeps a picture of the DevTools window it failed in.
        if (testInfo.status !== testInfo.expectedStatus) {
          await h.screenshotDevtools(testInfo.outputPath('devtools.png')).catch(() => {});
        }
        await h.close();
      }
    },
    // Launching Chromium and booting DevTools get their own budget, so a slow start on a busy
    // machine does not eat the test's 60 s.
    { timeout: 60_000 },
  ],
});

export { expect };
