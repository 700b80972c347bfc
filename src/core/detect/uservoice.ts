/**
 * UserVoice Admin API v2: a `pagination{page, per_page|page_size, total_pages, total_records, cursor?}`
 * section beside a named collection (`suggestions`). Cursor mode (a `cursor` in the section, or one
 * in the request): pass `?cursor=`; `page` stays 1 and the last page has no cursor. Page mode:
 * `?page=N`, ending at total_pages.
 * Docs: UserVoice "Pagination" (seed 004). Fixtures: fixtures/body-seeds.ts (uservoice).
 */
import { isObject } from '../json.ts';
import { count, field, namedCollection, text } from './body-fields.ts';
import { ev, qev } from './body-evidence.ts';
import { nextGet, requestParam } from './next-request.ts';
import type { Detector } from './types.ts';

export const uservoice: Detector = {
  name: 'uservoice',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.within('pagination', 'page'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !isObject(json.pagination)) return null;
    const p = json.pagination;
    const page = count(p.page);
    const totalPages = count(field(p, 'total_pages')?.value);
    const totalRecords = count(field(p, 'total_records')?.value);
    if (page === undefined || (totalPages === undefined && totalRecords === undefined)) return null;
    const records = namedCollection(json, ['pagination']);
    if (!records) return null;
    const sizeF = field(p, 'per_page', 'page_size');
    const cursor = text(p.cursor);
    const sent = requestParam(ctx, 'cursor');
    const evidence = [ev('pagination.page', p.page, 'current page')];
    if (totalPages !== undefined) evidence.push(ev('pagination.total_pages', totalPages, 'total pages'));
    if (totalRecords !== undefined)
      evidence.push(ev('pagination.total_records', totalRecords, 'total records'));
    if (sizeF) evidence.push(ev(`pagination.${sizeF.key}`, sizeF.value, 'page size'));
    evidence.push(ev(records.key, `${records.records.length} records`, 'named collection'));
    const base = {
      style: 'uservoice',
      confidence: 0.9,
      pageSize: count(sizeF?.value),
      totalRecords,
      totalPages,
      links: {},
      recordsPath: [records.key],
      recordCount: records.records.length,
    };
    if (cursor || sent) {
      if (cursor) evidence.push(ev('pagination.cursor', cursor, 'next cursor'));
      if (sent)
        evidence.push(qev('cursor', sent[1], 'cursor in request; no cursor back means the last page'));
      return {
        ...base,
        kind: 'cursor',
        evidence,
        position: sent ? { cursor: sent[1] } : {},
        hasMore: Boolean(cursor),
        // Cursor mode starts from the top each time: drop any page number the request carried.
        next: cursor ? nextGet(ctx, { cursor, page: undefined }) : undefined,
        params: { cursor: 'cursor', size: 'per_page' },
      };
    }
    const hasMore = totalPages !== undefined ? page < totalPages : undefined;
    return {
      ...base,
      kind: 'page',
      evidence,
      position: { page },
      hasMore,
      next: hasMore ? nextGet(ctx, { page: page + 1 }) : undefined,
      params: { page: 'page', pageBase: 1, size: 'per_page' },
    };
  },
};
