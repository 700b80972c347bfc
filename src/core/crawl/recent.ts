/**
 * The newest entries of a growing list, kept for checkpoints without copying them per page.
 *
 * A checkpoint goes with every page, but most are never read whole: the CLI's file store saves
 * only the newest every 200 ms. So `snapshot()` only notes where the list ends and copies its
 * last `cap` entries when read. The backing array is only ever appended to — trimming and taking
 * back replace it with a copy — so a snapshot reads the same entries whenever it is read.
 */
export class RecentList<T> {
  private items: T[] = [];

  /** @param cap entries a snapshot keeps (the newest). */
  constructor(private readonly cap: number) {}

  get length(): number {
    return this.items.length;
  }

  /** The newest entry. */
  last(): T | undefined {
    return this.items[this.items.length - 1];
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** Keeps only the newest `cap` once 2×cap are held: amortised O(1) a push, at most 2×cap held. */
  trim(): void {
    if (this.items.length >= 2 * this.cap) this.items = this.items.slice(this.items.length - this.cap);
  }

  /** Takes back the newest `n` entries (copying: snapshots already taken keep theirs). */
  drop(n: number): void {
    if (n > 0) this.items = this.items.slice(0, Math.max(0, this.items.length - n));
  }

  /** The newest `cap` entries as they are now, oldest first: O(1) now, O(cap) when called. */
  snapshot(): () => T[] {
    const { items, cap } = this;
    const end = items.length;
    return () => (cap <= 0 ? [] : items.slice(Math.max(0, end - cap), end));
  }
}

/**
 * Turns `obj[key]` (an accessor computing it on first read) into a plain data property holding
 * `value`, in the same place among the keys; answers `value`. JSON.stringify, structuredClone,
 * spreads and destructuring read such accessors like any other property.
 */
export function settle<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): T[K] {
  Object.defineProperty(obj, key, { value, configurable: true, enumerable: true, writable: true });
  return value;
}
