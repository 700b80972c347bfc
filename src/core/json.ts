/** Parsing once, and safe access into parsed JSON. */

export type ParseResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** JSON.parse that returns a reason instead of throwing. A BOM is tolerated. */
export function parseJson(text: string | null | undefined): ParseResult {
  if (text == null || text === '') return { ok: false, reason: 'empty body' };
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (e) {
    return { ok: false, reason: `invalid JSON: ${(e as Error).message}` };
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Value at a path of keys. A `*` segment maps over an array (so `['edges','*','node']` yields every
 * node); the result of a path with `*` is an array.
 */
export function getPath(root: unknown, path: readonly string[]): unknown {
  let cur: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === '*') {
      if (!Array.isArray(cur)) return undefined;
      const rest = path.slice(i + 1);
      return cur.map((item) => getPath(item, rest));
    }
    if (Array.isArray(cur) && /^\d+$/.test(key)) cur = cur[Number(key)];
    else if (isObject(cur) && Object.prototype.hasOwnProperty.call(cur, key)) cur = cur[key];
    else return undefined;
  }
  return cur;
}

/** The records at `recordsPath` as an array (empty when the path does not lead to one). */
export function extractRecords(root: unknown, recordsPath: readonly string[]): unknown[] {
  const v = getPath(root, recordsPath);
  return Array.isArray(v) ? v : [];
}

/** A path for people: `data.items`, `edges[].node`, `(root)`. */
export function formatPath(path: readonly string[]): string {
  if (!path.length) return '(root)';
  return path.reduce((s, k) => (k === '*' ? `${s}[]` : s ? `${s}.${k}` : k), '');
}
