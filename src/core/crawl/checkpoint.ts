/**
 * The crawl's running state — counters, seen record ids, loop memory — and its checkpoint form.
 * Restoring a checkpoint gives back the same state, so a resume neither loses nor repeats records.
 */
import type { Detection, RequestSpec } from '../detect/types.ts';
import { isObject } from '../json.ts';
import { inferIdKey } from '../record-id.ts';
import { hashText, lastN, LoopGuard } from './guards.ts';
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

/** Skipped duplicates remembered per page for diagnostics; more are counted but not listed. */
export const MAX_REPEATS = 1000;

/** Counters, the id field, seen ids and the loop guard of one crawl; built fresh or from a checkpoint. */
export class CrawlState {
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
  private recent: string[] = [];

  constructor(
    readonly startUrl: string,
    readonly detection: Detection,
    private readonly cap: number,
    from?: Checkpoint,
  ) {
    this.guard = new LoopGuard(from, cap);
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
    if (this.recent.length >= 2 * this.cap) this.recent.splice(0, this.recent.length - this.cap);
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
    this.recent.length = Math.max(0, this.recent.length - a.added.length);
    this.records -= a.fresh.length;
    this.duplicates -= a.duplicates;
  }

  /** The checkpoint after the pages so far; `next`/`range` say what comes next. O(cap): copies the capped lists only. */
  checkpoint(next: RequestSpec | null, range?: { from: number; to: number }): Checkpoint {
    const d = this.detection;
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
      seenIds: lastN(this.recent, this.cap),
      ...this.guard.memory(),
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
