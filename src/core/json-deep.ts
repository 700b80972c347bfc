/**
 * JSON text for values of any depth. JSON.stringify recurses and throws "Maximum call stack size
 * exceeded" a few thousand levels down; a hostile or buggy API can send such a record, and hashing
 * or comparing it must not stop a crawl or a diagnosis.
 */

/**
 * JSON text of a value as JSON.stringify writes it, built with an explicit stack: records nested
 * thousands of levels deep (where JSON.stringify throws "Maximum call stack size exceeded") still
 * get a fingerprint.
 */
export function stringifyDeep(value: unknown): string {
  type Frame = { arr?: unknown[]; obj?: Record<string, unknown>; keys?: string[]; i: number; wrote: boolean };
  const out: string[] = [];
  const stack: Frame[] = [];
  const emit = (x: unknown) => {
    if (x === null || typeof x !== 'object') out.push(JSON.stringify(x) ?? 'null');
    else if (Array.isArray(x)) {
      out.push('[');
      stack.push({ arr: x, i: 0, wrote: false });
    } else {
      out.push('{');
      const obj = x as Record<string, unknown>;
      stack.push({ obj, keys: Object.keys(obj), i: 0, wrote: false });
    }
  };
  emit(value);
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.arr) {
      if (f.i >= f.arr.length) {
        out.push(']');
        stack.pop();
        continue;
      }
      if (f.i > 0) out.push(',');
      const x = f.arr[f.i++];
      emit(x === undefined || typeof x === 'function' ? null : x);
      continue;
    }
    const keys = f.keys!;
    const obj = f.obj!;
    while (f.i < keys.length && (obj[keys[f.i]] === undefined || typeof obj[keys[f.i]] === 'function')) f.i++;
    if (f.i >= keys.length) {
      out.push('}');
      stack.pop();
      continue;
    }
    if (f.wrote) out.push(',');
    f.wrote = true;
    const k = keys[f.i++];
    out.push(JSON.stringify(k) + ':');
    emit(obj[k]);
  }
  return out.join('');
}

/** JSON.stringify, or the iterative writer when the value is nested too deep for it. */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return stringifyDeep(value);
  }
}
