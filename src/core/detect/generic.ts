/**
 * The catch-all for hand-rolled pagination: page / totals / has-more / next-cursor / next-link fields
 * at the root or under the usual wrappers (`meta`, `pagination`, `paging`, `page_info`, `pageInfo`,
 * `response_metadata`), beside a records array. Lower confidence than any named style, and only with
 * two agreeing signals or one strong one (a cursor token, a next URL, a has-more flag). Names are
 * read in snake_case, camelCase or PascalCase; numbers may be strings (see generic-signals.ts).
 * Docs: none in particular — the common shapes of REST APIs that document their own fields (e.g.
 * Twitter v2 `meta.next_token`, Fractal `meta.pagination`, Zendesk offset `next_page`).
 * Fixtures: fixtures/body-apis.ts (generic) and fixtures/body-negatives.ts.
 */
import { isObject } from '../json.ts';
import { namedCollection, nextGet, requestParam } from './body-fields.ts';
import { holders, readSignals, type Signals } from './generic-signals.ts';
import type { DetectContext, Detector, PaginationKind, PageParams, RequestSpec } from './types.ts';

const CURSOR_PARAMS = ['cursor', 'after', 'page_token', 'pageToken', 'next_token', 'pagination_token'];
const PAGE_PARAMS = ['page', 'page_number', 'pageNumber', 'p', 'current_page'];

/** Page and size alone are everywhere (a book's page, an image size): they need company. */
function enough(s: Signals): boolean {
  if (s.strong) return true;
  const paged = s.page !== undefined || s.nextPage !== undefined;
  const totals = s.totalPages !== undefined || s.total !== undefined || s.nextPage !== undefined;
  return s.evidence.length >= 2 && paged && totals;
}

function kindOf(ctx: DetectContext, s: Signals): PaginationKind {
  if (s.cursor) return 'cursor';
  if (s.page !== undefined || s.nextPage !== undefined) return 'page';
  if (s.nextUrl) return 'link';
  if (requestParam(ctx, 'offset', 'skip')) return 'offset';
  return requestParam(ctx, ...PAGE_PARAMS) ? 'page' : 'cursor';
}

/** Without one in the request, `next_cursor` goes back as `cursor`, `next_page_token` as `page_token`. */
function cursorParam(ctx: DetectContext, key: string): string {
  const sent = requestParam(ctx, ...CURSOR_PARAMS, key)?.[0];
  if (sent) return sent;
  const stripped = key.replace(/^next_?/i, '').replace(/^[A-Z]/, (c) => c.toLowerCase());
  if (key === 'next') return 'cursor';
  return /^(token|key|)$/i.test(stripped) ? key : stripped;
}

export const generic: Detector = {
  name: 'generic',
  detect(ctx) {
    if (!isObject(ctx.json)) return null;
    const atRoot = namedCollection(ctx.json);
    const records = atRoot ?? (isObject(ctx.json.data) ? namedCollection(ctx.json.data) : undefined);
    if (!records) return null;
    for (const { obj, path } of holders(ctx.json)) {
      const s = readSignals(ctx, obj, path);
      if (!enough(s)) continue;
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
        next ??= nextGet(ctx, { [params.cursor]: s.cursor });
      } else if (kind === 'page') {
        // The body's own name for the page is usually the query's (`pageNumber`), except `current_page`.
        const own = s.pageKey && !/^current/i.test(s.pageKey) ? s.pageKey : 'page';
        params.page = requestParam(ctx, ...PAGE_PARAMS)?.[0] ?? own;
        params.pageBase = 1;
        const target = s.nextPage ?? (s.page !== undefined ? s.page + 1 : undefined);
        if (!next && hasMore && target !== undefined) next = nextGet(ctx, { [params.page]: target });
      }
      const sent = params.cursor ? ctx.url.searchParams.get(params.cursor) : null;
      const strength =
        s.strong +
        (s.page !== undefined ? 1 : 0) +
        (s.totalPages !== undefined || s.total !== undefined ? 1 : 0);
      return {
        kind,
        style: 'generic',
        confidence: Math.min(0.7, 0.45 + 0.05 * strength + (path.length ? 0.05 : 0)),
        evidence: s.evidence,
        position: s.page !== undefined ? { page: s.page } : sent ? { cursor: sent } : {},
        pageSize: s.size,
        totalRecords: s.total,
        totalPages: s.totalPages,
        hasMore,
        links: s.nextUrl ? { next: s.nextUrl } : {},
        next: hasMore === false ? undefined : next,
        params,
        recordsPath: atRoot ? [records.key] : ['data', records.key],
        recordCount: records.records.length,
      };
    }
    return null;
  },
};
