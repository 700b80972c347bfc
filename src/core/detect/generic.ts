/**
 * The catch-all for hand-rolled pagination: page / totals / has-more / next-cursor / next-link fields
 * at the root or under the usual wrappers (`meta`, `pagination`, `paging`, `pages`, `page_info`,
 * `response_metadata`), beside a records array. Lower confidence than any named style, and only with
 * two agreeing signals or one strong one (a cursor token, a next URL, a has-more flag, an explicit
 * `next_…: null`). Names are read in snake_case, camelCase or PascalCase; numbers may be strings
 * (see generic-signals.ts). Two weak shapes count only with the request's word for them: a bare
 * `page` equal to the request's page parameter, and a total beside the request's offset parameter.
 * Docs: the common shapes of REST APIs that document their own fields — Salesforce REST "Query"
 * (`nextRecordsUrl`, `done`), HubSpot CRM "Paging" (`paging.next.after`), Intercom "Pagination"
 * (`pages.next.starting_after`), Asana "Pagination" (`next_page{offset,uri}`), Airtable "List records"
 * (`offset`), Square "Pagination" (`cursor`), Box "Marker-based pagination" (`next_marker`), Twilio
 * "Paging" (`meta.next_page_url`), PayPal "HATEOAS links", Mailchimp "Pagination" (`total_items` +
 * `offset`/`count`), Fractal `meta.pagination`, Zendesk offset `next_page`.
 * Fixtures: fixtures/body-apis.ts (generic), fixtures/body-more-apis.ts, fixtures/body-negatives.ts.
 */
import { isObject } from '../json.ts';
import { allObjects, count, field, namedCollection } from './body-fields.ts';
import { carry, pageParamIn, requestParam } from './next-request.ts';
import { holders, readSignals, TOTAL_KEYS, type Signals } from './generic-signals.ts';
import { queryValue, roleOfName } from './params.ts';
import type { DetectContext, Detector, PaginationKind, PageParams, RequestSpec } from './types.ts';

const CURSOR_PARAMS = ['cursor', 'after', 'page_token', 'pageToken', 'next_token', 'pagination_token'];
const PAGE_PARAMS = ['page', 'page_number', 'pageNumber', 'p', 'current_page'];

/** The request's own offset parameter with a number (`?offset=20`, `?skip=40`), if any. */
function offsetParam(ctx: DetectContext): [string, string] | undefined {
  for (const [k, v] of ctx.url.searchParams)
    if (roleOfName(k) === 'offset' && /^\d{1,15}$/.test(v)) return [k, v];
  return undefined;
}

/** A bare page number counts when the request asked for that very page (`?page=3` → `page: 3`). */
function pageEchoed(ctx: DetectContext, s: Signals): boolean {
  const sent = requestParam(ctx, ...PAGE_PARAMS, s.pageKey ?? 'page');
  return s.page !== undefined && !!sent && sent[1] === String(s.page);
}

/** Page and size alone are everywhere (a book's page, an image size): they need company. */
function enough(ctx: DetectContext, s: Signals): 'strong' | 'weak' | false {
  if (s.strong) return 'strong';
  const paged = s.page !== undefined || s.nextPage !== undefined;
  const totals = s.totalPages !== undefined || s.total !== undefined || s.nextPage !== undefined;
  if (s.evidence.length >= 2 && paged && totals) return 'strong';
  if (s.total !== undefined && offsetParam(ctx)) return 'weak';
  return pageEchoed(ctx, s) ? 'weak' : false;
}

function kindOf(ctx: DetectContext, s: Signals): PaginationKind {
  if (s.cursor) return 'cursor';
  if (s.page !== undefined || s.nextPage !== undefined) return 'page';
  if (s.nextUrl) return 'link';
  if (offsetParam(ctx)) return 'offset';
  // The end of a cursor chain: the request still carries its token (`?offset=eyJ…`, `?marker=…`).
  for (const [k, v] of ctx.url.searchParams)
    if (roleOfName(k) === 'cursor' || (k === 'offset' && !/^\d+$/.test(v))) return 'cursor';
  if (s.endKind) return s.endKind;
  return requestParam(ctx, ...PAGE_PARAMS) ? 'page' : 'cursor';
}

