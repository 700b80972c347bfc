/**
 * Loop guards: a chain that comes back to a URL, cursor or page it already gave, or keeps answering
 * with the same records, is stopped with the place named instead of crawling forever.
 */
import type { Detection, RequestSpec } from '../detect/types.ts';
import { isObject } from '../json.ts';
import { jsonText } from '../json-deep.ts';
import { RecentList } from './recent.ts';
import { pageLabel } from './page-label.ts';

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

/** The page's ids in order, when every record has a usable one (number or non-empty string) and none repeats on the page. */
function usableIds(records: readonly unknown[], idKey: string): string | undefined {
  const seen = new Set<unknown>();
  let s = '';
  for (const r of records) {
    const id = isObject(r) ? r[idKey] : undefined;
    if (!(typeof id === 'number' || (typeof id === 'string' && id !== '')) || seen.has(id)) return undefined;
    seen.add(id);
    s += String(id) + '\u0000';
  }
  return s;
}

/**
 * A page's fingerprint: its record ids when every record has a usable id, unique on the page;
 * else its whole content (records with `id: null`, or an id field that does not identify them,
 * would otherwise make every page of the same length look alike).
 */
export function pageHash(records: readonly unknown[], idKey: string | undefined): string {
  const ids = idKey ? usableIds(records, idKey) : undefined;
  return hashText(ids ?? jsonText(records));
}

/** A request read once: its key (see requestKey) and its query (null when the URL is unparsable). */
type ReadRequest = { key: string; query: URLSearchParams | null };

function readRequest(spec: RequestSpec): ReadRequest {
  let url = spec.url;
  let query: URLSearchParams | null = null;
  try {
    const u = new URL(spec.url);
    u.hash = '';
    // A stable sort: each name's first value, what searchParams.get answers, stays first.
    u.searchParams.sort();
    url = u.href;
    query = u.searchParams;
  } catch {
    // unparsable: compare as given
  }
  const key = `${(spec.method || 'GET').toUpperCase()} ${url}${spec.body ? ' ' + hashText(spec.body) : ''}`;
  return { key, query };
}

/** Same request, whatever the query order or fragment; the body counts (GraphQL cursors live there). */
export function requestKey(spec: RequestSpec): string {
  return readRequest(spec).key;
}

function param(query: URLSearchParams | null, name: string | undefined): string | undefined {
  return name && query ? (query.get(name) ?? undefined) : undefined;
}

function numberParam(query: URLSearchParams | null, name: string | undefined): number | undefined {
  const v = param(query, name);
  return v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : undefined;
}

/** A key as the guard keeps it: a fixed-size digest, whatever the length of the URL or cursor. */
function digest(key: string): string {
  return /^[0-9a-f]{16}$/.test(key) ? key : hashText(key);
}

/** Digests of requests and cursors, and page fingerprints: 16 hex digits each, so memory and checkpoints stay flat. */
export type GuardMemory = { seenUrls: string[]; seenCursors: string[]; pageHashes: string[] };

/**
 * A Map of keys to the page that gave them, plus the newest keys in insertion order (trimmed back
 * to `cap` once it reaches 2×cap), so a checkpoint copies at most `cap` keys instead of walking
 * every key the crawl has seen — and only when it is read (see recent.ts).
 */
class KeyLog {
  readonly at = new Map<string, number>();
  private order: RecentList<string>;

  constructor(cap: number) {
    this.order = new RecentList(cap);
  }

  /** Remembers `key` from page `index`; true when it was new (a known key keeps its place, as in a Map). */
  add(key: string, index: number): boolean {
    const fresh = !this.at.has(key);
    this.at.set(key, index);
    if (fresh) {
      this.order.trim();
      this.order.push(key);
    }
    return fresh;
  }

  /** Takes back the newest `add` (only ever called right after it). */
  undo(key: string): void {
    this.at.delete(key);
    if (this.order.last() === key) this.order.drop(1);
  }

  snapshot(): () => string[] {
    return this.order.snapshot();
  }
}

/** Each checkpoint list of the guard as it is now, copied when called. */
export type GuardSnapshot = { [K in keyof GuardMemory]: () => GuardMemory[K] };

/** Remembers requests, cursors and page fingerprints; restored from a checkpoint on resume. */
export class LoopGuard {
  private urls: KeyLog;
  private cursors: KeyLog;
  private hashes: KeyLog;
  /** What the last `record` added (a `forget` takes back only that, never an older entry). */
  private added: { url?: string; cursor?: string; hash?: string } = {};
  /** The last request read: `checkNext` and `record` ask about the same request one after the other. */
  private last:
    { spec: RequestSpec; url: string; method?: string; body?: string; read: ReadRequest } | undefined;

