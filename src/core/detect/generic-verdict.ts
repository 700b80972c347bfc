/**
 * How much the generic detector's signals (generic-signals.ts) say, read together with the request:
 * whether they are enough to call a list paginated, which kind of chain it is, which query parameter
 * carries the page, offset or cursor, and whether more pages follow. Kept apart from generic.ts so
 * the decision there fits on one screen.
 */
import { count, field, isOpaqueToken, type Obj } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { pageParamIn, requestParam } from './next-request.ts';
import type { Signals } from './generic-signals.ts';
import { queryEntries, roleOfName } from './params.ts';
import type { DetectContext, PaginationKind } from './types.ts';

const CURSOR_PARAMS = ['cursor', 'after', 'page_token', 'pageToken', 'next_token', 'pagination_token'];
export const PAGE_PARAMS = ['page', 'page_number', 'pageNumber', 'p', 'current_page'];
const NUMBER = /^\d{1,15}$/;

/** The request's first parameter playing `role` with a number (`?offset=20`, `?pagination[page]=2`). */
export function numberParam(
  ctx: DetectContext,
  role: 'offset' | 'page' | 'size',
): [string, string] | undefined {
  if (role === 'page') {
    const named = requestParam(ctx, ...PAGE_PARAMS);
    if (named && NUMBER.test(named[1])) return named;
  }
  for (const [k, v] of ctx.url.searchParams) if (roleOfName(k) === role && NUMBER.test(v)) return [k, v];
  return undefined;
}

/** The request's page parameter whose value is `page` (`?page=3` → `page: 3`), if any. */
export function echoedPage(ctx: DetectContext, s: Signals): string | undefined {
  if (s.page === undefined) return undefined;
  const own = s.pageKey ? requestParam(ctx, s.pageKey) : undefined;
  if (own && own[1] === String(s.page)) return own[0];
  for (const [k, v] of ctx.url.searchParams) {
    if (v === String(s.page) && (PAGE_PARAMS.includes(k) || roleOfName(k) === 'page')) return k;
  }
  return undefined;
}

/**
 * Fills what one holder's fields say only together with the records and the request: `count` in a
 * wrapper is a total when it cannot be this page's length (Tines `meta.count`, SendGrid
 * `_metadata.count`); an empty wrapper after a request that sent a cursor is the last page (Twitch's
 * `pagination: {}`).
 */
export function completeSignals(ctx: DetectContext, s: Signals, obj: Obj, path: string[], length: number) {
  if (!path.length) return;
  const countF = s.total === undefined ? field(obj, 'count') : undefined;
  const n = count(countF?.value);
  if (countF && n !== undefined && n > length) {
    s.total = n;
    s.evidence.push(ev([...path, countF.key].join('.'), countF.value, 'total records (more than this page)'));
  }
  // A date sent as `after=2024-01-01` is a filter, not a position in a chain.
  const sentCursor = [...ctx.url.searchParams].some(
    ([k, v]) => roleOfName(k) === 'cursor' && isOpaqueToken(v) && !/^\d{4}-\d\d-\d\d/.test(v),
  );
  if (!s.evidence.length && sentCursor && Object.keys(obj).length === 0) {
    s.evidence.push(ev(path.join('.'), obj, 'empty after a cursor: the last page'));
    s.more = false;
    s.strong++;
    s.endKind = 'cursor';
  }
}

/**
 * A full first page asked for by size alone (`?count=10`, `?limit=25`, no offset or page) under a
 * larger total: Mailchimp and Directus leave the offset out until the second page.
 */
function fullFirstPage(ctx: DetectContext, s: Signals, length: number): boolean {
  const size = numberParam(ctx, 'size');
  return (
    !!size &&
    Number(size[1]) === length &&
    s.total !== undefined &&
    s.total > length &&
    !numberParam(ctx, 'offset')
  );
}

/**
 * Page and size alone are everywhere (a book's page, an image size): they need company. A total
 * counts beside the request's offset, beside a full page asked for by size, or — in a wrapper
 * beside a root list — beside the request's page (Directus `meta.filter_count` with `?page=2`).
 */
