/**
 * The record ids a crawl has already written, in ~8–16 bytes each instead of a Set entry plus a
 * string (≈45+ bytes): dedup over millions of records without holding every id string.
 *
 * Each id becomes a 64-bit key in an open-addressing table (two Uint32 lanes per slot, linear
 * probing, grown ×2 past 3/4 full):
 * - numbers: the exact bits of the double, so numeric ids are never confused (no collisions);
 * - strings: a 64-bit hash (two multiply-xor lanes with a murmur3-style finish, as in cyrb53), in a
 *   table of their own, so a string never meets a number. The trade-off: two distinct string ids
 *   with the same hash would count the second as a duplicate and drop it. The chance that ANY pair
 *   among n ids collides is about n² / 2⁶⁵: 3·10⁻⁸ for 1M ids, 3·10⁻⁶ for 10M, 3·10⁻⁴ for 100M.
 *   (The checkpoint already hashed ids longer than 40 characters; this extends that to all strings.)
 * No Set either, so no 2²⁴-entry limit: the table grows until memory runs out.
 */
export type IdKey = string | number;

// Scratch for the key of the id in hand (no allocation per id).
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
let keyHi = 0;
let keyLo = 0;

function numberKey(n: number): void {
  f64[0] = n === 0 ? 0 : n; // -0 and 0 are one id, as in a Set
  keyLo = u32[0];
  keyHi = u32[1];
}

function stringKey(s: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  keyHi = h2 >>> 0;
  keyLo = h1 >>> 0;
}

/** Slot of a key: mixes both lanes (small integers as doubles have all-zero low lanes). */
function home(hi: number, lo: number, mask: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & mask;
}

/** A set of 64-bit keys; the all-zero key marks an empty slot, so that one key is kept aside. */
class KeyTable {
  size = 0;
  private hasZero = false;
  private slots: Uint32Array;
  private mask: number;

  constructor(capacity = 1024) {
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  private find(hi: number, lo: number): number {
    const s = this.slots;
    for (let i = home(hi, lo, this.mask); ; i = (i + 1) & this.mask) {
      const h = s[2 * i];
      const l = s[2 * i + 1];
      if ((h === hi && l === lo) || (h === 0 && l === 0)) return i;
    }
  }

  has(hi: number, lo: number): boolean {
    if ((hi | lo) === 0) return this.hasZero;
    const i = this.find(hi, lo);
    return this.slots[2 * i] !== 0 || this.slots[2 * i + 1] !== 0;
  }

  /** True when the key was not there yet. */
  add(hi: number, lo: number): boolean {
    if ((hi | lo) === 0) {
      if (this.hasZero) return false;
      this.hasZero = true;
      this.size++;
      return true;
    }
    const i = this.find(hi, lo);
    if (this.slots[2 * i] !== 0 || this.slots[2 * i + 1] !== 0) return false;
    this.slots[2 * i] = hi;
    this.slots[2 * i + 1] = lo;
    this.size++;
    if (this.size * 4 > (this.mask + 1) * 3) this.grow();
    return true;
  }

  /** Removes a key, shifting later keys of its probe run back (no tombstones). */
  delete(hi: number, lo: number): void {
    if ((hi | lo) === 0) {
      if (this.hasZero) this.size--;
      this.hasZero = false;
      return;
    }
    const s = this.slots;
    const mask = this.mask;
    let i = this.find(hi, lo);
    if (s[2 * i] === 0 && s[2 * i + 1] === 0) return;
    this.size--;
    for (let j = (i + 1) & mask; s[2 * j] !== 0 || s[2 * j + 1] !== 0; j = (j + 1) & mask) {
      const k = home(s[2 * j], s[2 * j + 1], mask);
      // The key at j may fill the hole at i unless its home lies cyclically in (i, j].
      const stays = i <= j ? i < k && k <= j : i < k || k <= j;
      if (stays) continue;
      s[2 * i] = s[2 * j];
      s[2 * i + 1] = s[2 * j + 1];
      i = j;
    }
    s[2 * i] = 0;
    s[2 * i + 1] = 0;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    const s = this.slots;
    for (let j = 0; j < old.length; j += 2) {
      const hi = old[j];
      const lo = old[j + 1];
      if (hi === 0 && lo === 0) continue;
      let i = home(hi, lo, this.mask);
      while (s[2 * i] !== 0 || s[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      s[2 * i] = hi;
      s[2 * i + 1] = lo;
    }
  }
}

/** Seen record ids: numbers exactly, strings by 64-bit hash (see above). Same answers as a Set otherwise. */
export class SeenIds {
  private nums: KeyTable | undefined;
  private strs: KeyTable | undefined;

  get size(): number {
    return (this.nums?.size ?? 0) + (this.strs?.size ?? 0);
  }

  has(id: IdKey): boolean {
    if (typeof id === 'number') {
      numberKey(id);
      return !!this.nums?.has(keyHi, keyLo);
    }
    stringKey(id);
    return !!this.strs?.has(keyHi, keyLo);
  }

  /** Adds the id; true when it was not seen before. */
  add(id: IdKey): boolean {
    if (typeof id === 'number') {
      numberKey(id);
      return (this.nums ??= new KeyTable()).add(keyHi, keyLo);
    }
    stringKey(id);
    return (this.strs ??= new KeyTable()).add(keyHi, keyLo);
  }

  delete(id: IdKey): void {
    if (typeof id === 'number') {
      numberKey(id);
      this.nums?.delete(keyHi, keyLo);
    } else {
      stringKey(id);
      this.strs?.delete(keyHi, keyLo);
    }
  }
}
