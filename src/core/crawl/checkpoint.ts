/**
 * The crawl's running state — counters, seen record ids, loop memory — and its checkpoint form.
 * Restoring a checkpoint gives back the same state, so a resume neither loses nor repeats records.
 */
import type { Detection, RequestSpec } from '../detect/types.ts';
import { isObject } from '../json.ts';
import { inferIdKey } from '../record-id.ts';
import { hashText, LoopGuard } from './guards.ts';
import { RecentList, settle } from './recent.ts';
import { SeenIds, type IdKey } from './seen-ids.ts';
import type { Checkpoint } from './types.ts';

/** Ids longer than this are written to the checkpoint by hash, to keep checkpoints small. */
const LONG_ID = 40;

function compactId(v: unknown): IdKey | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.length > LONG_ID ? 'h:' + hashText(v) : v;
  return undefined;
}
const toText = (k: IdKey) => (typeof k === 'number' ? `n:${k}` : `s:${k}`);
const fromText = (t: string): IdKey =>
  t.startsWith('n:') ? Number(t.slice(2)) : t.startsWith('s:') ? t.slice(2) : t;

export type Accepted = {
  fresh: unknown[];
  duplicates: number;
  limitReached: boolean;
  added: IdKey[];
  /** Positions and ids of the skipped duplicates (capped at MAX_REPEATS). */
  repeats: { at: number; id: string | number }[];
};

/** The checkpoint's lists, copied from the crawl state only when read (see `snapshot`). */
const LISTS = ['seenIds', 'seenUrls', 'seenCursors', 'pageHashes'] as const;

/** Skipped duplicates remembered per page for diagnostics; more are counted but not listed. */
const MAX_REPEATS = 1000;

/** Counters, the id field, seen ids and the loop guard of one crawl; built fresh or from a checkpoint. */
export class CrawlRunState {
  idKey: string | undefined;
  nextIndex = 0;
  pages = 0;
  records = 0;
  duplicates = 0;
  errors = 0;
  retries = 0;
  readonly guard: LoopGuard;
  /** Every id written (compact: see seen-ids.ts); only the last `cap` go into a checkpoint. */
  private seen = new SeenIds();
  /** Checkpoint form of the latest ids, oldest first; trimmed back to `cap` once it reaches 2×cap. */
  private recent: RecentList<string>;

  constructor(
    readonly startUrl: string,
    readonly detection: Detection,
    cap: number,
    from?: Checkpoint,
  ) {
    this.guard = new LoopGuard(from, cap);
    this.recent = new RecentList(cap);
    if (!from) return;
    Object.assign(this, {
      idKey: from.idKey,
      nextIndex: from.nextIndex,
      pages: from.pages,
      records: from.records,
      duplicates: from.duplicates,
      errors: from.errors,
      retries: from.retries,
    });
    for (const t of from.seenIds) {
      this.seen.add(fromText(t));
      this.recent.push(t);
    }
  }

  /** Fixes the id field from the first page that has records (so one page's oddity cannot change it later). */
  learnIdKey(records: readonly unknown[]): void {
    if (this.idKey === undefined && records.length) this.idKey = inferIdKey(records) ?? '';
  }

  /**
   * The page's records minus those already seen (counted as duplicates), in order, cut so the total
   * never passes `maxRecords`. Updates the counters.
   */
  accept(records: readonly unknown[], maxRecords: number): Accepted {
    const fresh: unknown[] = [];
    const added: IdKey[] = [];
    const repeats: Accepted['repeats'] = [];
    let duplicates = 0;
    const key = this.idKey || undefined;
    // Trimmed before this page's ids go in, so `rollback` only ever cuts what this call added.
    this.recent.trim();
    for (let at = 0; at < records.length; at++) {
      const r = records[at];
      if (this.records + fresh.length >= maxRecords) break;
      const id = key && isObject(r) ? compactId(r[key]) : undefined;
      if (id !== undefined) {
        if (!this.seen.add(id)) {
          duplicates++;
          if (repeats.length < MAX_REPEATS)
            repeats.push({ at, id: (r as Record<string, string | number>)[key!] });
          continue;
        }
        added.push(id);
        this.recent.push(toText(id));
      }
      fresh.push(r);
    }
    this.records += fresh.length;
    this.duplicates += duplicates;
    return { fresh, duplicates, limitReached: this.records >= maxRecords, added, repeats };
  }

  /** Undoes `accept` when the store refused the page, so a resume fetches and counts it again. */
  rollback(a: Accepted): void {
    for (const id of a.added) this.seen.delete(id);
    this.recent.drop(a.added.length);
    this.records -= a.fresh.length;
    this.duplicates -= a.duplicates;
  }

  /** The checkpoint after the pages so far; `next`/`range` say what comes next. O(cap): copies the capped lists only. */
  checkpoint(next: RequestSpec | null, range?: { from: number; to: number }): Checkpoint {
    const cp = this.snapshot(next, range);
    // Read every list now: plain data from here on.
    for (const k of LISTS) void cp[k];
    return cp;
  }

  /**
   * The same checkpoint, O(1): its four lists (up to `cap` entries each) are copied when first
   * read, as they were at this call. A sink that keeps only some checkpoints (the CLI's file store
   * saves the newest every 200 ms) no longer pays for the copies of every page.
   */
  snapshot(next: RequestSpec | null, range?: { from: number; to: number }): Checkpoint {
    const d = this.detection;
    const ids = this.recent.snapshot();
    const guard = this.guard.snapshot();
    // Accessors in the literal (one shape for every page, unlike defineProperty); the first read of
    // a list copies it and turns it into a plain data property. JSON.stringify and structuredClone
    // read them like any other property.
    const cp: Checkpoint = {
      version: 1,
      startUrl: this.startUrl,
      style: d.style,
      kind: d.kind,
      nextIndex: this.nextIndex,
      next,
      pages: this.pages,
      records: this.records,
      duplicates: this.duplicates,
      get seenIds() {
        return settle(this, 'seenIds', ids());
      },
      set seenIds(v) {
        settle(this, 'seenIds', v);
      },
      get seenUrls() {
        return settle(this, 'seenUrls', guard.seenUrls());
      },
      set seenUrls(v) {
        settle(this, 'seenUrls', v);
      },
      get seenCursors() {
        return settle(this, 'seenCursors', guard.seenCursors());
      },
      set seenCursors(v) {
        settle(this, 'seenCursors', v);
      },
      get pageHashes() {
        return settle(this, 'pageHashes', guard.pageHashes());
      },
      set pageHashes(v) {
        settle(this, 'pageHashes', v);
      },
      errors: this.errors,
      retries: this.retries,
    };
    if (range) cp.range = range;
    if (this.idKey !== undefined) cp.idKey = this.idKey;
    return cp;
  }
}

/** True when a checkpoint can continue this start (same first URL and version). */
export function checkpointFits(cp: Checkpoint | undefined, startUrl: string): boolean {
  return !!cp && cp.version === 1 && cp.startUrl === startUrl;
}
