import { defineConfig } from '@playwright/test';

// E2E drives the real DevTools panel in Chromium; build first (`npm run build`), `npm test` does.
export default defineConfig({
  testDir: 'e2e',
  workers: 1, // one browser at a time: the DevTools frontend is CPU-hungry on small CI boxes
  timeout: 60_000,
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results',
});