/** Without one in the request, `next_cursor` goes back as `cursor`, `next_page_token` as `page_token`. */
function cursorParam(ctx: DetectContext, key: string): string {
  const sent = requestParam(ctx, ...CURSOR_PARAMS, key)?.[0];
  if (sent) return sent;
  const stripped = key.replace(/^next_?/i, '').replace(/^[A-Z]/, (c) => c.toLowerCase());
  if (key === 'next') return 'cursor';
  if (/^after_?cursor$/i.test(key)) return 'after';
  return /^(token|key|)$/i.test(stripped) ? key : stripped;
}

export const generic: Detector = {
  name: 'generic',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.object,
  detect(ctx) {
    if (!isObject(ctx.json)) return null;
    const atRoot = namedCollection(ctx.json);
    const records = atRoot ?? (isObject(ctx.json.data) ? namedCollection(ctx.json.data) : undefined);
    if (!records) return null;
    for (const { obj, path } of holders(ctx.json)) {
      const s = readSignals(ctx, obj, path);
      const verdict = enough(ctx, s);
      if (!verdict) continue;
      // Totals may sit beside the wrapper rather than in it (HubSpot search: `total` + `paging`).
      if (path.length && s.total === undefined) s.total = count(field(ctx.json, ...TOTAL_KEYS)?.value);
      // The weak shapes describe a list of records, not any object that happens to hold an array.
      if (verdict === 'weak' && !allObjects(records.records) && records.records.length) continue;
      const hasMore =
        s.nextUrl || s.cursor
          ? true
          : (s.more ??
            (s.page !== undefined && s.totalPages !== undefined
              ? s.page < s.totalPages
              : s.nextPage !== undefined
                ? true
                : undefined));
      const kind = kindOf(ctx, s);
      const params: PageParams = {};
      let next: RequestSpec | undefined = s.nextUrl ? { method: 'GET', url: s.nextUrl } : undefined;
      if (s.cursor) {
        params.cursor = cursorParam(ctx, s.cursorKey!);
        // HubSpot's `link: "?after=…"` would drop the request's other parameters; its `after` (read
        // back from the link, where it is already URL-decoded) keeps them.
        const queryOnly = s.cursorInLink && s.nextUrl && s.linkRaw?.startsWith('?');
        if (queryOnly) next = undefined;
        const value = (queryOnly && queryValue(s.nextUrl!, params.cursor)) || s.cursor;
        next ??= carry(ctx, { [params.cursor]: value });
      } else if (kind === 'page') {
        // The body's own name for the page is usually the query's (`pageNumber`), except `current_page`.
        const own = s.pageKey && !/^current/i.test(s.pageKey) ? s.pageKey : 'page';
        // The next link names the parameter best (Twilio's `Page`, counted from 0).
        const linked =
          s.nextUrl && s.page !== undefined
            ? pageParamIn(ctx.url.href, { next: s.nextUrl }, s.page)
            : undefined;
        params.page = linked ?? requestParam(ctx, ...PAGE_PARAMS)?.[0] ?? own;
        params.pageBase = s.page === 0 ? 0 : 1;
        const target = s.nextPage ?? (s.page !== undefined ? s.page + 1 : undefined);
        // A bare echoed page says nothing of the end: step on while pages hold records.
        const step = hasMore ?? (verdict === 'weak' && records.records.length > 0);
        if (!next && step && target !== undefined) next = carry(ctx, { [params.page]: target });
      }
      const sent = params.cursor ? ctx.url.searchParams.get(params.cursor) : null;
      const strength =
        s.strong +
        (s.page !== undefined ? 1 : 0) +
        (s.totalPages !== undefined || s.total !== undefined ? 1 : 0);
      return {
        kind,
        style: 'generic',
        confidence:
          verdict === 'weak' ? 0.4 : Math.min(0.7, 0.45 + 0.05 * strength + (path.length ? 0.05 : 0)),
        evidence: s.evidence,
        position: s.page !== undefined ? { page: s.page } : sent ? { cursor: sent } : {},
        pageSize: s.size,
        totalRecords: s.total,
        totalPages: s.totalPages,
        hasMore,
        links: s.nextUrl && next?.url === s.nextUrl ? { next: s.nextUrl } : {},
        next: hasMore === false ? undefined : next,
        params,
        recordsPath: atRoot ? [records.key] : ['data', records.key],
        recordCount: records.records.length,
      };
    }
    return null;
  },
};
