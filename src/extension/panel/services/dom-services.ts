/**
 * Clipboard and file download for a panel page, using only the DOM. Kept apart from the app so a
 * test page can pass fakes, and so the DevTools-specific fallbacks live in one place.
 */
import type { PanelServices } from './panel-services.ts';

/**
 * navigator.clipboard needs focus and, in a DevTools panel iframe, may be blocked by the
 * frame's permissions policy; execCommand('copy') inside the click still works there.
 */
export function createClipboard(doc: Document = document): PanelServices['clipboard'] {
  return {
    async writeText(text) {
      try {
        await navigator.clipboard.writeText(text);
        return;
      } catch {
        // fall through to the legacy path
      }
      const area = doc.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.cssText = 'position:fixed;left:-9999px;top:0';
      doc.body.append(area);
      area.select();
      const ok = doc.execCommand('copy');
      area.remove();
      if (!ok) throw new Error('the browser refused clipboard access');
    },
  };
}

/**
 * The panel's one way to download: a Blob behind `<a download>` (no `downloads` permission needed).
 * Every download goes through here: HAR, spec and config files, dataset exports.
 */
export function saveBlobAs(blob: Blob, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chrome; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Text files the user asked for (HAR, spec, config), saved through `saveBlobAs`. */
export function createDownload(doc: Document = document): PanelServices['download'] {
  return {
    save: ({ name, text, mime }) => saveBlobAs(new Blob([text], { type: mime }), name, doc),
  };
}
