/**
 * Downloads started inside the DevTools panel are invisible to Playwright's `download` event (the
 * panel lives in a window Playwright does not own), so they are caught at the browser level:
 * Browser.setDownloadBehavior saves them under a temp dir and reports progress events.
 */
import type { CDPSession } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export type Download = {
  /** Where the file is on disk ('allowAndName' stores it under its guid). */
  path: string;
  /** The name the page asked for (`<a download="...">`). */
  suggestedFilename: string;
  url: string;
  text(): string;
};

export class DownloadWatcher {
  private readonly started = new Map<string, { url: string; suggestedFilename: string }>();
  private readonly done: Download[] = [];
  private readonly waiters: Array<(d: Download) => void> = [];

  private constructor(private readonly dir: string) {}

  static async start(cdp: CDPSession, dir: string): Promise<DownloadWatcher> {
    fs.mkdirSync(dir, { recursive: true });
    const w = new DownloadWatcher(dir);
    cdp.on('Browser.downloadWillBegin', (e) =>
      w.started.set(e.guid, { url: e.url, suggestedFilename: e.suggestedFilename }),
    );
    cdp.on('Browser.downloadProgress', (e) => {
      if (e.state === 'completed') w.complete(e.guid);
    });
    await cdp.send('Browser.setDownloadBehavior', {
      behavior: 'allowAndName',
      downloadPath: dir,
      eventsEnabled: true,
    });
    return w;
  }

  private complete(guid: string) {
    const info = this.started.get(guid) ?? { url: '', suggestedFilename: guid };
    const file = path.join(this.dir, guid);
    const d: Download = { ...info, path: file, text: () => fs.readFileSync(file, 'utf8') };
    const waiter = this.waiters.shift();
    if (waiter) waiter(d);
    else this.done.push(d);
  }

  /** The oldest completed download not yet handed out, or the next one to complete. */
  next(timeoutMs = 15_000): Promise<Download> {
    const ready = this.done.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no download completed within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (d: Download) => {
        clearTimeout(timer);
        resolve(d);
      };
      this.waiters.push(waiter);
    });
  }
}
