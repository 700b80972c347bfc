/**
 * Small, forgiving readers shared by the body detectors: numbers that may come as strings, field
 * names in snake_case or camelCase, cursor-looking tokens, the records array beside the metadata,
 * and next-request builders that keep the request's other query parameters.
 */
import { isObject } from '../json.ts';
import { resolveUrl } from '../url.ts';
import { roleOfName } from './params.ts';
import { queryEntries, setQueryParam } from './query.ts';
import type { DetectContext, Evidence, RequestSpec } from './types.ts';

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

/** One piece of body evidence, the value shortened for display. */
export function ev(path: string, value: unknown, note?: string): Evidence {
  const s =
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null
        ? jsonPrefix(value, 121)
        : (JSON.stringify(value) ?? String(value));
  const e: Evidence = { where: 'body', path, value: s.length > 120 ? `${s.slice(0, 117)}...` : s };
  if (note) e.note = note;
  return e;
}

/**
 * JSON.stringify(value) when that is under `limit` characters; otherwise a string of at least `limit`
 * characters that starts like it. A whole records array given as evidence costs its first items,
 * not a 1 MB stringify that is cut to 120 characters anyway. Plain parsed JSON only (no toJSON).
 */
export function jsonPrefix(value: unknown, limit: number): string {
  let out = '';
  const full = () => out.length >= limit;
  const put = (v: unknown, inArray: boolean): void => {
    if (typeof v === 'object' && v !== null) {
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
        out += JSON.stringify(v) ?? (inArray ? 'null' : '');
        return;
      }
      if (Array.isArray(v)) {
        out += '[';
        for (let i = 0; i < v.length && !full(); i++) {
          if (i) out += ',';
          put(v[i], true);
        }
        out += ']';
        return;
      }
      out += '{';
      let first = true;
      for (const k in v) {
        if (full()) break;
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        const x = (v as Obj)[k];
        if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
        out += `${first ? '' : ','}${JSON.stringify(k)}:`;
        first = false;
        put(x, false);
      }
      out += '}';
      return;
    }
    if (typeof v === 'string' && v.length > limit) {
      out += JSON.stringify(v.slice(0, limit + 1)); // past the limit: only the prefix matters
      return;
    }
    out += JSON.stringify(v) ?? (inArray ? 'null' : '');
  };
  put(value, true);
  return out;
}

/** Query evidence: a parameter the request used. */
export function qev(name: string, value: string, note?: string): Evidence {
  return {
    where: 'query',
    path: name,
    value: value.length > 120 ? `${value.slice(0, 117)}...` : value,
    note,
  };
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
const META_KEYS = new Set([
  'links',
  'errors',
  'warnings',
  'messages',
  'html_attributions',
  'scopes',
  'included',
]);

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
    const score = (objects ? 1e9 : 0) + v.length;
    if (!best || score > best.score) best = { key, records: v, score };
  }
  return best && { key: best.key, records: best.records };
}

/** Objects worth looking in for pagination: the root and the usual envelope (`data`, `result`, ...). */
export function envelopes(json: unknown): { path: string[]; obj: Obj }[] {
  if (!isObject(json)) return [];
  const out: { path: string[]; obj: Obj }[] = [{ path: [], obj: json }];
  for (const k of ['data', 'result', 'results', 'response', 'body', 'payload']) {
    const v = json[k];
    if (isObject(v)) out.push({ path: [k], obj: v });
  }
  return out;
}

/** Resolves a link against the request URL (absolute http(s) or undefined). */
export function link(ctx: DetectContext, ref: unknown): string | undefined {
  if (isObject(ref)) ref = ref.href; // HAL / JSON:API link objects
  return typeof ref === 'string'
    ? resolveUrl(ctx.exchange.request.url, ref.replace(/\{[^}]*\}/g, ''))
    : undefined;
}

