/**
 * WordPress REST API: `X-WP-Total` (records) and `X-WP-TotalPages` headers on a bare array, `page` and
 * `per_page` parameters (default 10, at most 100), plus Link rel="next"/"prev".
 * Docs: developer.wordpress.org/rest-api/using-the-rest-api/pagination. Fixtures: fixtures/headers-wordpress.ts.
 */
import { queryValue } from './params.ts';
import type { Detector, Evidence } from './types.ts';

function int(v: string | undefined): number | undefined {
  return v !== undefined && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : undefined;
}

export const wordpress: Detector = {
  name: 'wordpress',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  headers: ['x-wp-total', 'x-wp-totalpages'],
  detect(ctx) {
    const totalRaw = ctx.header('x-wp-total');
    const pagesRaw = ctx.header('x-wp-totalpages');
    const totalRecords = int(totalRaw);
    const totalPages = int(pagesRaw);
    if (totalRecords === undefined && totalPages === undefined) return null;
    const evidence: Evidence[] = [];
    if (totalRaw !== undefined)
      evidence.push({ where: 'header', path: 'X-WP-Total', value: totalRaw.trim(), note: 'total records' });
    if (pagesRaw !== undefined)
      evidence.push({
        where: 'header',
        path: 'X-WP-TotalPages',
        value: pagesRaw.trim(),
        note: 'total pages',
      });
    const url = ctx.exchange.request.url;
    const page = int(queryValue(url, 'page')) ?? 1;
    const perPage = int(queryValue(url, 'per_page'));
    return {
      kind: 'page',
      style: 'wordpress',
      confidence: 0.9,
      evidence,
      position: { page },
      // WordPress's default page size is 10 when per_page is not given.
      pageSize: perPage ?? (totalPages !== undefined && totalPages > 1 ? 10 : undefined),
      totalRecords,
      totalPages,
      hasMore: totalPages !== undefined ? page < totalPages : undefined,
      params: { page: 'page', size: 'per_page' },
    };
  },
};
