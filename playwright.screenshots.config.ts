import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// `npm run screenshots`: regenerates docs/*.png from the real panel; kept out of `npm test`.
export default defineConfig({ ...base, testMatch: '**/*.screenshots.ts', timeout: 120_000 });
