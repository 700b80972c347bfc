/**
 * Small drivers for the Pagescope panel frame in e2e specs: every helper runs DOM code inside the
 * real panel (over CDP) and addresses elements by `data-testid` only.
 */
import type { Page } from '@playwright/test';
import type { CdpFrame } from './devtools-harness.ts';

const q = (testid: string) => `document.querySelector('[data-testid=${testid}]')`;

export const panelDom = {
  /** An expression: the element's textContent, or null. */
  text: (testid: string) => `${q(testid)}?.textContent ?? null`,
  /** An expression: true when the element exists. */
  exists: (testid: string) => `!!${q(testid)}`,
  click: (panel: CdpFrame, testid: string) => panel.eval(`${q(testid)}.click()`),
  /** Sets an input's value and fires `input`, as typing does. */
  type: (panel: CdpFrame, testid: string, value: string) =>
    panel.eval(
      `(() => { const i = ${q(testid)}; i.focus(); i.value = ${JSON.stringify(value)}; i.dispatchEvent(new Event('input', { bubbles: true })); })()`,
    ),
  /** Presses a key on the focused element (or the body). */
  key: (panel: CdpFrame, key: string) =>
    panel.eval(
      `(document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)}, bubbles: true, cancelable: true }))`,
    ),
  /** Picks the first row whose URL contains `part`, as a mouse press does. */
  pickRow: (panel: CdpFrame, part: string) =>
    panel.eval(`[...document.querySelectorAll('[data-testid=request-row]')]
      .find((r) => r.querySelector('[data-testid=request-url]').textContent.includes(${JSON.stringify(part)}))
      .dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))`),
  /** Chooses a real file in a file input (DOM.setFileInputFiles fires input and change). */
  async setFile(panel: CdpFrame, testid: string, file: string) {
    const r = (await panel.send('Runtime.evaluate', { expression: q(testid) })) as {
      result: { objectId: string };
    };
    await panel.send('DOM.setFileInputFiles', { files: [file], objectId: r.result.objectId });
  },
  /** Drops a file with `text` on the panel, as dragging one from the desktop does. */
  drop: (panel: CdpFrame, name: string, text: string) =>
    panel.eval(`(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' }));
      const zone = ${q('har-drop-zone')};
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    })()`),
};

/** A HAR log of `n` Vanilla-style pages of `endpoint` (Paging-* headers, bare array bodies). */
export function vanillaHar(endpoint: string, n: number) {
  const entries = Array.from({ length: n }, (_, i) => {
    const page = i + 1;
    const body = JSON.stringify([{ id: page * 2 - 1 }, { id: page * 2 }]);
    return {
      startedDateTime: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, i)).toISOString(),
      time: 5 + (i % 50),
      request: {
        method: 'GET',
        url: `${endpoint}?page=${page}&limit=2`,
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Accept', value: 'application/json' }],
      },
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          { name: 'Content-Type', value: 'application/json' },
          { name: 'Paging-First', value: `${endpoint}?page=1&limit=2` },
          { name: 'Paging-Next', value: `${endpoint}?page=${page + 1}&limit=2` },
        ],
        content: { size: body.length, mimeType: 'application/json', text: body },
      },
    };
  });
  return { log: { version: '1.2', creator: { name: 'e2e', version: '1' }, entries } };
}

/** Has the demo page fetch each style's first page (window.pagescopeDemo). */
export async function fetchStyles(h: { page: Page }, styles: string[]) {
  await h.page.waitForFunction(() => (window as unknown as { pagescopeDemo?: unknown }).pagescopeDemo);
  for (const s of styles) {
    await h.page.evaluate((style) => (window as any).pagescopeDemo.fetchStyle(style), s);
  }
}
