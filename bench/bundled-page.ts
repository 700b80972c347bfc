/**
 * A plain headless Chromium page running one esbuild-bundled entry, served from 127.0.0.1 (browser
 * APIs such as IndexedDB need a real origin). Used by the IndexedDB bench and the store's browser
 * tests. Chromium: PAGESCOPE_CHROMIUM or /usr/bin/chromium.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Page } from '@playwright/test';

export type BundledPage = { page: Page; close(): Promise<void> };

/** Bundles `entry`, serves it and opens it; resolves once `readyGlobal` exists on the page. */
export async function openBundledPage(entry: string, readyGlobal: string): Promise<BundledPage> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'chrome116',
    write: false,
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0].text;
  const server = http.createServer((req, res) => {
    if (req.url === '/entry.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><script src="/entry.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({
    executablePath: process.env.PAGESCOPE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // A script interrupted with Ctrl+C closes the browser itself (see e2e-recipe pitfalls).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = async () => {
    await browser.close();
    server.close();
  };
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction((g) => g in globalThis, readyGlobal);
    return { page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
