/**
 * Drives the real Pagescope panel inside real DevTools (see docs/e2e-recipe.md). Playwright does
 * not expose DevTools or its panel iframes as Pages, so they are reached over raw CDP through the
 * browser session; commands to child targets go via Target.sendMessageToTarget (flatten: false).
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CdpFrame, poll } from './cdp-frame.ts';
import { DownloadWatcher } from './downloads.ts';
import { waitForExtension } from './extension-ready.ts';

// Specs and helpers import these from here, the harness's one entry point.
export { CdpFrame, poll };

type TargetInfo = { targetId: string; type: string; url: string; parentId?: string };

export class DevToolsHarness {
  private seq = 0;
  private readonly pending = new Map<string, (m: { result?: unknown; error?: unknown }) => void>();
  private devtoolsId?: string;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly profileDir: string,
    readonly downloads: DownloadWatcher,
  ) {
    cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      const m = JSON.parse(message);
      this.pending.get(`${sessionId}:${m.id}`)?.(m);
    });
  }

  /** Starts Chromium with a fresh profile and the unpacked extension in `extensionDir`. */
  static async launch(extensionDir: string): Promise<DevToolsHarness> {
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagescope-e2e-'));
    const context = await chromium.launchPersistentContext(path.join(profileDir, 'profile'), {
      executablePath: process.env.PAGESCOPE_CHROMIUM ?? '/usr/bin/chromium',
      headless: true, // the full ("new") headless browser: extensions and DevTools work
      args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await waitForExtension(context, extensionDir);
    const cdp = await context.browser()!.newBrowserCDPSession();
    const downloads = await DownloadWatcher.start(cdp, path.join(profileDir, 'downloads'));
    return new DevToolsHarness(context, page, cdp, profileDir, downloads);
  }

  send(sessionId: string, method: string, params: object = {}): Promise<unknown> {
    const id = ++this.seq;
    const key = `${sessionId}:${id}`;
    return new Promise((resolve, reject) => {
      this.pending.set(key, (m) => {
        this.pending.delete(key);
        if (m.error) reject(new Error(`${method}: ${JSON.stringify(m.error)}`));
        else resolve(m.result);
      });
      this.cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  }

  private async targets(): Promise<TargetInfo[]> {
    return (await this.cdp.send('Target.getTargets')).targetInfos as TargetInfo[];
  }
  private waitForTarget(pred: (t: TargetInfo) => boolean, what: string, timeoutMs?: number) {
    return poll(async () => (await this.targets()).find(pred), what, timeoutMs);
  }
  private async attach(targetId: string): Promise<CdpFrame> {
    const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new CdpFrame((method, params) => this.send(sessionId, method, params), sessionId);
  }
  private extFrame = (t: TargetInfo) =>
    t.type === 'iframe' && t.parentId === this.devtoolsId && t.url.startsWith('chrome-extension://');

  /** Opens DevTools on `page` (once) and waits until it has loaded the extension's devtools page. */
  async openDevtools(): Promise<void> {
    if (this.devtoolsId) return;
    const s = await this.context.newCDPSession(this.page);
    const { targetInfo } = await s.send('Target.getTargetInfo');
    await s.detach();
    const r = (await this.cdp.send(
      'Target.openDevTools' as 'Target.getTargets',
      { targetId: targetInfo.targetId } as never,
    )) as unknown;
    this.devtoolsId = (r as { targetId: string }).targetId;
    // DevTools adds extension panels after its own; on a starved 2-core box that took up to 25 s.
    await this.waitForTarget(this.extFrame, 'the extension devtools page', 45_000); // => frontend booted
  }

  /**
   * Opens DevTools if needed, selects the Pagescope panel and returns its frame once the panel
   * reports ready (`document.body.dataset.ready === '1'`, set after its first getHAR round-trip).
   */
  async openPanel(title = 'Pagescope'): Promise<CdpFrame> {
    await this.openDevtools();
    const frontend = await this.attach(this.devtoolsId!);
    const isPanel = (t: TargetInfo) => this.extFrame(t) && new URL(t.url).pathname === '/panel.html';
    try {
      await frontend.eval(`(async () => {
        const UI = await import('./ui/legacy/legacy.js'); // DevTools internals: re-check on Chromium upgrades
        const view = UI.InspectorView.InspectorView.instance();
        for (let i = 0; i < 200; i++, await new Promise((r) => setTimeout(r, 50))) {
          const id = view.tabbedPane.tabIds().find((id) => id.startsWith('chrome-extension://') && id.endsWith(${JSON.stringify(title.replace(/\s/g, ''))}));
          if (id) return view.showPanel(id);
        }
        throw new Error('extension panel not registered: ' + view.tabbedPane.tabIds());
      })()`);
    } catch (e) {
      // Fallback when the internals move: Ctrl+[ steps left from Elements and wraps to the last tab, ours.
      console.warn(`showPanel via InspectorView failed (${(e as Error).message}); using Ctrl+[`);
      await poll(async () => {
        for (const type of ['rawKeyDown', 'keyUp']) {
          await frontend.send('Input.dispatchKeyEvent', {
            type,
            modifiers: 2,
            key: '[',
            code: 'BracketLeft',
            windowsVirtualKeyCode: 219,
          });
        }
        return poll(async () => (await this.targets()).find(isPanel), 'panel after Ctrl+[', 2_000).catch(
          () => undefined,
        );
      }, 'the panel via Ctrl+[');
    }
    const panel = await this.attach((await this.waitForTarget(isPanel, 'the panel frame')).targetId);
    await panel.waitFor(`document.body?.dataset.ready === '1'`); // body may not exist yet when attached
    return panel;
  }

  /** Closes DevTools as the user would: the panel page is thrown away. `openPanel()` opens it anew. */
  async closeDevtools(): Promise<void> {
    const id = this.devtoolsId;
    if (!id) return;
    this.devtoolsId = undefined;
    await this.cdp.send('Target.closeTarget', { targetId: id });
    await poll(
      async () => !(await this.targets()).some((t) => t.targetId === id || t.parentId === id),
      'DevTools to close',
    );
  }

  /**
   * Undocks DevTools and sizes its window to `width` × `height`: with ~550 px the panel is as wide
   * as DevTools docked beside a page.
   */
  async undock(width: number, height: number): Promise<void> {
    const frontend = await this.attach(this.devtoolsId!);
    await frontend.eval(`(async () => {
      const UI = await import('./ui/legacy/legacy.js'); // DevTools internals: re-check on upgrades
      UI.DockController.DockController.instance().setDockSide('undocked');
    })()`);
    await frontend.send('Emulation.setDeviceMetricsOverride', {
      width,
      height,
      deviceScaleFactor: 1,
      mobile: false,
    });
  }

  /** PNG of the whole DevTools window (panel included), for looking at what a test saw. */
  async screenshotDevtools(file: string): Promise<void> {
    const frontend = await this.attach(this.devtoolsId!);
    const { data } = (await frontend.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
    fs.writeFileSync(file, Buffer.from(data, 'base64'));
  }

  /** Resolves with the next download that completes (downloads queue, so call it before or after the click). */
  waitForDownload(timeoutMs?: number) {
    return this.downloads.next(timeoutMs);
  }

  async close(): Promise<void> {
    await this.context.close();
    fs.rmSync(this.profileDir, { recursive: true, force: true });
  }
}