/** GET of the request URL with `params` set (undefined removes), the other query parameters kept. */
export function nextGet(
  ctx: DetectContext,
  params: Record<string, string | number | undefined>,
): RequestSpec | undefined {
  try {
    let url = ctx.exchange.request.url;
    for (const [k, v] of Object.entries(params))
      url = setQueryParam(url, k, v === undefined ? undefined : String(v));
    return { method: 'GET', url };
  } catch {
    return undefined;
  }
}

/** The request's own method and body with the URL's params set: for APIs read over POST with a query string. */
export function sameRequest(
  ctx: DetectContext,
  params: Record<string, string | number | undefined>,
): RequestSpec | undefined {
  const spec = nextGet(ctx, params);
  if (!spec) return undefined;
  const { method, postData } = ctx.exchange.request;
  if (method === 'GET' || method === 'HEAD') return spec;
  return postData?.text != null ? { method, url: spec.url, body: postData.text } : { method, url: spec.url };
}

/**
 * The page-number parameter, read from links: the one whose value is `page + 1` in the next link
 * (or `page - 1` in the prev link), preferring the one whose value in the request is `page` itself,
 * and never a size parameter (`per_page=3` on page 2 also reads 3).
 */
export function pageParamIn(
  requestUrl: string,
  links: { next?: string; prev?: string },
  page: number,
): string | undefined {
  const cur = queryEntries(requestUrl);
  const pick = (url: string | undefined, want: number): string | undefined => {
    if (!url) return undefined;
    const names = [...queryEntries(url)]
      .filter(([k, v]) => v === String(want) && roleOfName(k) !== 'size' && cur.get(k) !== String(want))
      .map(([k]) => k);
    return (
      names.find((k) => cur.get(k) === String(page)) ??
      names.find((k) => roleOfName(k) === 'page') ??
      names[0]
    );
  };
  return pick(links.next, page + 1) ?? pick(links.prev, page - 1);
}

/**
 * The request for the next page with `params` set where the request carried its arguments: the
 * query string of a GET, or the JSON / form body of a POST (Notion, HubSpot and Square searches,
 * Slack's form posts, Algolia queries). A parameter already in the query string stays there.
 */
export function carry(
  ctx: DetectContext,
  params: Record<string, string | number | undefined>,
): RequestSpec | undefined {
  const { method, postData, url } = ctx.exchange.request;
  const text = postData?.text;
  if (method === 'GET' || method === 'HEAD' || !text) return nextGet(ctx, params);
  const inQuery = Object.keys(params).filter((k) => ctx.url.searchParams.has(k));
  if (inQuery.length === Object.keys(params).length) return sameRequest(ctx, params);
  const mime = (postData?.mimeType ?? '').toLowerCase();
  const headers = [{ name: 'Content-Type', value: postData?.mimeType || 'application/json' }];
  if (mime.includes('x-www-form-urlencoded')) {
    const form = new URLSearchParams(text);
    for (const [k, v] of Object.entries(params)) v === undefined ? form.delete(k) : form.set(k, String(v));
    return { method, url, body: form.toString(), headers };
  }
  try {
    const args: unknown = JSON.parse(text);
    if (!isObject(args)) return undefined;
    const body: Obj = { ...args };
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined) delete body[k];
      else body[k] = typeof args[k] === 'number' && typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    }
    return { method, url, body: JSON.stringify(body), headers };
  } catch {
    return undefined;
  }
}

/** The query parameter of `url` whose value is `value` (how a next link carries a cursor). */
export function paramHolding(url: string | undefined, value: unknown): string | undefined {
  if (!url || value == null || value === '') return undefined;
  try {
    for (const [k, v] of new URL(url).searchParams) if (v === String(value)) return k;
  } catch {
    // not a URL: no parameter
  }
  return undefined;
}

/** The first of `names` the request URL carries, as [name, value]. */
export function requestParam(ctx: DetectContext, ...names: string[]): [string, string] | undefined {
  for (const n of names) {
    const v = ctx.url.searchParams.get(n);
    if (v !== null) return [n, v];
  }
  return undefined;
}
