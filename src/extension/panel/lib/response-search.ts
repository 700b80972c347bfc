/**
 * Find in responses: text or `/regex/` over every captured response body, key by key and value by
 * value, so each hit has the JSON path the tree can open. Bodies that do not parse are searched as
 * text. The walk is iterative (a body nested thousands of levels deep cannot overflow the stack)
 * and bounded (hits per request, hits in all, characters read), so one search never stalls the panel.
 * Pure: results are plain data the panel renders as text.
 */
import { ExactInteger, parseJsonForDisplay } from './exact-json.ts';
import { parseQuery } from './request-filter.ts';

export type SearchHit = {
  /** The captured item the body belongs to. */
  itemId: string;
  /** Keys from the root to the node (array indexes as strings); [] for a body searched as text. */
  path: string[];
  /** The hit is in a property name, a scalar value, or the raw text of a body that is not JSON. */
  where: 'key' | 'value' | 'text';
  /** The text around the hit (cut to `SNIPPET` characters), and where the match sits in it. */
  snippet: string;
  at: number;
  length: number;
};

export type SearchResult =
  { ok: true; hits: SearchHit[]; requests: number; truncated: boolean } | { ok: false; error: string };

export type Searchable = {
  id: string;
  exchange: { response: { bodyText: string | null } };
  /** Listed but not analysed (too large, no body): not searched. */
  unanalysed?: unknown;
};

export type SearchLimits = {
  /** @default 100 */
  perRequest?: number;
  /** @default 1000 */
  total?: number;
};

/** Characters of context shown on each side of a hit. */
const SNIPPET = 40;

type Matcher = (s: string) => { at: number; length: number } | null;

function matcherFor(text: string): Matcher | { error: string } | null {
  const q = parseQuery(text);
  if (q.kind === 'empty') return null;
  if (q.kind === 'error') return { error: q.error };
  if (q.kind === 'text') {
    return (s) => {
      const at = s.toLowerCase().indexOf(q.needle);
      return at < 0 ? null : { at, length: q.needle.length };
    };
  }
  return (s) => {
    q.re.lastIndex = 0;
    const m = q.re.exec(s);
    return m ? { at: m.index, length: m[0].length } : null;
  };
}

/** The text around a match, with the match's position inside it. */
function snippetOf(s: string, at: number, length: number): Pick<SearchHit, 'snippet' | 'at' | 'length'> {
  const from = Math.max(0, at - SNIPPET);
  const to = Math.min(s.length, at + length + SNIPPET);
  const lead = from > 0 ? '…' : '';
  const tail = to < s.length ? '…' : '';
  const len = Math.min(length, to - at);
  return { snippet: `${lead}${s.slice(from, to)}${tail}`, at: at - from + lead.length, length: len };
}

/** A scalar's text: a string as itself (so `/^abc$/` matches the whole value), numbers as their digits. */
function scalarText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v instanceof ExactInteger) return v.digits;
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/**
 * Parses bodies once per exchange text (a cache the caller keeps across searches). `WeakMap` keys
 * on the item's exchange, so cleared requests free their parse.
 */
export type ParseCache = WeakMap<object, { ok: true; value: unknown } | { ok: false }>;
export const createParseCache = (): ParseCache => new WeakMap();

function parsed(cache: ParseCache, ex: object, text: string) {
  let p = cache.get(ex);
  if (!p) {
    const r = parseJsonForDisplay(text);
    p = r.ok ? { ok: true, value: r.value } : { ok: false };
    cache.set(ex, p);
  }
  return p;
}

/** Searches every item's body for `query`. A bad regex is `{ ok: false, error }`, never a throw. */
export function searchResponses(
  items: readonly Searchable[],
  query: string,
  { perRequest = 100, total = 1000 }: SearchLimits = {},
  cache: ParseCache = createParseCache(),
): SearchResult {
  const match = matcherFor(query);
  if (match === null) return { ok: true, hits: [], requests: 0, truncated: false };
  if ('error' in match) return { ok: false, error: match.error };
  const hits: SearchHit[] = [];
  let requests = 0;
  let truncated = false;
  for (const it of items) {
    const text = it.exchange.response.bodyText;
    if (it.unanalysed || !text) continue;
    const before = hits.length;
    const room = () => hits.length - before < perRequest && hits.length < total;
    const push = (path: string[], where: SearchHit['where'], s: string) => {
      const m = match(s);
      if (!m) return;
      if (!room()) return void (truncated = true);
      hits.push({ itemId: it.id, path, where, ...snippetOf(s, m.at, m.length) });
    };
    const p = parsed(cache, it.exchange, text);
    if (!p.ok) push([], 'text', text);
    else {
      // Iterative depth-first walk in document order (a property's name, then its value):
      // [value, path, keyed], last pushed first out.
      const stack: [unknown, string[], boolean][] = [[p.value, [], false]];
      while (stack.length && room()) {
        const [v, path, keyed] = stack.pop()!;
        if (keyed) push(path, 'key', path[path.length - 1]);
        const scalar = scalarText(v);
        if (scalar !== null) {
          push(path, 'value', scalar);
          continue;
        }
        const isArray = Array.isArray(v);
        const keys = isArray ? (v as unknown[]).map((_, i) => String(i)) : Object.keys(v as object);
        const o = v as Record<string, unknown>;
        for (let i = keys.length - 1; i >= 0; i--) stack.push([o[keys[i]], [...path, keys[i]], !isArray]);
      }
      if (stack.length) truncated = true;
    }
    if (hits.length > before) requests++;
    if (hits.length >= total) {
      truncated = true;
      break;
    }
  }
  return { ok: true, hits, requests, truncated };
}
