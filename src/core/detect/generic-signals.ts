/**
 * What the generic detector reads: the pagination-looking fields of one object (the root or a
 * wrapper such as `meta`, `pagination`, `paging`), each checked for the right type, with the
 * evidence for each. Kept apart from generic.ts so the decision there fits on one screen.
 */
import { isObject } from '../json.ts';
import {
  bool,
  count,
  envelopes,
  field,
  hasKey,
  isCursorLike,
  isOpaqueToken,
  isTokenLike,
  isUrlLike,
  spellings,
  type Obj,
} from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link, withQuery } from './next-request.ts';
import type { DetectContext, Evidence } from './types.ts';

// `pages` is Intercom's wrapper (an object there; Vend's number `pages` is skipped as not one);
// `metadata` is Smile.io's (`metadata.next_cursor`); `cursor` holds `cursor.next`; `_metadata` is
// SendGrid's (`_metadata.next`), `additional_data` Pipedrive's (`additional_data.pagination`,
// `additional_data.next_cursor`), `search_criteria` Magento's echo (`current_page`, `page_size`).
const WRAPPERS = [
  'meta',
  'pagination',
  'paging',
  'page_info',
  'response_metadata',
  'pager',
  'pages',
  'metadata',
  'cursor',
  '_metadata',
  'additional_data',
  'search_criteria',
];
/** Keys that can only hold a cursor: any token without spaces counts (isTokenLike). */
const CURSOR_KEYS = [
  'next_cursor',
  'after_cursor',
  'continuation',
  'continuation_token',
  'next_page_token',
  'next_token',
  'next_marker',
];
/** Where a next link hides: Salesforce `nextRecordsUrl`, Twilio's old `next_page_uri`, Jira `nextPage`. */
const URL_KEYS = [
  'next_page_url',
  'next_page_uri',
  'next_records_url',
  'next_url',
  'next_uri',
  'next_link',
  'next_href',
  'next',
  'next_page',
];
/** Keys whose explicit null (or "") on a list says "no next page": the end of a chain. */
const END_KEYS = [...URL_KEYS.filter((k) => k !== 'next'), ...CURSOR_KEYS].flatMap(spellings);
const CURSOR_SPELLINGS = new Set(CURSOR_KEYS.flatMap(spellings));
/** In a next object (`paging.next`, `pages.next`, Asana's `next_page`): the cursor, then the link. */
const INNER_CURSOR = ['after', 'starting_after', 'cursor', 'offset', 'token', 'page_token', 'marker'];
const INNER_URL = ['link', 'uri', 'href', 'url', 'path'];
// Pipedrive says `more_items_in_collection`.
const MORE_KEYS = [
  'has_more',
  'has_next',
  'has_next_page',
  'has_more_items',
  'more_items_in_collection',
  'more',
];
/** Eventbrite's `object_count`, Livestorm's `record_count`, Directus's `filter_count` (the filtered total). */
export const TOTAL_KEYS = [
  'total',
  'filter_count',
  'total_count',
  'total_results',
  'total_records',
  'total_items',
  'total_size',
  'object_count',
  'record_count',
];
/** Where the next offset is printed (Pipedrive `next_start`, Bitbucket Data Center `nextPageStart`). */
const NEXT_OFFSET_KEYS = ['next_start', 'next_offset', 'next_page_start'];

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
  /** The offset of the next page, as printed, and the key it was printed under. */
  nextOffset?: number;
  nextOffsetKey?: string;
  /** The cursor came with a link in the same next object (HubSpot `paging.next{after, link}`). */
  cursorInLink?: boolean;
  /** What kind of chain an explicit end marker belongs to (`next_page_url: null` → link). */
  endKind?: 'link' | 'cursor';
  /** The next link as written (before resolving), to tell a query-only `?after=…` link. */
  linkRaw?: string;
};

/** The first `{href, rel}` of a HATEOAS link array whose rel is one of `rels`, with the rel matched. */
function relLink(list: unknown[], ...rels: string[]): { href: string; rel: string } | undefined {
  for (const rel of rels) {
    for (const l of list.slice(0, 50)) {
      if (isObject(l) && typeof l.href === 'string' && String(l.rel).toLowerCase() === rel)
        return { href: l.href, rel };
    }
  }
  return undefined;
}

