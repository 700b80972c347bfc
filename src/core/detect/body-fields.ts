/**
 * Small, forgiving readers shared by the body detectors: numbers that may come as strings, field
 * names in snake_case or camelCase, URL- and cursor-looking tokens, and the records array beside the
 * metadata. Evidence lines are built in body-evidence.ts, next requests in next-request.ts.
 */
import { isObject } from '../json.ts';

export type Obj = Record<string, unknown>;

/** A finite number, or a string holding one (`"3"`); undefined otherwise (titles, nulls, NaN). */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** A non-negative whole number (page, size, total), possibly given as a string. */
export function count(v: unknown): number | undefined {
  const n = num(v);
  return n !== undefined && n >= 0 && Number.isInteger(n) ? n : undefined;
}

/** A boolean, or `"true"`/`"false"`, or 0/1. */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 1 || v === '1') return true;
  if (v === 'false' || v === 0 || v === '0') return false;
  return undefined;
}

/** A non-empty trimmed string. */
export function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** `next_page_url` → [`next_page_url`, `nextPageUrl`, `NextPageUrl`]; a camel name is returned as given too. */
export function spellings(name: string): string[] {
  let out = SPELLINGS.get(name);
  if (!out) SPELLINGS.set(name, (out = spell(name)));
  return out;
}

/** Spellings are asked for the same few dozen names on every exchange: worked out once. */
const SPELLINGS = new Map<string, string[]>();

function spell(name: string): string[] {
  const camel = name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const pascal = camel.charAt(0).toUpperCase() + camel.slice(1);
  return [...new Set([name, snake, camel, pascal])];
}

/** The first of `names` (each in every spelling) present and not null on `obj`, with the key used. */
export function field(obj: unknown, ...names: string[]): { key: string; value: unknown } | undefined {
  if (!isObject(obj)) return undefined;
  for (const n of names) {
    for (const k of spellings(n)) {
      if (Object.prototype.hasOwnProperty.call(obj, k) && obj[k] != null) return { key: k, value: obj[k] };
    }
  }
  return undefined;
}

/** True when one of `names` (any spelling) is a key of `obj`, even with a null value. */
export function hasKey(obj: unknown, ...names: string[]): boolean {
  if (!isObject(obj)) return false;
  return names.some((n) => spellings(n).some((k) => Object.prototype.hasOwnProperty.call(obj, k)));
}

/** A URL, absolute or relative (`/path?x`, `?page=2`, `path/x?y`), not a person's name. */
export function isUrlLike(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const s = v.trim();
  if (!s || /\s/.test(s)) return false;
  return (
    /^https?:\/\//i.test(s) ||
    s.startsWith('/') ||
    s.startsWith('?') ||
    /^[\w.-]+(\/[^\s]*)?\?[^\s]*=/.test(s)
  );
}

/**
 * An opaque token (`dXNlcjpVMEc5V0ZYTlo=`, `eyJpZCI6M30`, `1234`): no spaces, and a digit or a
 * symbol typical of encodings, or long. A name like "Alice" or "Jane Doe" is not one.
 */
export function isCursorLike(v: unknown): v is string | number {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'string') return false;
  const s = v.trim();
  if (!s || s.length > 4096 || !/^[A-Za-z0-9_\-+=/.:%~|!*$,;@]+$/.test(s)) return false;
  return /\d/.test(s) || /[=_\-+/:%|.~]/.test(s) || s.length >= 20;
}

/**
 * A token under a key that can only hold one (`next_cursor`, `nextPageToken`, `continuation`):
 * any non-empty string without whitespace — short unpadded base64 (`eyJvZmZzZXQiOjEwfQ`) included —
 * except a plain word (`Alice`, `none`, `END`), which is a name or a sentinel, not a position.
 */
