import type { BrowserContext } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { poll } from './cdp-frame.ts';

/** Chromium's id for an unpacked extension: sha256 of its real path, first 32 hex digits as a–p. */
export function extensionId(dir: string): string {
  const hex = createHash('sha256').update(fs.realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * --load-extension installs asynchronously, and DevTools opened before the install finishes
 * does not list the panel; a tab that can open one of the extension's files proves it is in.
 */
export async function waitForExtension(context: BrowserContext, dir: string): Promise<void> {
  const probe = await context.newPage();
  const url = `chrome-extension://${extensionId(dir)}/manifest.json`;
  try {
    await poll(async () => (await probe.goto(url).catch(() => null))?.ok(), `the extension at ${url}`);
  } finally {
    await probe.close();
  }
}
