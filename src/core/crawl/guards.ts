/**
 * Loop guards: a chain that comes back to a URL, cursor or page it already gave, or keeps answering
 * with the same records, is stopped with the place named instead of crawling forever.
 */
import type { Detection, RequestSpec } from '../detect/types.ts';
import { isObject } from '../json.ts';
import { getParam } from '../url.ts';

export type GuardVerdict = { ok: true } | { ok: false; detail: string };
const OK: GuardVerdict = { ok: true };

/** 64-bit FNV-1a as 16 hex digits (two 32-bit lanes); cheap, stable, and plenty against accidental equality. */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** A page's fingerprint: its record ids when there is an id field, else its content. */
export function pageHash(records: readonly unknown[], idKey: string | undefined): string {
  if (idKey) {
    let s = '';
    for (const r of records) s += String(isObject(r) ? r[idKey] : JSON.stringify(r)) + '\u0000';
    return hashText(s);
  }
  return hashText(JSON.stringify(records));
}

/** Same request, whatever the query order or fragment; the body counts (GraphQL cursors live there). */
export function requestKey(spec: RequestSpec): string {
  let url = spec.url;
  try {
    const u = new URL(spec.url);
    u.hash = '';
    u.searchParams.sort();
    url = u.href;
  } catch {
    // unparsable: compare as given
  }
  return `${(spec.method || 'GET').toUpperCase()} ${url}${spec.body ? ' ' + hashText(spec.body) : ''}`;
}

function numberParam(url: string, name: string | undefined): number | undefined {
  const v = name ? getParam(url, name) : undefined;
  return v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : undefined;
}

export type GuardMemory = { seenUrls: string[]; seenCursors: string[]; pageHashes: string[] };

/** Remembers requests, cursors and page fingerprints; restored from a checkpoint on resume. */
export class LoopGuard {
  private urls = new Map<string, number>();
  private cursors = new Map<string, number>();
  private hashes = new Map<string, number>();

  constructor(memory?: GuardMemory) {
    for (const u of memory?.seenUrls ?? []) this.urls.set(u, -1);
    for (const c of memory?.seenCursors ?? []) this.cursors.set(c, -1);
    for (const h of memory?.pageHashes ?? []) this.hashes.set(h, -1);
  }

  /**
   * Before fetching page `index` with `spec` (the next request of `from`, the page before it):
   * a request already made, a cursor already used, or a page/offset number going backwards is a loop.
   * Nothing is remembered until `record`, so a failed request can be retried on resume.
   */
  checkNext(spec: RequestSpec, index: number, from: Detection | null): GuardVerdict {
    const seen = this.urls.get(requestKey(spec));
    if (seen !== undefined) return { ok: false, detail: `next link repeats ${spec.url} (${where(seen)})` };
    const params = from?.params;
    const cursor = params?.cursor ? getParam(spec.url, params.cursor) : undefined;
    if (cursor) {
      const at = this.cursors.get(cursor);
      if (at !== undefined) return { ok: false, detail: `cursor ${cursor.slice(0, 80)} repeats (${where(at)}): ${spec.url}` };
    }
    if (from && params) {
      for (const [name, cur] of [
        [params.page, from.position.page],
        [params.offset, from.position.offset],
      ] as const) {
        const nextNum = numberParam(spec.url, name);
        if (nextNum !== undefined && cur !== undefined && nextNum <= cur) {
          return { ok: false, detail: `next link of page ${index - 1} goes back to ${name}=${nextNum}: ${spec.url}` };
        }
      }
    }
    return OK;
  }

  /** After fetching page `index`: records identical to an earlier page's are a loop. Empty pages (no hash) are not judged. */
  checkPage(hash: string | undefined, index: number, url: string): GuardVerdict {
    if (hash === undefined) return OK;
    const at = this.hashes.get(hash);
    if (at !== undefined) return { ok: false, detail: `page ${index} (${url}) repeats the records of ${where(at)}` };
    return OK;
  }

  /** Remembers a page once it is stored: its request, the cursor it was fetched with, its fingerprint. */
  record(spec: RequestSpec, index: number, hash: string | undefined, cursorParam?: string): void {
    this.urls.set(requestKey(spec), index);
    const cursor = cursorParam ? getParam(spec.url, cursorParam) : undefined;
    if (cursor) this.cursors.set(cursor, index);
    if (hash !== undefined) this.hashes.set(hash, index);
  }

  /** Takes back `record` (the store refused the page). */
  forget(spec: RequestSpec, hash: string | undefined, cursorParam?: string): void {
    this.urls.delete(requestKey(spec));
    const cursor = cursorParam ? getParam(spec.url, cursorParam) : undefined;
    if (cursor) this.cursors.delete(cursor);
    if (hash !== undefined) this.hashes.delete(hash);
  }

  /** The most recent `cap` entries of each, for a checkpoint (Map keys keep insertion order). */
  memory(cap: number): GuardMemory {
    return { seenUrls: lastKeys(this.urls, cap), seenCursors: lastKeys(this.cursors, cap), pageHashes: lastKeys(this.hashes, cap) };
  }
}

function lastKeys(m: Map<string, number>, cap: number): string[] {
  const out: string[] = [];
  let skip = m.size - cap;
  for (const k of m.keys()) if (skip-- <= 0) out.push(k);
  return out;
}

function where(index: number): string {
  return index < 0 ? 'an earlier page, before the resume' : `page ${index}`;
}
