/**
 * Vend (Lightspeed Retail X-Series) API 0.x: a `pagination{results, page, page_size, pages}` section
 * beside a named collection (`customers`, `products`), and `?page=N&page_size=M` to move.
 * Docs: Vend "Pagination", API 0.x (seed 001). Fixtures: fixtures/body-seeds.ts (vend).
 */
import { isObject } from '../json.ts';
import { count, field, namedCollection } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { nextGet, requestParam } from './next-request.ts';
import type { Detector } from './types.ts';

export const vend: Detector = {
  name: 'vend',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.within('pagination', 'page'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !isObject(json.pagination)) return null;
    const p = json.pagination;
    const page = count(p.page);
    const pages = count(p.pages);
    const results = count(p.results);
    // `pages` and `results` are Vend's own words; UserVoice says total_pages / total_records.
    if (page === undefined || (pages === undefined && results === undefined)) return null;
    const records = namedCollection(json, ['pagination']);
    if (!records) return null;
    const size = count(field(p, 'page_size')?.value);
    const evidence = [ev('pagination.page', p.page, 'current page')];
    if (pages !== undefined) evidence.push(ev('pagination.pages', p.pages, 'total pages'));
    if (results !== undefined) evidence.push(ev('pagination.results', p.results, 'total records'));
    if (size !== undefined) evidence.push(ev('pagination.page_size', size, 'page size'));
    evidence.push(ev(records.key, `${records.records.length} records`, 'named collection'));
    const hasMore = pages !== undefined ? page < pages : undefined;
    const sizeParam = requestParam(ctx, 'page_size')?.[0] ?? 'page_size';
    return {
      kind: 'page',
      style: 'vend',
      confidence: 0.9,
      evidence,
      position: { page },
      pageSize: size,
      totalRecords: results,
      totalPages: pages,
      hasMore,
      links: {},
      next: hasMore ? nextGet(ctx, { page: page + 1 }) : undefined,
      params: { page: 'page', pageBase: 1, size: sizeParam },
      recordsPath: [records.key],
      recordCount: records.records.length,
    };
  },
};
