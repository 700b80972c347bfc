/**
 * The request list's filter, as pure functions: compile the text once per keystroke, then test each
 * row's search text. `/re/flags` is a regular expression; anything else is a case-insensitive substring.
 */

export type FilterSpec = {
  text: string;
  /** Show the rows that do NOT match the text. @default false */
  invert?: boolean;
  /** Show only rows with a detected pagination. @default false */
  paginatedOnly?: boolean;
};

export type CompiledText = { ok: true; test: (haystack: string) => boolean } | { ok: false; error: string };

/** What a row is searched by: the fields a user would type. */
export type Filterable = { search: string; paginated: boolean };

const REGEX = /^\/(.+)\/([a-z]*)$/s;

/** Typed search text, read once: nothing, a regular expression, a plain (case-insensitive) text, or a bad regex. */
export type ParsedQuery =
  | { kind: 'empty' }
  | { kind: 'regex'; re: RegExp }
  | { kind: 'text'; needle: string }
  | { kind: 'error'; error: string };

/**
 * `/re/flags` is a regular expression (without `g`/`y`: they make `test()` stateful); anything else a
 * case-insensitive substring. The filter box and find-in-responses share this reading. Never throws.
 */
export function parseQuery(text: string): ParsedQuery {
  const t = text.trim();
  if (!t) return { kind: 'empty' };
  const m = REGEX.exec(t);
  if (!m) return { kind: 'text', needle: t.toLowerCase() };
  try {
    return { kind: 'regex', re: new RegExp(m[1], m[2].replace(/[gy]/g, '')) };
  } catch (e) {
    const msg = (e as Error).message;
    // V8 already says "Invalid regular expression: /(/: …"; other engines may not.
    return {
      kind: 'error',
      error: /^invalid regular expression/i.test(msg) ? msg : `Invalid regular expression: ${msg}`,
    };
  }
}

/** Compiles the filter text. A bad regex comes back as `{ ok: false, error }`, never a throw. */
export function compileText(text: string): CompiledText {
  const q = parseQuery(text);
  switch (q.kind) {
    case 'empty':
      return { ok: true, test: () => true };
    case 'error':
      return { ok: false, error: q.error };
    case 'regex':
      return { ok: true, test: (h) => q.re.test(h) };
    case 'text':
      return { ok: true, test: (h) => h.toLowerCase().includes(q.needle) };
  }
}

/**
 * A row predicate for the spec. With a bad regex the text part is ignored (all rows pass it) so the
 * list does not blank out while the user is still typing; the error is shown beside the box instead.
 */
export function createRowFilter(spec: FilterSpec): {
  error: string | null;
  test: (row: Filterable) => boolean;
} {
  const compiled = compileText(spec.text);
  const textTest = compiled.ok ? compiled.test : () => true;
  const hasText = compiled.ok && spec.text.trim() !== '';
  const invert = !!spec.invert && hasText;
  return {
    error: compiled.ok ? null : compiled.error,
    test: (row) => {
      if (spec.paginatedOnly && !row.paginated) return false;
      return textTest(row.search) !== invert;
    },
  };
}

/** The rows the spec keeps, in order. */
export function applyFilter<T extends Filterable>(
  rows: readonly T[],
  spec: FilterSpec,
): { rows: T[]; error: string | null } {
  const f = createRowFilter(spec);
  return { rows: rows.filter(f.test), error: f.error };
}
