/**
 * Reading a HAR file (Chrome's "Save all as HAR with content", Firefox's export) into exchanges.
 * Used by `pagescope detect` and `pagescope diagnose`.
 */
import { readFile } from 'node:fs/promises';
import { fromHarEntry, type Exchange, type HarEntry } from '../core/exchange.ts';

export type HarRead = { ok: true; exchanges: Exchange[] } | { ok: false; reason: string };

/**
 * Reads and parses a HAR file; each entry becomes an Exchange with id = its index in `log.entries`
 * and base64 bodies decoded. A missing, unreadable or malformed file gives a one-line reason.
 */
export async function readHar(path: string): Promise<HarRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    return { ok: false, reason: `cannot read ${path}: ${why}` };
  }
  let har: unknown;
  try {
    har = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, reason: `${path} is not valid JSON: ${(e as Error).message}` };
  }
  const entries = (har as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries))
    return { ok: false, reason: `${path} is not a HAR file (no log.entries array)` };
  const exchanges: Exchange[] = [];
  entries.forEach((entry, i) => {
    if (entry && typeof entry === 'object') exchanges.push(fromHarEntry(entry as HarEntry, String(i)));
  });
  return { ok: true, exchanges };
}
