/**
 * Yii 2 REST (yii\rest\Serializer): `X-Pagination-Total-Count`, `X-Pagination-Page-Count`,
 * `X-Pagination-Current-Page` (from 1) and `X-Pagination-Per-Page` headers beside a bare array, plus
 * a Link header (self/next/last). Parameters `page` and `per-page` (the Pagination defaults).
 * Docs: yiiframework.com/doc/guide/2.0/en/rest-quick-start ("Trying it Out"), yii\data\Pagination.
 * Fixtures: fixtures/headers-framework-links.ts (yii).
 */
import { queryValue } from './params.ts';
import type { Detector, Evidence } from './types.ts';

const NAMES = [
  ['x-pagination-current-page', 'current page'],
  ['x-pagination-page-count', 'total pages'],
  ['x-pagination-per-page', 'page size'],
  ['x-pagination-total-count', 'total records'],
] as const;

function int(v: string | undefined): number | undefined {
  return v !== undefined && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : undefined;
}

export const yii: Detector = {
  name: 'yii',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  headers: ['x-pagination-current-page'],
  detect(ctx) {
    const [page, pages, size, total] = NAMES.map(([n]) => int(ctx.header(n)));
    // The current page with one companion is the set; a lone count header is someone else's.
    if (page === undefined || (pages === undefined && size === undefined && total === undefined)) return null;
    const evidence: Evidence[] = [];
    for (const [n, note] of NAMES) {
      const v = ctx.header(n);
      if (v !== undefined) evidence.push({ where: 'header', path: n, value: v.trim(), note });
    }
    const url = ctx.exchange.request.url;
    // Yii's Pagination names are configurable; the request shows which were used.
    const sizeParam =
      queryValue(url, 'per-page') !== undefined || queryValue(url, 'per_page') === undefined
        ? 'per-page'
        : 'per_page';
    return {
      kind: 'page',
      style: 'yii',
      confidence: 0.95,
      evidence,
      position: { page },
      pageSize: size,
      totalRecords: total,
      totalPages: pages,
      hasMore: pages !== undefined ? page < pages : undefined,
      params: { page: 'page', pageBase: 1, size: sizeParam },
    };
  },
};
