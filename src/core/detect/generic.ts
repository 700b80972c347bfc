/**
 * The catch-all for hand-rolled pagination: page / totals / has-more / next-cursor / next-link fields
 * at the root or under the usual wrappers (`meta`, `pagination`, `paging`, `pages`, `page_info`,
 * `response_metadata`), beside a records array. Lower confidence than any named style, and only with
 * two agreeing signals or one strong one (a cursor token, a next URL, a has-more flag, an explicit
 * `next_…: null`). Names are read in snake_case, camelCase or PascalCase; numbers may be strings
 * (see generic-signals.ts). Three weak shapes count only with the request's word for them: a bare
 * `page` equal to the request's page parameter, a total beside the request's offset parameter, and
 * a total in a wrapper beside a root list and the request's page parameter (generic-verdict.ts).
 * Docs: the common shapes of REST APIs that document their own fields — Salesforce REST "Query"
 * (`nextRecordsUrl`, `done`), HubSpot CRM "Paging" (`paging.next.after`), Intercom "Pagination"
 * (`pages.next.starting_after`), Asana "Pagination" (`next_page{offset,uri}`), Airtable "List records"
 * (`offset`), Square "Pagination" (`cursor`), Box "Marker-based pagination" (`next_marker`), Twilio
 * "Paging" (`meta.next_page_url`), PayPal "HATEOAS links", Mailchimp "Pagination" (`total_items` +
 * `offset`/`count`), Fractal `meta.pagination`, Zendesk offset `next_page`, Pipedrive "Pagination"
 * (`additional_data.pagination{more_items_in_collection, next_start}`, `additional_data.next_cursor`),
 * Directus "Query parameters" (`meta.filter_count` beside `?page=`/`?offset=`), Twitch "Pagination"
 * (`pagination.cursor` → `after` beside `first`; `pagination: {}` at the end), Eventbrite
 * `pagination.continuation`, Ghost and Strapi `meta.pagination`, Magento `search_criteria`,
 * BigCommerce `meta.pagination.links.next` (`?page=2`: the request's other parameters stay), Tines
 * and SendGrid (`count` of all items in `meta`/`_metadata`), Livestorm `meta.record_count`.
 * Fixtures: fixtures/body-apis.ts (generic), fixtures/body-saas-apis.ts, fixtures/body-negatives.ts,
 * fixtures/public-apis-*.ts.
 */
import { isObject } from '../json.ts';
import { allObjects, count, envelopes, field, namedCollection, soleKey } from './body-fields.ts';
import { carry, pageParamIn, requestParam } from './next-request.ts';
import { holders, otherLinks, readSignals, TOTAL_KEYS, type Signals } from './generic-signals.ts';
import {
  completeSignals,
  cursorParam,
  echoedPage,
  enough,
  kindOf,
  moreByTotals,
  numberParam,
  PAGE_PARAMS,
} from './generic-verdict.ts';
import { queryValue } from './params.ts';
import type { DetectContext, Detector, PageParams, RequestSpec } from './types.ts';

/** The query parameter of a page chain's number: the next link names it best (Twilio's `Page`). */
function pageParamOf(ctx: DetectContext, s: Signals): string {
  // The body's own name for the page is usually the query's (`pageNumber`), except `current_page`.
  const own = s.pageKey && !/^current/i.test(s.pageKey) ? s.pageKey : 'page';
  const linked =
    s.nextUrl && s.page !== undefined ? pageParamIn(ctx.url.href, { next: s.nextUrl }, s.page) : undefined;
  return linked ?? echoedPage(ctx, s) ?? requestParam(ctx, ...PAGE_PARAMS)?.[0] ?? own;
}

