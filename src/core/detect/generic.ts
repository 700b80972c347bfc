/**
 * The catch-all for hand-rolled pagination: page / totals / has-more / next-cursor / next-link fields
 * at the root or under the usual wrappers (`meta`, `pagination`, `paging`, `page_info`, `pageInfo`,
 * `response_metadata`), beside a records array. Lower confidence than any named style, and only with
 * two agreeing signals or one strong one (a cursor token, a next URL, a has-more flag). Names are
 * read in snake_case, camelCase or PascalCase; numbers may be strings.
 * Docs: none in particular — the common shapes of REST APIs that document their own fields (e.g.
 * Twitter v2 `meta.next_token`, Shopify-like `has_more`, Atlassian `isLast`/`nextPage`).
 * Fixtures: fixtures/body-apis.ts (generic) and fixtures/body-negatives.ts.
 */
import { isObject } from '../json.ts';
import { bool, count, envelopes, ev, field, isCursorLike, isUrlLike, link, namedCollection, nextGet, requestParam, type Obj } from './body-fields.ts';
import type { Detector, Evidence, PaginationKind, PageParams, RequestSpec } from './types.ts';

const WRAPPERS = ['meta', 'pagination', 'paging', 'page_info', 'response_metadata', 'pager'];
const CURSOR_KEYS = ['next_cursor', 'continuation', 'continuation_token', 'next_page_token', 'next_token', 'next_key', 'end_cursor'];
const CURSOR_PARAMS = ['cursor', 'after', 'page_token', 'pageToken', 'next_token', 'pagination_token', 'continuation', 'continuationToken', 'token', 'starting_after'];
const PAGE_PARAMS = ['page', 'page_number', 'pageNumber', 'p', 'current_page'];

