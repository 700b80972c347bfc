/**
 * JSON text for any parsed record, however deep. `JSON.stringify` recurses on the native stack and
 * throws "Maximum call stack size exceeded" somewhere past ~4 000 levels (`JSON.parse` does not:
 * a server can send what we cannot write back). `stringifyJson` tries the fast native call first
 * and, only when it runs out of stack, writes the same text with an explicit stack of its own, so a
 * record nested 100 000 levels deep exports like any other.
 */

/** `JSON.stringify(value ?? null)` that never runs out of stack. Throws on cycles, as JSON.stringify does. */
export function stringifyJson(value: unknown): string {
  try {
    return JSON.stringify(value ?? null) ?? 'null';
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return stringifyIteratively(value ?? null);
  }
}

type Frame = {
  obj: object;
  keys: string[] | null; // null: an array
  i: number;
  wrote: boolean;
};

/** What JSON.stringify does before writing a value: toJSON, unwrapping boxed primitives. */
function prepare(v: unknown, key: string): unknown {
  if (typeof v === 'object' && v !== null) {
    const toJSON = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') v = toJSON.call(v, key);
    if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
  }
  return v;
}

/** A primitive's JSON text; undefined when JSON leaves it out (undefined, functions, symbols). */
function primitive(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      return v === null ? 'null' : undefined;
    default:
      return undefined;
  }
}

/** The same text as JSON.stringify, with a heap-allocated stack. */
export function stringifyIteratively(root: unknown): string {
  const out: string[] = [];
  const onPath = new Set<object>();
  const stack: Frame[] = [];
  const open = (v: unknown): void => {
    const p = primitive(v);
    if (p !== undefined || typeof v !== 'object' || v === null) {
      out.push(p ?? 'null');
      return;
    }
    if (onPath.has(v)) throw new TypeError('Converting circular structure to JSON');
    onPath.add(v);
    const isArray = Array.isArray(v);
    out.push(isArray ? '[' : '{');
    stack.push({ obj: v, keys: isArray ? null : Object.keys(v), i: 0, wrote: false });
  };
  open(prepare(root, ''));
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.keys === null) {
      const arr = f.obj as unknown[];
      if (f.i >= arr.length) {
        out.push(']');
        onPath.delete(stack.pop()!.obj);
        continue;
      }
      const idx = f.i++;
      if (f.wrote) out.push(',');
      f.wrote = true;
      const v = prepare(arr[idx], String(idx));
      // In arrays, values JSON leaves out become null.
      if (primitive(v) === undefined && (typeof v !== 'object' || v === null)) out.push('null');
      else open(v);
    } else {
      if (f.i >= f.keys.length) {
        out.push('}');
        onPath.delete(stack.pop()!.obj);
        continue;
      }
      const key = f.keys[f.i++];
      const v = prepare((f.obj as Record<string, unknown>)[key], key);
      if (primitive(v) === undefined && (typeof v !== 'object' || v === null)) continue;
      out.push((f.wrote ? ',' : '') + JSON.stringify(key) + ':');
      f.wrote = true;
      open(v);
    }
  }
  return out.join('');
}