/**
 * The rels besides next, each with its spellings: PayPal v2 writes `prev` (v1 `previous_page`), DRF
 * and Bitbucket `previous`. Not `start` (PayPal v1's is not the first page: `?page=1&start=3`).
 */
const OTHER_RELS = {
  first: ['first'],
  prev: ['prev', 'previous', 'previous_page'],
  last: ['last'],
} as const;

/**
 * The first, prev and last links of a holder: from a HATEOAS link array (`links: [{href, rel,
 * method}]`, PayPal) or a links object (`links: {prev: "…"}`, `_links: {prev: {href}}`), with the
 * evidence for each. Read apart from readSignals: they tell where a page sits, not whether there is
 * a next one, so they never make a holder look paginated (the verdict) on their own.
 */
export function otherLinks(
  ctx: DetectContext,
  obj: Obj,
  path: string[],
): { links: { first?: string; prev?: string; last?: string }; evidence: Evidence[] } {
  const out: { links: { first?: string; prev?: string; last?: string }; evidence: Evidence[] } = {
    links: {},
    evidence: [],
  };
  const linksF = field(obj, 'links', '_links');
  if (!linksF || !(Array.isArray(linksF.value) || isObject(linksF.value))) return out;
  const list = linksF.value;
  for (const [rel, names] of Object.entries(OTHER_RELS) as [keyof typeof OTHER_RELS, readonly string[]][]) {
    let raw: unknown;
    let key = '';
    if (Array.isArray(list)) {
      const l = relLink(list, ...names);
      if (l) [raw, key] = [l.href, `${linksF.key}[rel=${l.rel}]`];
    } else {
      const f = field(list, ...names);
      if (f) [raw, key] = [isObject(f.value) ? f.value.href : f.value, `${linksF.key}.${f.key}`];
    }
    if (!isUrlLike(raw)) continue;
    const url = raw.trim().startsWith('?') ? withQuery(ctx, raw) : link(ctx, raw);
    if (!url) continue;
    out.links[rel] = url;
    out.evidence.push(ev([...path, key].join('.'), raw, `${rel} link`));
  }
  return out;
}

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
  const sizeF = field(obj, 'per_page', 'page_size', 'items_per_page', 'pagelen', 'limit', 'size');
  note(sizeF, (s.size = count(sizeF?.value)), 'page size');
  // Only a real boolean (or "true"/"false") is a flag: `more: "details below"` is not.
  const moreF = field(obj, ...MORE_KEYS);
  const isLastF = field(obj, 'is_last', 'is_last_page', 'last_page_reached');
  if (typeof moreF?.value === 'boolean' || moreF?.value === 'true' || moreF?.value === 'false') {
    note(moreF, (s.more = bool(moreF.value)), 'more pages flag', true);
  } else if (typeof isLastF?.value === 'boolean')
    note(isLastF, (s.more = !isLastF.value), 'last page flag', true);
  // Salesforce: `done` is its last-page flag, but only beside its own companions (a to-do's `done` is not).
  const doneF = field(obj, 'done');
  if (
    s.more === undefined &&
    typeof doneF?.value === 'boolean' &&
    hasKey(obj, 'next_records_url', 'total_size')
  )
    note(doneF, (s.more = !doneF.value), 'done: no more pages', true);
  if (doneF && s.more === false) s.endKind = 'link';
  // A next object (HubSpot `paging.next{after, link}`, Intercom `pages.next{starting_after}`,
  // Asana `next_page{offset, path, uri}`): its cursor and its link.
  const nextObj = field(obj, 'next', 'next_page');
  const inner = nextObj && isObject(nextObj.value) ? nextObj.value : undefined;
  const innerCursor = inner ? field(inner, ...INNER_CURSOR) : undefined;
  const innerUrl = inner ? field(inner, ...INNER_URL) : undefined;
  // A bare `next` counts as a cursor only when it looks like a token (not "Jane Doe", not "Alice").
  const bare = field(obj, 'next');
  // Square and Airtable put the token at the root as `cursor` / `offset` (Airtable's is not a number).
  const rootToken = field(obj, 'cursor', 'offset');
  const cursorF =
    field(obj, ...CURSOR_KEYS) ??
    (innerCursor && {
      key: `${nextObj!.key}.${innerCursor.key}`,
      value: innerCursor.value,
      param: innerCursor.key,
    }) ??
    (field(obj, 'cursor') && (path.length || typeof field(obj, 'cursor')!.value === 'string')
      ? field(obj, 'cursor')
      : undefined) ??
    (rootToken?.key === 'offset' && typeof rootToken.value === 'string' && !/^\d+$/.test(rootToken.value)
      ? rootToken
      : undefined) ??
    (bare && typeof bare.value === 'string' && !isUrlLike(bare.value) ? bare : undefined);
  // The key name decides how sure a token must look: `next_cursor`, `paging.next.after` and
  // `cursor.next` can only be cursors; a root `offset` may be anything; a bare `next` or a root
  // `cursor` may be a step's name (`step_3`), a CSS cursor (`ns-resize`) or a caret (`12:4`).
  const bareNext = !!cursorF && cursorF === bare && !/^cursors?$/i.test(path[path.length - 1] ?? '');
  const rootCursor = !!cursorF && !path.length && /^cursor$/i.test(cursorF.key);
  const named = !!cursorF && (cursorF !== rootToken || cursorF.key !== 'offset') && !bareNext;
  const sure = (v: unknown) =>
    bareNext || rootCursor ? isOpaqueToken(v) : named ? isTokenLike(v) : isCursorLike(v);
  if (cursorF && sure(cursorF.value)) {
    s.cursor = String(cursorF.value);
    s.cursorKey = 'param' in cursorF ? (cursorF.param as string) : cursorF.key;
    note(cursorF, s.cursor, 'next cursor', true);
  }
  const linksF = field(obj, 'links', '_links');
  // PayPal v2 writes rel `next`, v1 (billing plans, payments) `next_page`.
  const relNext =
    linksF && Array.isArray(linksF.value) ? relLink(linksF.value, 'next', 'next_page') : undefined;
  const urlF =
    field(obj, ...URL_KEYS) ??
    (linksF && isObject(linksF.value) && isUrlLike(linksF.value.next)
      ? { key: `${linksF.key}.next`, value: linksF.value.next }
      : undefined);
  const urlV = inner && innerUrl ? innerUrl.value : urlF?.value;
  const urlKey = inner && innerUrl ? `${nextObj!.key}.${innerUrl.key}` : urlF?.key;
  if (isUrlLike(urlV)) {
    s.nextUrl = urlV.trim().startsWith('?') ? withQuery(ctx, urlV) : link(ctx, urlV);
    note({ key: urlKey!, value: urlV }, s.nextUrl, 'next link', true);
  } else if (relNext) {
    // PayPal and other HATEOAS APIs: `links: [{href, rel: "next", method: "GET"}]`.
    s.nextUrl = link(ctx, relNext.href);
    note({ key: `${linksF!.key}[rel=${relNext.rel}]`, value: relNext.href }, s.nextUrl, 'next link', true);
  }
  if (s.nextUrl && s.cursor && inner && urlV === innerUrl?.value) s.cursorInLink = true;
  if (s.nextUrl && typeof urlV === 'string') s.linkRaw = urlV.trim();
  // `next_page_url: null` on a list is the documented last page (Laravel, Twilio, Asana, Box).
  if (!s.nextUrl && !s.cursor && s.more === undefined) {
    const end = END_KEYS.find((k) => k in obj && (obj[k] === null || obj[k] === ''));
    if (end) note({ key: end, value: obj[end] }, (s.more = false), 'empty: the last page', true);
    if (end) s.endKind = CURSOR_SPELLINGS.has(end) ? 'cursor' : 'link';
  }
  if (!s.nextUrl) {
    const nextPageF = field(obj, 'next_page');
    note(nextPageF, (s.nextPage = count(nextPageF?.value)), 'next page number');
  }
  const nextOffsetF = field(obj, ...NEXT_OFFSET_KEYS);
  note(nextOffsetF, (s.nextOffset = count(nextOffsetF?.value)), 'next offset');
  if (s.nextOffset !== undefined) s.nextOffsetKey = nextOffsetF!.key;
  return s;
}
