/**
 * Editing one member of a JSON text in place: the rest of the text (spacing, key order, number
 * spellings, escapes) stays byte for byte as the client wrote it. A GraphQL POST's next page is the
 * same body with `variables.after` set; some servers (persisted queries, signed bodies, caches keyed
 * on the text) answer only the exact text, so the body is never re-serialised as a whole.
 * A plain scanner with a bracket counter: no recursion, whatever the nesting depth.
 */

const WS = new Set([' ', '\t', '\n', '\r']);

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.has(text[i])) i++;
  return i;
}

/** End (exclusive) of the string starting at `i` (a `"`), or -1. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
  }
  return -1;
}

/** End (exclusive) of the JSON value starting at `i`, or -1 when it is not well formed enough to skip. */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c !== '{' && c !== '[') {
    let j = i;
    while (j < text.length && !WS.has(text[j]) && !',}]'.includes(text[j])) j++;
    return j > i ? j : -1;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const ch = text[j];
    if (ch === '"') {
      j = stringEnd(text, j) - 1;
      if (j < 0) return -1;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

type Member = { key: string; valueStart: number; valueEnd: number };

/** The members of the object starting at `open` (a `{`), and the index of its closing brace. */
function members(text: string, open: number): { list: Member[]; close: number } | undefined {
  const list: Member[] = [];
  let i = skipWs(text, open + 1);
  if (text[i] === '}') return { list, close: i };
  for (;;) {
    if (text[i] !== '"') return undefined;
    const keyEnd = stringEnd(text, i);
    if (keyEnd < 0) return undefined;
    let key: string;
    try {
      key = JSON.parse(text.slice(i, keyEnd)) as string;
    } catch {
      return undefined;
    }
    i = skipWs(text, keyEnd);
    if (text[i] !== ':') return undefined;
    const valueStart = skipWs(text, i + 1);
    const end = valueEnd(text, valueStart);
    if (end < 0) return undefined;
    list.push({ key, valueStart, valueEnd: end });
    i = skipWs(text, end);
    if (text[i] === '}') return { list, close: i };
    if (text[i] !== ',') return undefined;
    i = skipWs(text, i + 1);
  }
}

/**
 * `text` with the member at `path` (object keys from the root) set to `value`, everything else
 * unchanged: an existing value is replaced where it stands; a missing member is added at the end of
 * its object (missing objects on the way are created). Undefined when the text is not a JSON object
 * along the path (the caller then builds the body another way).
 */
export function setJsonMember(text: string, path: readonly string[], value: unknown): string | undefined {
  if (!path.length) return undefined;
  let open = skipWs(text, 0);
  for (let depth = 0; depth < path.length; depth++) {
    if (text[open] !== '{') return undefined;
    const obj = members(text, open);
    if (!obj) return undefined;
    const name = path[depth];
    // The last of equal keys is the one JSON.parse keeps.
    const found = obj.list.filter((m) => m.key === name).pop();
    const lastStep = depth === path.length - 1;
    if (found && lastStep)
      return text.slice(0, found.valueStart) + JSON.stringify(value) + text.slice(found.valueEnd);
    if (found && text[found.valueStart] === '{') {
      open = found.valueStart;
      continue;
    }
    // Missing (or not an object on the way): write the rest of the path as new members.
    let inner: unknown = value;
    for (let k = path.length - 1; k > depth; k--) inner = { [path[k]]: inner };
    const member = `${JSON.stringify(name)}:${JSON.stringify(inner)}`;
    if (found) return text.slice(0, found.valueStart) + JSON.stringify(inner) + text.slice(found.valueEnd);
    const sep = obj.list.length ? ',' : '';
    // After the last member's value, so the closing brace's own spacing stays where it was.
    const at = obj.list.length ? obj.list[obj.list.length - 1].valueEnd : open + 1;
    return text.slice(0, at) + sep + member + text.slice(at);
  }
  return undefined;
}
