/** Dotted paths (`meta.next_cursor`, `edges.*.node`, `.` for the root) read from and written into JSON. */
import { isObject } from '../json.ts';
import type { SpecPath } from './types.ts';

/**
 * `a.b.*.c` → ['a','b','*','c']; `.` or '' → [] (the root); `edges[].node` and `edges[*].node` read
 * as `edges.*.node`; a key holding dots is written `['@odata.nextLink']` (as JSONPath does).
 */
export function parsePath(path: SpecPath): string[] {
  const t = path.trim().replace(/^\$\.?/, '');
  const out: string[] = [];
  let i = 0;
  while (i < t.length) {
    if (t[i] === '.') {
      i++;
      continue;
    }
    if (t.startsWith("['", i)) {
      let key = '';
      let j = i + 2;
      for (; j < t.length && !t.startsWith("']", j); j++) {
        if (t[j] === '\\' && j + 1 < t.length) j++;
        key += t[j];
      }
      out.push(key);
      i = j + 2;
      continue;
    }
    const br = /^\[(\*|\d*)\]/.exec(t.slice(i));
    if (br) {
      out.push(br[1] === '' || br[1] === '*' ? '*' : br[1]);
      i += br[0].length;
      continue;
    }
    let j = i;
    while (j < t.length && t[j] !== '.' && t[j] !== '[') j++;
    out.push(t.slice(i, j));
    i = j;
  }
  return out;
}

/** ['a','*','b'] → `a.*.b`; [] → `.`; a key holding `.`, `[` or `'` is written `['k.ey']`. */
export function formatSpecPath(path: readonly string[]): SpecPath {
  if (!path.length) return '.';
  return path.reduce((s, k) => {
    if (/[.[\]'\\]/.test(k) || k === '') return `${s}['${k.replace(/[\\']/g, (c) => '\\' + c)}']`;
    return s ? `${s}.${k}` : k;
  }, '');
}

/**
 * The value at a dotted path. Where a segment is not a key, the longest run of segments joined by
 * dots that is one is taken (`@odata.nextLink` is one key). `*` maps over an array.
 */
export function readPath(root: unknown, path: SpecPath | readonly string[]): unknown {
  const segs = typeof path === 'string' ? parsePath(path) : path;
  return readSegs(root, segs, 0);
}

function readSegs(cur: unknown, segs: readonly string[], i: number): unknown {
  if (i >= segs.length) return cur;
  if (segs[i] === '*') return Array.isArray(cur) ? cur.map((x) => readSegs(x, segs, i + 1)) : undefined;
  if (Array.isArray(cur) && /^\d+$/.test(segs[i])) return readSegs(cur[Number(segs[i])], segs, i + 1);
  if (!isObject(cur)) return undefined;
  for (let j = segs.length; j > i; j--) {
    const key = segs.slice(i, j).join('.');
    if (Object.prototype.hasOwnProperty.call(cur, key)) return readSegs(cur[key], segs, j);
  }
  return undefined;
}

/** The segments a dotted path stands for in this body (`@odata.nextLink` kept as one key when it is one). */
export function resolveSegments(root: unknown, path: SpecPath): string[] {
  const segs = parsePath(path);
  const out: string[] = [];
  let cur = root;
  for (let i = 0; i < segs.length;) {
    if (segs[i] === '*' || !isObject(cur)) {
      out.push(segs[i]);
      cur = Array.isArray(cur) ? cur[0] : undefined;
      i++;
      continue;
    }
    let j = segs.length;
    for (; j > i + 1; j--) if (Object.prototype.hasOwnProperty.call(cur, segs.slice(i, j).join('.'))) break;
    const key = segs.slice(i, j).join('.');
    out.push(key);
    cur = cur[key];
    i = j;
  }
  return out;
}

/** A copy of `root` with `value` set at the path (objects created on the way); the input is not changed. */
export function writePath(root: unknown, path: SpecPath, value: unknown): unknown {
  const segs = resolveSegments(root, path);
  const set = (cur: unknown, i: number): unknown => {
    if (i >= segs.length) return value;
    const obj: Record<string, unknown> = isObject(cur) ? { ...cur } : {};
    obj[segs[i]] = set(obj[segs[i]], i + 1);
    return obj;
  };
  return set(root, 0);
}

/** A number from a JSON number or a string of digits; undefined otherwise. */
export function asCount(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d{1,15}\s*$/.test(v)) return Number(v);
  return undefined;
}