export const generic: Detector = {
  name: 'generic',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.object,
  detect(ctx) {
    if (!isObject(ctx.json)) return null;
    // The records: at the root, under `data`, or in the root's only object (Spotify's `artists`).
    const alone = soleKey(ctx.json) !== undefined;
    const place = envelopes(ctx.json)
      .filter((e) => e.path.length === 0 || e.path[0] === 'data' || alone)
      .map((e) => ({ path: e.path, found: namedCollection(e.obj) }))
      .find((e) => e.found);
    const records = place?.found;
    if (!records) return null;
    const atRoot = place.path.length === 0;
    for (const { obj, path } of holders(ctx.json)) {
      const s = readSignals(ctx, obj, path);
      completeSignals(ctx, s, obj, path, records.records.length);
      const verdict = enough(ctx, s, path.length > 0 && atRoot, records.records.length);
      if (!verdict) continue;
      // Totals may sit beside the wrapper rather than in it (HubSpot search: `total` + `paging`).
      if (path.length && s.total === undefined) s.total = count(field(ctx.json, ...TOTAL_KEYS)?.value);
      // The weak shapes describe a list of records, not any object that happens to hold an array.
      if (verdict === 'weak' && !allObjects(records.records) && records.records.length) continue;
      const kind = kindOf(ctx, s);
      // A page asked for by number, with only a total in the body (Directus): the request's page.
      const asked = kind === 'page' && s.page === undefined ? numberParam(ctx, 'page') : undefined;
      if (asked) s.page = Number(asked[1]);
      // First, prev and last beside the next link (PayPal's links array): for the chain's checks.
      const other = otherLinks(ctx, obj, path);
      const pageName = kind === 'page' && !s.cursor ? pageParamOf(ctx, s) : undefined;
      // Pages count from 0 when this one is page 0, or a first or prev link names page 0 (PayPal v1:
      // the prev of page 1 is page=0); then page n of N pages has more while n + 1 < N.
      const zero =
        s.page === 0 ||
        (!!pageName &&
          [other.links.first, other.links.prev].some((u) => u && queryValue(u, pageName) === '0'));
      const hasMore =
        s.nextUrl || s.cursor
          ? true
          : (s.more ??
            (s.page !== undefined && s.totalPages !== undefined
              ? s.page + (zero ? 1 : 0) < s.totalPages
              : s.nextPage !== undefined || s.nextOffset !== undefined
                ? true
                : moreByTotals(ctx, s, kind)));
      const params: PageParams = {};
      let next: RequestSpec | undefined = s.nextUrl ? { method: 'GET', url: s.nextUrl } : undefined;
      if (s.cursor) {
        // Twitch's `pagination: {cursor}`, alone in its wrapper, goes back as `after`.
        const helix = path[path.length - 1] === 'pagination' && Object.keys(obj).length === 1;
        params.cursor = cursorParam(ctx, s.cursorKey!, helix);
        // HubSpot's `link: "?after=…"` would drop the request's other parameters; its `after` (read
        // back from the link, where it is already URL-decoded) keeps them.
        const queryOnly = s.cursorInLink && s.nextUrl && s.linkRaw?.startsWith('?');
        if (queryOnly) next = undefined;
        const value = (queryOnly && queryValue(s.nextUrl!, params.cursor)) || s.cursor;
        next ??= carry(ctx, { [params.cursor]: value });
      } else if (kind === 'page') {
        params.page = pageName!;
        params.pageBase = zero ? 0 : 1;
        const target = s.nextPage ?? (s.page !== undefined ? s.page + 1 : undefined);
        // A bare echoed page says nothing of the end: step on while pages hold records.
        const step = hasMore ?? (verdict === 'weak' && records.records.length > 0);
        if (!next && step && target !== undefined) next = carry(ctx, { [params.page]: target });
      } else if (kind === 'offset' && s.nextOffset !== undefined) {
        // Pipedrive's `next_start`: the offset the server wants next, under the request's own name.
        params.offset =
          numberParam(ctx, 'offset')?.[0] ?? (/start/i.test(s.nextOffsetKey!) ? 'start' : 'offset');
        next ??= carry(ctx, { [params.offset]: s.nextOffset });
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
        evidence: [...s.evidence, ...other.evidence],
        position: s.page !== undefined ? { page: s.page } : sent ? { cursor: sent } : {},
        pageSize: s.size,
        totalRecords: s.total,
        totalPages: s.totalPages,
        hasMore,
        links: { ...other.links, ...(s.nextUrl && next?.url === s.nextUrl ? { next: s.nextUrl } : {}) },
        next: hasMore === false ? undefined : next,
        params,
        recordsPath: [...place.path, records.key],
        recordCount: records.records.length,
      };
    }
    return null;
  },
};
