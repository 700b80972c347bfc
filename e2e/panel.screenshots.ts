// Pictures of the real panel in DevTools for docs/ (light and dark): `npm run screenshots`.
// Not part of `npm test` (it writes into docs/); playwright.screenshots.config.ts runs *.screenshots.ts.
import path from 'node:path';
import type { CdpFrame } from './devtools-harness.ts';
import { test, expect } from './fixtures.ts';
import { fetchStyles, panelDom as $ } from './panel-helpers.ts';

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of the panel in DevTools, ${theme} theme`, async ({ h, demo }) => {
    await h.openDevtools();
    // Harness internals: the DevTools frontend target, to pick its theme and size before the panel loads.
    const inner = h as unknown as { devtoolsId: string; attach(id: string): Promise<CdpFrame> };
    const frontend = await inner.attach(inner.devtoolsId);
    // Undocked, DevTools fills its window. Extensions read devtools.panels.themeName when DevTools
    // boots, so the dark picture sets the theme and reboots the frontend.
    await frontend.eval(`(async () => {
      const UI = await import('./ui/legacy/legacy.js'); // DevTools internals: re-check on upgrades
      UI.DockController.DockController.instance().setDockSide('undocked');
      if (${theme === 'dark'}) {
        const Common = await import('./core/common/common.js');
        Common.Settings.Settings.instance().moduleSetting('ui-theme').set('dark');
        setTimeout(() => location.reload(), 0);
      }
    })()`);
    if (theme === 'dark') {
      await frontend.waitFor(
        `(async () => { try {
          const UI = await import('./ui/legacy/legacy.js');
          return UI.InspectorView.InspectorView.instance().tabbedPane.tabIds().some((id) => id.startsWith('chrome-extension://'));
        } catch { return false; } })()`,
        20_000,
      );
    }
    await frontend.send('Emulation.setDeviceMetricsOverride', {
      width: 1180,
      height: 560,
      deviceScaleFactor: 1,
      mobile: false,
    });
    const panel = await h.openPanel();
    expect(await panel.eval(`document.documentElement.dataset.theme`)).toBe(theme);
    await h.page.goto(`${demo}/`);
    await fetchStyles(h, ['vanilla', 'vend', 'laravel', 'vend-2', 'page-number', 'uservoice']);
    await panel.waitFor(`document.querySelectorAll('[data-testid=request-style]').length >= 6`);
    await $.pickRow(panel, '/api/v2/discussions');
    await $.click(panel, 'detail-tab-pagination');
    await panel.waitFor($.exists('pagination-evidence'));
    await h.screenshotDevtools(path.resolve(import.meta.dirname, `../docs/panel-${theme}.png`));
    // The JSON tree with body evidence highlighted, kept with the test results for a look.
    await $.pickRow(panel, '/api/products');
    await $.click(panel, 'detail-tab-response');
    await panel.waitFor(`document.querySelector('[data-testid=json-node][data-evidence=true]')`);
    await h.screenshotDevtools(test.info().outputPath(`response-${theme}.png`));
  });
}