  /** @param cap entries of each kind a checkpoint keeps (`memory`). @default Infinity */
  constructor(memory?: GuardMemory, cap = Infinity) {
    this.urls = new KeyLog(cap);
    this.cursors = new KeyLog(cap);
    this.hashes = new KeyLog(cap);
    // Digests since issue 15 item 8; a checkpoint written before keeps whole URLs and cursors.
    for (const u of memory?.seenUrls ?? []) this.urls.add(digest(u), -1);
    for (const c of memory?.seenCursors ?? []) this.cursors.add(digest(c), -1);
    for (const h of memory?.pageHashes ?? []) this.hashes.add(h, -1);
  }

  /**
   * Before fetching page `index` with `spec` (the next request of `from`, the page before it):
   * a request already made, a cursor already used, or a page/offset number going backwards is a loop.
   * Nothing is remembered until `record`, so a failed request can be retried on resume.
   */
  checkNext(spec: RequestSpec, index: number, from: Detection | null): GuardVerdict {
    const { key, query } = this.read(spec);
    const seen = this.urls.at.get(hashText(key));
    if (seen !== undefined) return { ok: false, detail: `next link repeats ${spec.url} (${where(seen)})` };
    const params = from?.params;
    const cursor = param(query, params?.cursor);
    if (cursor) {
      const at = this.cursors.at.get(hashText(cursor));
      if (at !== undefined)
        return { ok: false, detail: `cursor ${cursor.slice(0, 80)} repeats (${where(at)}): ${spec.url}` };
    }
    if (from && params) {
      for (const [name, cur] of [
        [params.page, from.position.page],
        [params.offset, from.position.offset],
      ] as const) {
        const nextNum = numberParam(query, name);
        if (nextNum !== undefined && cur !== undefined && nextNum <= cur) {
          return {
            ok: false,
            detail: `next link of ${pageLabel(index - 1)} goes back to ${name}=${nextNum}: ${spec.url}`,
          };
        }
      }
    }
    return OK;
  }

  /** After fetching page `index`: records identical to an earlier page's are a loop. Empty pages (no hash) are not judged. */
  checkPage(hash: string | undefined, index: number, url: string): GuardVerdict {
    if (hash === undefined) return OK;
    const at = this.hashes.at.get(hash);
    if (at !== undefined)
      return { ok: false, detail: `${pageLabel(index)} (${url}) repeats the records of ${where(at)}` };
    return OK;
  }

  /** Remembers a page once it is stored: its request, the cursor it was fetched with, its fingerprint. */
  record(spec: RequestSpec, index: number, hash: string | undefined, cursorParam?: string): void {
    const added: LoopGuard['added'] = {};
    const { key, query } = this.read(spec);
    const url = hashText(key);
    if (this.urls.add(url, index)) added.url = url;
    const value = param(query, cursorParam);
    const cursor = value ? hashText(value) : undefined;
    if (cursor && this.cursors.add(cursor, index)) added.cursor = cursor;
    if (hash !== undefined && this.hashes.add(hash, index)) added.hash = hash;
    this.added = added;
  }

  /** Takes back the last `record` (the store refused the page); entries known before it stay. */
  forget(): void {
    const { url, cursor, hash } = this.added;
    if (url !== undefined) this.urls.undo(url);
    if (cursor !== undefined) this.cursors.undo(cursor);
    if (hash !== undefined) this.hashes.undo(hash);
    this.added = {};
  }

  /** The request's key and query, one URL parse for both checkNext and record. */
  private read(spec: RequestSpec): ReadRequest {
    const l = this.last;
    if (l && l.spec === spec && l.url === spec.url && l.method === spec.method && l.body === spec.body)
      return l.read;
    const read = readRequest(spec);
    this.last = { spec, url: spec.url, method: spec.method, body: spec.body, read };
    return read;
  }

  /** The most recent `cap` entries of each, oldest first, for a checkpoint. O(cap). */
  memory(): GuardMemory {
    const s = this.snapshot();
    return { seenUrls: s.seenUrls(), seenCursors: s.seenCursors(), pageHashes: s.pageHashes() };
  }

  /** What `memory()` would answer now, each list copied only when called. O(1). */
  snapshot(): GuardSnapshot {
    return {
      seenUrls: this.urls.snapshot(),
      seenCursors: this.cursors.snapshot(),
      pageHashes: this.hashes.snapshot(),
    };
  }
}

function where(index: number): string {
  return index < 0 ? 'an earlier page, before the resume' : pageLabel(index);
}
