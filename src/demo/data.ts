/**
 * Deterministic datasets. Every record comes from a seeded PRNG, never Math.random or the clock, so a
 * crawl of the demo API yields the same bytes on every machine and run (tests and benches compare them).
 */

/** mulberry32: tiny, fast and good enough for fixtures. Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash of a string (FNV-1a), to derive seeds from names and URLs. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const ADJECTIVES = [
  'amber',
  'brisk',
  'calm',
  'dusky',
  'eager',
  'fuzzy',
  'gentle',
  'hollow',
  'icy',
  'jolly',
  'keen',
  'lucid',
  'mellow',
  'nimble',
  'odd',
  'plain',
  'quiet',
  'rapid',
  'silent',
  'tidy',
];
const NOUNS = [
  'falcon',
  'harbor',
  'lantern',
  'meadow',
  'orchid',
  'pebble',
  'quartz',
  'river',
  'summit',
  'thicket',
  'umbrella',
  'violet',
  'willow',
  'yarrow',
  'zephyr',
  'beacon',
  'canyon',
  'dune',
  'ember',
  'fjord',
];

/** The shape every style maps from. `seq` is the 0-based position in creation order. */
export type BaseRecord = {
  seq: number;
  id: number;
  name: string;
  created_at: string;
  amount: number;
};

const EPOCH = Date.UTC(2023, 0, 2, 9, 0, 0);

/**
 * `count` records with unique, increasing but non-consecutive integer ids (real ids have gaps from
 * deletes), increasing timestamps, and a numeric field.
 */
function makeRecords(seed: number, count: number, idStart = 1): BaseRecord[] {
  const rand = prng(seed);
  const out: BaseRecord[] = [];
  let id = idStart;
  let t = EPOCH + 1000 * Math.floor(rand() * 86_400);
  for (let seq = 0; seq < count; seq++) {
    id += 1 + Math.floor(rand() * 4);
    t += 60_000 * (5 + Math.floor(rand() * 900));
    const name = `${ADJECTIVES[Math.floor(rand() * ADJECTIVES.length)]} ${NOUNS[Math.floor(rand() * NOUNS.length)]}`;
    out.push({
      seq,
      id,
      name: name[0].toUpperCase() + name.slice(1),
      created_at: new Date(t).toISOString(),
      amount: Math.floor(rand() * 10_000) / 100,
    });
  }
  return out;
}

const cache = new Map<string, BaseRecord[]>();

/** The named dataset (memoised: handlers call this on every request). */
export function dataset(name: string, count: number, idStart = 1): BaseRecord[] {
  const key = `${name}:${count}:${idStart}`;
  let rows = cache.get(key);
  if (!rows) {
    rows = makeRecords(hash32(name), count, idStart);
    cache.set(key, rows);
  }
  return rows;
}

const tokens = new Map<string, string>();

/** Memoised per (kind, name, n): handlers build ids on every request and benches measure the server too. */
function memo(key: string, make: () => string): string {
  let v = tokens.get(key);
  if (v === undefined) tokens.set(key, (v = make()));
  return v;
}

/** A deterministic UUID-looking string (Vend uses UUIDs as ids). */
export function uuidFor(name: string, n: number): string {
  return memo(`u|${name}|${n}`, () => makeUuid(name, n));
}

function makeUuid(name: string, n: number): string {
  const r = prng(hash32(`${name}#${n}`));
  const hex = (len: number) => Array.from({ length: len }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-1${hex(3)}-${(8 + Math.floor(r() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}

/** A deterministic base62 token, e.g. the tail of a Stripe id (`cus_…`). */
export function token62(name: string, n: number, len = 14): string {
  return memo(`t|${name}|${n}|${len}`, () => makeToken62(name, n, len));
}

function makeToken62(name: string, n: number, len: number): string {
  const abc = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const r = prng(hash32(`${name}#${n}`));
  return Array.from({ length: len }, () => abc[Math.floor(r() * 62)]).join('');
}
