/**
 * The "standard paging object": `pageNumber`, `pageSize`, `hasPreviousPage`, `hasNextPage`, often
 * `totalCount`/`totalPages`, beside the records; `?pageNumber=N&pageSize=M` moves (seed 003). Also
 * .NET's PagedList shape (`PageNumber`, `PageCount`, `TotalItemCount`, `HasNextPage`) in any case.
 * Eventbrite's `pagination{page_number, page_size, page_count, object_count}` answers `?page=N`.
 * Docs: seed 003 "Pagination and versioning"; X.PagedList README; eventbrite.com/developer/v3/api_overview/pagination/.
 * Fixtures: fixtures/body-seeds.ts (page-number), fixtures/public-apis-page.ts (eventbrite).
 */
import { isObject } from '../json.ts';
import { bool, count, field, namedCollection, type Obj } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { nextGet, requestParam } from './next-request.ts';
import { roleOfName } from './params.ts';
import type { Detector } from './types.ts';

const CURSOR_KEYS = ['continuation', 'next_cursor', 'next_page_token', 'end_cursor'];

const WRAPPERS = ['pagination', 'paging', 'meta', 'page', 'pageInfo', 'data', 'result'];

/** pageNumber beside one of its documented companions (the flags, the size or the page count). */
function signed(o: Obj): boolean {
  return Boolean(
    field(o, 'page_number') &&
    field(o, 'has_next_page', 'has_previous_page', 'page_size', 'total_pages', 'page_count'),
  );
}

function holder(json: Obj): { obj: Obj; path: string[] } | undefined {
  if (signed(json)) return { obj: json, path: [] };
  for (const w of WRAPPERS) {
    const f = field(json, w);
    if (f && isObject(f.value) && signed(f.value)) return { obj: f.value, path: [f.key] };
  }
  return undefined;
}

export const pageNumber: Detector = {
  name: 'page-number',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.object,
  detect(ctx) {
    if (!isObject(ctx.json)) return null;
    const h = holder(ctx.json);
    if (!h) return null;
    const p = h.obj;
    const pf = field(p, 'page_number')!;
    const nf = field(p, 'has_next_page');
    const page = count(pf.value);
    if (page === undefined || (nf && bool(nf.value) === undefined)) return null;
    // A cursor beside the page number is how the API wants to be paged (Eventbrite's `continuation`).
    if (field(p, ...CURSOR_KEYS)) return null;
    const records = namedCollection(p) ?? (h.path.length ? namedCollection(ctx.json, h.path) : undefined);
    // Without the hasNextPage flag, only a records array beside it makes this a page of a list.
    if (!nf && !records) return null;
    const recordsPath = records ? (namedCollection(p) ? [...h.path, records.key] : [records.key]) : undefined;
    const at = (k: string) => [...h.path, k].join('.');
    const sizeF = field(p, 'page_size');
    const totalF = field(
      p,
      'total_count',
      'total_item_count',
      'total_items',
      'total_records',
      'total',
      'object_count',
      'record_count',
    );
    const pagesF = field(p, 'total_pages', 'page_count');
    const prevF = field(p, 'has_previous_page');
    const evidence = [ev(at(pf.key), pf.value, 'current page')];
    if (nf) evidence.push(ev(at(nf.key), nf.value, 'more pages'));
    if (prevF) evidence.push(ev(at(prevF.key), prevF.value));
    if (sizeF) evidence.push(ev(at(sizeF.key), sizeF.value, 'page size'));
    if (totalF) evidence.push(ev(at(totalF.key), totalF.value, 'total records'));
    if (pagesF) evidence.push(ev(at(pagesF.key), pagesF.value, 'total pages'));
    // Both flags, or a size, make the signature; a records array next to it makes it surer.
    const confidence = (nf && (prevF || sizeF) ? 0.8 : 0.65) + (records ? 0.1 : 0);
    const totalPages = count(pagesF?.value);
    const hasNext = nf ? bool(nf.value) : totalPages !== undefined ? page < totalPages : undefined;
    // The request's own name when it has one; else whichever parameter asked for this very page —
    // Eventbrite (`object_count`, `has_more_items`) answers `?page=2` with `page_number: 2`.
    const eventbrite = !!field(p, 'object_count', 'has_more_items');
    const pageParam =
      requestParam(ctx, pf.key, 'pageNumber', 'page_number', 'PageNumber')?.[0] ??
      [...ctx.url.searchParams].find(([k, v]) => v === String(page) && roleOfName(k) === 'page')?.[0] ??
      (eventbrite ? 'page' : pf.key);
    const sizeParam =
      requestParam(ctx, sizeF?.key ?? 'pageSize', 'pageSize', 'page_size', 'PageSize')?.[0] ?? sizeF?.key;
    return {
      kind: 'page',
      style: 'page-number',
      confidence,
      evidence,
      position: { page },
      pageSize: count(sizeF?.value),
      totalRecords: count(totalF?.value),
      totalPages,
      hasMore: hasNext,
      links: {},
      next: hasNext ? nextGet(ctx, { [pageParam]: page + 1 }) : undefined,
      params: { page: pageParam, pageBase: 1, size: sizeParam },
      recordsPath,
      recordCount: records?.records.length,
    };
  },
};
