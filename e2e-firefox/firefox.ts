/**
 * Drives stock Firefox headless through its built-in WebDriver BiDi (see ../shared/docs/firefox-recipe.md):
 * a fresh profile per run, the add-on installed from a folder, the toolbox opened on the Pagescope
 * tab, and code run inside the panel page (which lives in another process) through a frame script.
 * Firefox is `PAGESCOPE_FIREFOX`, else /usr/bin/firefox-esr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BidiSession } from './bidi.ts';

export const FIREFOX = process.env.PAGESCOPE_FIREFOX || '/usr/bin/firefox-esr';

/** A panel expression for the element with `data-testid=id`. */
export const byTestid = (id: string) => `document.querySelector('[data-testid=${id}]')`;

/** Polls `fn` until it returns a truthy value; rejects with `what` and the last value after `timeoutMs`. */
export async function poll<T>(
  what: string,
  fn: () => Promise<T>,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await fn();
      if (last) return last as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Prefs for a test profile: downloads go to `dir` without a dialog, no first-run pages. Optional
// permissions are granted without the doorhanger (it needs a real click on browser chrome); the
// extension must still ask for them, from a user gesture, as it would for a user.
function userJs(downloads: string): string {
  const prefs: Record<string, unknown> = {
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'devtools.toolbox.host': 'bottom',
  };
  return Object.entries(prefs)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`)
    .join('');
}

export type Tab = { context: string };

export class FirefoxHarness {
  /** Add-on id once installed. */
  addonId = '';
  /** Browser console and stderr lines, for failure messages. */
  readonly log: string[] = [];

  private constructor(
    private readonly proc: ChildProcess,
    readonly bidi: BidiSession,
    readonly profile: string,
    readonly downloads: string,
    private readonly chrome: string,
    readonly tab: string,
  ) {}

  /** Starts Firefox on a fresh profile and opens a BiDi session. */
  static async launch(): Promise<FirefoxHarness> {
    if (!fs.existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}; set PAGESCOPE_FIREFOX`);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pagescope-ff-'));
    const downloads = path.join(profile, 'downloads');
    fs.mkdirSync(downloads);
    fs.writeFileSync(path.join(profile, 'user.js'), userJs(downloads));
    const proc = spawn(
      FIREFOX,
      [
        '--headless',
        '--remote-debugging-port',
        '0',
        '--remote-allow-system-access',
        '--profile',
        profile,
        '-no-remote',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
    );
    const log: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Firefox did not start BiDi:\n${log.join('')}`)),
        60_000,
      );
      const onData = (d: Buffer) => {
        log.push(String(d));
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log.join(''));
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.once('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${log.join('')}`)));
    });
    const bidi = await BidiSession.connect(`${url}/session`);
    const tree = await bidi.send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', {});
    const chromeTree = await bidi.send<{ contexts: Array<{ context: string; url: string }> }>(
      'browsingContext.getTree',
      { 'moz:scope': 'chrome' },
    );
    const chrome = chromeTree.contexts.find((c) => c.url.startsWith('chrome://browser/'));
    if (!chrome)
      throw new Error('no browser window in the chrome scope (is --remote-allow-system-access set?)');
    const h = new FirefoxHarness(proc, bidi, profile, downloads, chrome.context, tree.contexts[0].context);
    h.log.push(...log);
    proc.stdout!.on('data', (d: Buffer) => h.log.push(String(d)));
    proc.stderr!.on('data', (d: Buffer) => h.log.push(String(d)));
    return h;
  }

  /** Installs the unpacked add-on in `dir` (temporary, as about:debugging would). */
  async install(dir: string): Promise<string> {
    const r = await this.bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: path.resolve(dir) },
    });
    this.addonId = r.extension;
    return this.addonId;
  }

  /** Runs `body` (an async function body) in the browser window, with system privileges. */
  chromeEval<T>(body: string): Promise<T> {
    return this.bidi.evaluate<T>(this.chrome, body);
  }

  /** Runs `body` in the inspected tab's page. */
  pageEval<T>(body: string): Promise<T> {
    return this.bidi.evaluate<T>(this.tab, body);
  }

  async navigate(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.tab, url, wait: 'complete' });
  }

  /**
   * Opens the toolbox on the inspected tab and selects the Pagescope tab; returns its tool id.
   * `beforeSelect` runs while the toolbox records but the panel page does not exist yet.
   */
  async openPanel(beforeSelect?: () => Promise<void>): Promise<string> {
    await this.chromeEval(`
      const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
      const { gDevTools } = require('devtools/client/framework/devtools');
      await gDevTools.showToolboxForTab(gBrowser.selectedTab, { toolId: 'webconsole' });`);
    const toolId = await poll('the Pagescope toolbox tab', () =>
      this.toolbox<string | null>(`
        const id = [...tb.doc.querySelectorAll('.devtools-tab')].map((e) => e.id)
          .find((i) => /webext-devtools-panel/.test(i));
        return id ? id.replace(/^toolbox-tab-/, '') : null;`),
    );
    // DevTools records from here on; the panel page loads only when its tab is first selected.
    await beforeSelect?.();
    await this.toolbox(`await tb.selectTool(${JSON.stringify(toolId)});`);
    await poll('the panel page', () =>
      this.panelEval<boolean>(`return !!content.document.getElementById('app');`),
    );
    return toolId;
  }

  /** Runs `body` with `tb` bound to the inspected tab's toolbox. */
  toolbox<T>(body: string): Promise<T> {
    return this.chromeEval<T>(`
      const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
      const { gDevTools } = require('devtools/client/framework/devtools');
      const tb = gDevTools.getToolboxForTab(gBrowser.selectedTab);
      if (!tb) throw new Error('no toolbox');
      ${body}`);
  }

  /**
   * Runs `body` inside the panel page (a frame script in its process: `window` and `document` are
   * the panel's, seen with system privileges; `window.wrappedJSObject` is the page's own view). Resolves
   * with its JSON-able return value; an exception comes back as an Error.
   */
  async panelEval<T>(body: string): Promise<T> {
    const r = await this.toolbox<{ ok: boolean; value: string }>(`
      const fr = tb.doc.querySelector('iframe[id^="toolbox-panel-iframe-webext"]');
      const b = fr && fr.contentDocument && fr.contentDocument.querySelector('browser');
      if (!b) throw new Error('no panel browser yet');
      const name = 'pagescope-probe-' + Math.random();
      const result = new Promise((ok) => b.messageManager.addMessageListener(name, function l(m) {
        b.messageManager.removeMessageListener(name, l); ok(m.data);
      }));
      const code = '(async () => { let r; try { r = { ok: true, value: JSON.stringify(await (async () => {' +
        'const window = content, document = content.document;' +
        ${JSON.stringify(body)} + '})() ?? null) }; } catch (e) { r = { ok: false, value: String(e) }; }' +
        ' sendAsyncMessage(' + JSON.stringify(name) + ', r); })()';
      b.messageManager.loadFrameScript('data:,' + encodeURIComponent(code), false);
      const late = new Promise((ok) => setTimeout(() => ok({ ok: false, value: 'the panel page did not answer in 15 s' }), 15000));
      return await Promise.race([result, late]);`);
    if (!r.ok) throw new Error(`in panel: ${r.value}`);
    return JSON.parse(r.value) as T;
  }

  /** Polls a panel expression until truthy and returns it. */
  panelWait<T>(what: string, expression: string, timeoutMs?: number): Promise<NonNullable<T>> {
    return poll(what, () => this.panelEval<T>(`return (${expression});`), timeoutMs);
  }

  /** Selects the newest request row of `url` in the panel, as a user does, and opens its Pagination tab. */
  async openPagination(url: string): Promise<void> {
    const rows = `[...document.querySelectorAll('[data-testid=request-row]')].filter((r) => r.querySelector('[data-testid=request-url]').title === ${JSON.stringify(url)})`;
    await this.panelWait(`the row of ${url}`, `${rows}.length > 0`);
    await this.panelEval(
      `${rows}.at(-1).dispatchEvent(new window.MouseEvent('mousedown', { bubbles: true })); return true;`,
    );
    await this.panelWait('the detail', `!!${byTestid('detail-tab-pagination')}`);
    await this.panelEval(`${byTestid('detail-tab-pagination')}.click(); return true;`);
  }

  /**
   * Clicks an element of the panel as a user does: the click is dispatched while the panel's window
   * is marked as handling user input (nsIDOMWindowUtils.setHandlingUserInput, as Firefox's own tests
   * do), so what needs a user gesture (downloads, permission requests) behaves as for a real click.
   */
  async panelClick(selector: string): Promise<void> {
    await this.panelEval(`
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el) throw new Error(${JSON.stringify(`nothing to click: ${selector}`)});
      const input = window.windowUtils.setHandlingUserInput(true);
      try { el.click(); } finally { input.destruct(); }
      return true;`);
  }

  /** The top-level browsing context whose URL contains `part`, or null. */
  async findContext(part: string): Promise<string | null> {
    const tree = await this.bidi.send<{ contexts: Array<{ context: string; url: string }> }>(
      'browsingContext.getTree',
      {},
    );
    return tree.contexts.find((c) => c.url.includes(part))?.context ?? null;
  }

  /**
   * Clicks `selector` in a top-level page with real pointer input (BiDi input.performActions), once
   * the page has loaded (its scripts ran, so the click has a handler) and the element has a box: a
   * window that has just opened may still be loading or laying out, and a click then is lost.
   */
  async userClickIn(context: string, selector: string): Promise<void> {
    const { x, y } = await poll(`${selector} ready to click`, () =>
      this.bidi.evaluate<{ x: number; y: number } | null>(
        context,
        `const el = document.querySelector(${JSON.stringify(selector)});
         const r = el && document.readyState === 'complete' ? el.getBoundingClientRect() : null;
         return r && r.width > 0 && r.height > 0
           ? { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) }
           : null;`,
      ),
    );
    await this.bidi.send('input.performActions', {
      context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x, y },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  /** The add-on's granted optional permissions, from the browser's own store. */
  grantedOrigins(): Promise<string[]> {
    return this.chromeEval<string[]>(`
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const p = await ExtensionPermissions.get(${JSON.stringify(this.addonId)});
      return p.origins;`);
  }

  async close(): Promise<void> {
    await this.bidi.close().catch(() => {});
    if (this.proc.exitCode === null) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill('SIGTERM');
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}