function holders(json: Obj): { obj: Obj; path: string[] }[] {
  const out: { obj: Obj; path: string[] }[] = [];
  for (const { obj, path } of envelopes(json)) {
    for (const w of WRAPPERS) {
      const f = field(obj, w);
      if (!f || !isObject(f.value)) continue;
      // Fractal (league/fractal) nests one more level: meta.pagination{current_page, total_pages, links}.
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

export const generic: Detector = {
  name: 'generic',
  detect(ctx) {
    if (!isObject(ctx.json)) return null;
    const records = namedCollection(ctx.json) ?? (isObject(ctx.json.data) ? namedCollection(ctx.json.data) : undefined);
    if (!records) return null;
    const recordsPath = namedCollection(ctx.json) ? [records.key] : ['data', records.key];
    for (const { obj, path } of holders(ctx.json)) {
      const at = (k: string) => [...path, k].join('.');
      const evidence: Evidence[] = [];
      let strong = 0;
      const pageF = field(obj, 'page', 'current_page', 'page_number');
      const page = count(pageF?.value);
      const pagesF = field(obj, 'total_pages', 'page_count', 'last_page', 'num_pages', 'pages');
      const totalPages = count(pagesF?.value);
      const totalF = field(obj, 'total', 'total_count', 'total_results', 'total_records', 'total_items', 'total_size');
      const total = count(totalF?.value);
      const sizeF = field(obj, 'per_page', 'page_size', 'limit', 'size');
      const size = count(sizeF?.value);
      const moreF = field(obj, 'has_more', 'has_next', 'has_next_page', 'has_more_items', 'more');
      const isLastF = field(obj, 'is_last', 'last_page_reached');
      const more = typeof moreF?.value === 'boolean' || moreF?.value === 'true' || moreF?.value === 'false' ? bool(moreF.value) : typeof isLastF?.value === 'boolean' ? !isLastF.value : undefined;
      // A bare `next` counts as a cursor only when it looks like a token (not "Jane Doe", not "Alice").
      const bareNext = field(obj, 'next');
      const cursorF =
        field(obj, ...CURSOR_KEYS) ??
        (path.length ? field(obj, 'cursor') : undefined) ??
        (bareNext && typeof bareNext.value === 'string' && !isUrlLike(bareNext.value) ? bareNext : undefined);
      const cursor = cursorF && isCursorLike(cursorF.value) ? String(cursorF.value) : undefined;
      const linksF = field(obj, 'links');
      const urlF = field(obj, 'next_page_url', 'next_url', 'next_link', 'next_href', 'next', 'next_page') ?? (linksF && isObject(linksF.value) && isUrlLike(linksF.value.next) ? { key: `${linksF.key}.next`, value: linksF.value.next } : undefined);
      const nextUrl = urlF && isUrlLike(urlF.value) ? link(ctx, urlF.value) : undefined;
      const nextPageF = field(obj, 'next_page');
      const nextPage = count(nextPageF?.value);

      if (page !== undefined) evidence.push(ev(at(pageF!.key), pageF!.value, 'current page'));
      if (totalPages !== undefined) evidence.push(ev(at(pagesF!.key), pagesF!.value, 'total pages'));
      if (total !== undefined) evidence.push(ev(at(totalF!.key), totalF!.value, 'total records'));
      if (size !== undefined) evidence.push(ev(at(sizeF!.key), sizeF!.value, 'page size'));
      if (more !== undefined) (strong++, evidence.push(ev(at((moreF ?? isLastF)!.key), (moreF ?? isLastF)!.value, 'more pages flag')));
      if (cursor) (strong++, evidence.push(ev(at(cursorF!.key), cursor, 'next cursor')));
      if (nextUrl) (strong++, evidence.push(ev(at(urlF!.key), nextUrl, 'next link')));
      if (nextPage !== undefined && !nextUrl) evidence.push(ev(at(nextPageF!.key), nextPage, 'next page number'));
      // Page and size alone are everywhere (a book's page, an image size): they need company.
      if (evidence.length < 2 && !strong) continue;
      if (!strong && page === undefined && nextPage === undefined) continue;
      if (!strong && totalPages === undefined && total === undefined && nextPage === undefined) continue;

      const hasMore = nextUrl || cursor ? true : more ?? (page !== undefined && totalPages !== undefined ? page < totalPages : nextPage !== undefined ? true : undefined);
      const kind: PaginationKind = cursor ? 'cursor' : page !== undefined || nextPage !== undefined ? 'page' : nextUrl ? 'link' : requestParam(ctx, 'offset', 'skip') ? 'offset' : requestParam(ctx, ...PAGE_PARAMS) ? 'page' : 'cursor';
      const params: PageParams = {};
      let next: RequestSpec | undefined = nextUrl ? { method: 'GET', url: nextUrl } : undefined;
      let cursorNow: string | undefined;
      if (cursor) {
        const sent = requestParam(ctx, ...CURSOR_PARAMS);
        cursorNow = sent?.[1];
        // Without one in the request, `next_cursor` goes back as `cursor`, `next_page_token` as `page_token`.
        const stripped = cursorF!.key.replace(/^next_?/i, '').replace(/^[A-Z]/, (c) => c.toLowerCase());
        params.cursor = sent?.[0] ?? (/^(token|key|)$/i.test(stripped) ? (cursorF!.key === 'next' ? 'cursor' : cursorF!.key) : stripped);
        if (/^(end_?cursor|endCursor)$/i.test(cursorF!.key)) params.cursor = sent?.[0] ?? 'after';
        next ??= nextGet(ctx, { [params.cursor]: cursor });
      } else if (kind === 'page') {
        // The body's own name for the page is usually the query's (`pageNumber`), except `current_page`.
        const own = pageF && !/^current/i.test(pageF.key) ? pageF.key : 'page';
        params.page = requestParam(ctx, ...PAGE_PARAMS)?.[0] ?? own;
        params.pageBase = 1;
        const target = nextPage ?? (page !== undefined ? page + 1 : undefined);
        if (!next && hasMore && target !== undefined) next = nextGet(ctx, { [params.page]: target });
      }
      const strength = strong + (page !== undefined ? 1 : 0) + (totalPages !== undefined || total !== undefined ? 1 : 0);
      return {
        kind,
        style: 'generic',
        confidence: Math.min(0.7, 0.45 + 0.05 * strength + (path.length ? 0.05 : 0)),
        evidence,
        position: page !== undefined ? { page } : cursorNow ? { cursor: cursorNow } : {},
        pageSize: size,
        totalRecords: total,
        totalPages,
        hasMore,
        links: nextUrl ? { next: nextUrl } : {},
        next: hasMore === false ? undefined : next,
        params,
        recordsPath,
        recordCount: records.records.length,
      };
    }
    return null;
  },
};
