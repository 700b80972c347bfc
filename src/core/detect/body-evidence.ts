/**
 * Evidence lines for the body detectors: a body field or a query parameter, the value shortened for
 * display without stringifying a whole records array.
 */
import type { Evidence } from './types.ts';
import type { Obj } from './body-fields.ts';

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