export function isTokenLike(v: unknown): v is string | number {
  if (isCursorLike(v)) return true;
  if (typeof v !== 'string') return false;
  const s = v.trim();
  if (!s || s.length > 4096 || /[\s\u0000-\u001f]/.test(s)) return false;
  return !/^(?:[A-Z]?[a-z]+|[A-Z]+)$/.test(s);
}

/**
 * A token in a slot that may hold anything else (a bare `next`, a root `cursor`): cursor-like, not
 * a kebab-case word (a CSS cursor `ns-resize`, a slug), and long or all digits — a step's name
 * (`step_3`) or a caret position (`12:4`) is short.
 */
export function isOpaqueToken(v: unknown): v is string {
  if (typeof v !== 'string' || !isCursorLike(v)) return false;
  const s = v.trim();
  return !/^[a-z]+(?:-[a-z]+)+$/.test(s) && (s.length >= 8 || /^\d+$/.test(s));
}

/**
 * Whether an array holds objects, judged from a few items at the front, middle and back: a page of
 * 10,000 records costs what a page of ten does.
 */
export function allObjects(arr: readonly unknown[]): boolean {
  return arr.length > 0 && sample(arr).every(isObject);
}

/** A few items from the front, middle and back of an array (all of a short one). */
export function sample<T>(arr: readonly T[]): T[] {
  const n = arr.length;
  return n <= 8 ? [...arr] : [0, 1, 2, n >> 1, n - 3, n - 2, n - 1].map((i) => arr[i]);
}

/** Keys whose arrays are pagination metadata, not records. */
const META_KEYS = new Set(['links', 'errors', 'warnings', 'html_attributions', 'scopes', 'included']);
/**
 * Keys that are metadata beside records but records when alone: `messages` is a status list in
 * most bodies, and the records of Twilio's and Slack's message lists.
 */
const FALLBACK_KEYS = new Set(['messages']);

/**
 * The records beside the metadata: the named collection (`customers`, `suggestions`, `data`) on
 * `obj`, skipping `exclude`. Arrays of objects win over arrays of scalars; then the longest.
 */
export function namedCollection(
  obj: unknown,
  exclude: readonly string[] = [],
): { key: string; records: unknown[] } | undefined {
  if (!isObject(obj)) return undefined;
  let best: { key: string; records: unknown[]; score: number } | undefined;
  for (const [key, v] of Object.entries(obj)) {
    if (
      !Array.isArray(v) ||
      exclude.includes(key) ||
      META_KEYS.has(key) ||
      key.startsWith('@') ||
      key.startsWith('_')
    )
      continue;
    const objects = v.length > 0 && allObjects(v);
    if (FALLBACK_KEYS.has(key) && v.length && !objects) continue;
    const score = (objects ? 1e9 : 0) + v.length - (FALLBACK_KEYS.has(key) ? 5e8 : 0);
    if (!best || score > best.score) best = { key, records: v, score };
  }
  return best && { key: best.key, records: best.records };
}

const ENVELOPES = ['data', 'result', 'results', 'response', 'body', 'payload'];

/**
 * Objects worth looking in for pagination: the root, the usual envelope (`data`, `result`, ...),
 * and the one object of a root that holds nothing else (Spotify's `{artists: {items, next, ...}}`).
 */
export function envelopes(json: unknown): { path: string[]; obj: Obj }[] {
  if (!isObject(json)) return [];
  const out: { path: string[]; obj: Obj }[] = [{ path: [], obj: json }];
  for (const k of ENVELOPES) {
    const v = json[k];
    if (isObject(v)) out.push({ path: [k], obj: v });
  }
  const only = soleKey(json);
  if (only && !ENVELOPES.includes(only) && isObject(json[only])) out.push({ path: [only], obj: json[only] });
  return out;
}

/** The object's only key (undefined when it has none or several), without listing a large object's keys. */
export function soleKey(obj: Obj): string | undefined {
  let key: string | undefined;
  for (const k in obj) {
    if (key !== undefined) return undefined;
    key = k;
  }
  return key;
}
