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

/** Compiles the filter text. A bad regex comes back as `{ ok: false, error }`, never a throw. */
export function compileText(text: string): CompiledText {
  const t = text.trim();
  if (!t) return { ok: true, test: () => true };
  const m = REGEX.exec(t);
  if (m) {
    try {
      // No 'g'/'y': they make test() stateful (lastIndex), which would skip every other row.
      const re = new RegExp(m[1], m[2].replace(/[gy]/g, ''));
      return { ok: true, test: (h) => re.test(h) };
    } catch (e) {
      return { ok: false, error: `Invalid regular expression: ${(e as Error).message}` };
    }
  }
  const needle = t.toLowerCase();
  return { ok: true, test: (h) => h.toLowerCase().includes(needle) };
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
