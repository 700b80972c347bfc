/**
 * What the generic detector reads: the pagination-looking fields of one object (the root or a
 * wrapper such as `meta`, `pagination`, `paging`), each checked for the right type, with the
 * evidence for each. Kept apart from generic.ts so the decision there fits on one screen.
 */
import { isObject } from '../json.ts';
import { bool, count, envelopes, ev, field, isCursorLike, isUrlLike, link, type Obj } from './body-fields.ts';
import type { DetectContext, Evidence } from './types.ts';

const WRAPPERS = ['meta', 'pagination', 'paging', 'page_info', 'response_metadata', 'pager'];
const CURSOR_KEYS = ['next_cursor', 'continuation', 'continuation_token', 'next_page_token', 'next_token'];
const MORE_KEYS = ['has_more', 'has_next', 'has_next_page', 'has_more_items', 'more'];
const TOTAL_KEYS = ['total', 'total_count', 'total_results', 'total_records', 'total_items', 'total_size'];

/** Wrappers first (Fractal nests one more level: `meta.pagination`), then the object itself. */
export function holders(json: Obj): { obj: Obj; path: string[] }[] {
  const out: { obj: Obj; path: string[] }[] = [];
  for (const { obj, path } of envelopes(json)) {
    for (const w of WRAPPERS) {
      const f = field(obj, w);
      if (!f || !isObject(f.value)) continue;
      for (const inner of WRAPPERS) {
        const g = field(f.value, inner);
        if (g && isObject(g.value)) out.push({ obj: g.value, path: [...path, f.key, g.key] });
      }
      out.push({ obj: f.value, path: [...path, f.key] });
    }
    out.push({ obj, path });
  }
  return out;
}

export type Signals = {
  evidence: Evidence[];
  /** How many strong signals: a has-more flag, a cursor token, a next URL. */
  strong: number;
  page?: number;
  pageKey?: string;
  totalPages?: number;
  total?: number;
  size?: number;
  more?: boolean;
  cursor?: string;
  cursorKey?: string;
  nextUrl?: string;
  nextPage?: number;
};

/** The typed pagination fields of `obj` (found at `path`); wrong types count as absent. */
export function readSignals(ctx: DetectContext, obj: Obj, path: string[]): Signals {
  const at = (k: string) => [...path, k].join('.');
  const s: Signals = { evidence: [], strong: 0 };
  const note = (f: { key: string; value: unknown } | undefined, v: unknown, what: string, strong = false) => {
    if (!f || v === undefined) return;
    s.evidence.push(ev(at(f.key), f.value, what));
    if (strong) s.strong++;
  };
  const pageF = field(obj, 'page', 'current_page', 'page_number');
  s.page = count(pageF?.value);
  s.pageKey = s.page !== undefined ? pageF?.key : undefined;
  note(pageF, s.page, 'current page');
  const pagesF = field(obj, 'total_pages', 'page_count', 'last_page', 'num_pages', 'pages');
  note(pagesF, (s.totalPages = count(pagesF?.value)), 'total pages');
  const totalF = field(obj, ...TOTAL_KEYS);
  note(totalF, (s.total = count(totalF?.value)), 'total records');
  const sizeF = field(obj, 'per_page', 'page_size', 'limit', 'size');
  note(sizeF, (s.size = count(sizeF?.value)), 'page size');
  // Only a real boolean (or "true"/"false") is a flag: `more: "details below"` is not.
  const moreF = field(obj, ...MORE_KEYS);
  const isLastF = field(obj, 'is_last', 'last_page_reached');
  if (typeof moreF?.value === 'boolean' || moreF?.value === 'true' || moreF?.value === 'false') {
    note(moreF, (s.more = bool(moreF.value)), 'more pages flag', true);
  } else if (typeof isLastF?.value === 'boolean')
    note(isLastF, (s.more = !isLastF.value), 'last page flag', true);
  // A bare `next` counts as a cursor only when it looks like a token (not "Jane Doe", not "Alice").
  const bare = field(obj, 'next');
  const cursorF =
    field(obj, ...CURSOR_KEYS) ??
    (path.length ? field(obj, 'cursor') : undefined) ??
    (bare && typeof bare.value === 'string' && !isUrlLike(bare.value) ? bare : undefined);
  if (cursorF && isCursorLike(cursorF.value)) {
    s.cursor = String(cursorF.value);
    s.cursorKey = cursorF.key;
    note(cursorF, s.cursor, 'next cursor', true);
  }
  const linksF = field(obj, 'links');
  const urlF =
    field(obj, 'next_page_url', 'next_url', 'next_link', 'next_href', 'next', 'next_page') ??
    (linksF && isObject(linksF.value) && isUrlLike(linksF.value.next)
      ? { key: `${linksF.key}.next`, value: linksF.value.next }
      : undefined);
  s.nextUrl = urlF && isUrlLike(urlF.value) ? link(ctx, urlF.value) : undefined;
  note(urlF, s.nextUrl, 'next link', true);
  if (!s.nextUrl) {
    const nextPageF = field(obj, 'next_page');
    note(nextPageF, (s.nextPage = count(nextPageF?.value)), 'next page number');
  }
  return s;
}