export function enough(
  ctx: DetectContext,
  s: Signals,
  wrapped: boolean,
  length: number,
): 'strong' | 'weak' | false {
  if (s.strong) return 'strong';
  const paged = s.page !== undefined || s.nextPage !== undefined;
  const totals = s.totalPages !== undefined || s.total !== undefined || s.nextPage !== undefined;
  if (s.evidence.length >= 2 && paged && totals) return 'strong';
  if (s.total !== undefined && numberParam(ctx, 'offset')) return 'weak';
  if (s.total !== undefined && wrapped && s.page === undefined && numberParam(ctx, 'page')) return 'weak';
  if (s.page === undefined && fullFirstPage(ctx, s, length)) return 'weak';
  return echoedPage(ctx, s) ? 'weak' : false;
}

export function kindOf(ctx: DetectContext, s: Signals): PaginationKind {
  if (s.cursor) return 'cursor';
  if (s.page !== undefined || s.nextPage !== undefined) return 'page';
  if (s.nextUrl) {
    // A next link that carries a new cursor (Spotify's `after=`) is a cursor chain; one that steps
    // the request's page number (PayPal, Tines) is a page chain.
    const cur = ctx.url.searchParams;
    for (const [k, v] of queryEntries(s.nextUrl))
      if (roleOfName(k) === 'cursor' && v && cur.get(k) !== v) return 'cursor';
    const sent = numberParam(ctx, 'page');
    const stepped = pageParamIn(ctx.url.href, { next: s.nextUrl }, sent ? Number(sent[1]) : 1);
    return stepped && (stepped === sent?.[0] || roleOfName(stepped) === 'page') ? 'page' : 'link';
  }
  if (s.nextOffset !== undefined || numberParam(ctx, 'offset')) return 'offset';
  // The end of a cursor chain: the request still carries its token (`?offset=eyJ…`, `?marker=…`).
  for (const [k, v] of ctx.url.searchParams)
    if (roleOfName(k) === 'cursor' || (k === 'offset' && !/^\d+$/.test(v))) return 'cursor';
  if (s.endKind) return s.endKind;
  if (numberParam(ctx, 'page')) return 'page';
  // Only a size was sent: its name tells the scheme (`per_page`, `page[size]` page; `limit`, `count` offset).
  const size = numberParam(ctx, 'size')?.[0];
  if (size) return /page|per/i.test(size) ? 'page' : 'offset';
  return 'cursor';
}

/**
 * Without one in the request, `next_cursor` goes back as `cursor`, `next_page_token` as `page_token`
 * — and any cursor as `after` when the page size went as `first` (Relay's pair, Twitch's too) or
 * when it stands alone in a `pagination` wrapper (`helix`: Twitch's `pagination: {cursor}`).
 */
export function cursorParam(ctx: DetectContext, key: string, helix = false): string {
  const sent = requestParam(ctx, ...CURSOR_PARAMS, key)?.[0];
  if (sent) return sent;
  if ((helix || ctx.url.searchParams.has('first')) && !/token/i.test(key)) return 'after';
  const stripped = key.replace(/^next_?/i, '').replace(/^[A-Z]/, (c) => c.toLowerCase());
  if (key === 'next') return 'cursor';
  if (/^after_?cursor$/i.test(key)) return 'after';
  return /^(token|key|)$/i.test(stripped) ? key : stripped;
}

/**
 * More pages by the totals, when no flag or link said so: the page (or offset) and the page size —
 * the body's, else the request's — against the total.
 */
export function moreByTotals(ctx: DetectContext, s: Signals, kind: PaginationKind): boolean | undefined {
  const size = s.size ?? Number(numberParam(ctx, 'size')?.[1] ?? NaN);
  if (s.total === undefined || !(size > 0)) return undefined;
  if (kind === 'page' && s.page !== undefined) return (s.page - (s.page === 0 ? 0 : 1) + 1) * size < s.total;
  if (kind === 'offset') return Number(numberParam(ctx, 'offset')?.[1] ?? 0) + size < s.total;
  return undefined;
}
