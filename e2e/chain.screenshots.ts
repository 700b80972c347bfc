// Pictures of the Chain tab in the real panel for docs/ (light and dark): the demo's shifting-offset
// chain (3 pages fetched by the page, the rest crawled), with its duplicate findings. Not part of
// `npm test`, since it writes into docs/: `npm run screenshots`.
import path from 'node:path';
import { test } from './fixtures.ts';
import { byTestid, selectRequest, showChain, userClick, waitForCrawl } from './crawl-helpers.ts';

const DOCS = path.resolve(import.meta.dirname, '../docs');

test('screenshots: chain view + diagnostics, light and dark', async ({ h, demo }) => {
  test.setTimeout(90_000);
  // A wider window than the default, so the side-docked DevTools shows the chain and findings roomily.
  const s = await h.context.newCDPSession(h.page);
  const { windowId } = (await s.send('Browser.getWindowForTarget')) as { windowId: number };
  await s.send('Browser.setWindowBounds', { windowId, bounds: { width: 1600, height: 900 } });
  await s.detach();
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  const first = '/buggy/shifting-offset?offset=0&limit=10';
  for (const o of [0, 10, 20])
    await h.page.evaluate((u) => fetch(u).then((r) => r.text()), first.replace('offset=0', `offset=${o}`));
  await selectRequest(panel, `${demo}${first}`);
  await userClick(panel, byTestid('crawl-start'));
  await waitForCrawl(panel, 'done');
  await showChain(panel);
  await panel.waitFor(
    `!!document.querySelector('[data-testid=chain-node][data-state=crawled]') && !!${byTestid('finding')}`,
  );
  for (const theme of ['light', 'dark']) {
    // The theme DevTools would hand the panel (devtools.panels.themeName), set as main.tsx sets it.
    await panel.eval(`document.documentElement.dataset.theme = ${JSON.stringify(theme)}`);
    await panel.waitFor(`document.documentElement.dataset.theme === ${JSON.stringify(theme)}`);
    await h.screenshotDevtools(path.join(DOCS, `chain-${theme}.png`));
  }
});
