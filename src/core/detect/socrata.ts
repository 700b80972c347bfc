/**
 * Socrata SODA (`/resource/<id>.json`): the body is a bare array of rows, with no metadata at all;
 * paging is `$limit` (default 1000) and `$offset` (default 0) in the query. A bare array says
 * nothing by itself, so this answers only when the request carries `$limit` or `$offset`. A full
 * page may have more after it (an empty page then ends the chain); a short one is the last.
 * Docs: dev.socrata.com/docs/paging.html, /docs/queries/limit, /docs/queries/offset.
 * Fixtures: fixtures/body-search-apis.ts.
 */
import { allObjects } from './body-fields.ts';
import { qev } from './body-evidence.ts';
import { nextGet } from './next-request.ts';
import type { Detector, Evidence } from './types.ts';

const DEFAULT_LIMIT = 1000;

export const socrata: Detector = {
  name: 'socrata',
  /** Pre-check: only a bare array can answer (precheck.ts). */
  requires: (b) => !b.object,
  detect(ctx) {
    const rows = ctx.json;
    if (!Array.isArray(rows)) return null;
    const q = ctx.url.searchParams;
    const limitRaw = q.get('$limit');
    const offsetRaw = q.get('$offset');
    if (limitRaw === null && offsetRaw === null) return null;
    if (
      (limitRaw !== null && !/^\d{1,9}$/.test(limitRaw)) ||
      (offsetRaw !== null && !/^\d{1,15}$/.test(offsetRaw))
    )
      return null;
    // Rows are objects (column → value); an array of scalars is not a SODA resource.
    if (rows.length && !allObjects(rows)) return null;
    const limit = limitRaw !== null ? Number(limitRaw) : DEFAULT_LIMIT;
    const offset = offsetRaw !== null ? Number(offsetRaw) : 0;
    if (limit === 0) return null;
    const hasMore = rows.length >= limit;
    const evidence: Evidence[] = [];
    if (limitRaw !== null) evidence.push(qev('$limit', limitRaw, 'page size'));
    if (offsetRaw !== null) evidence.push(qev('$offset', offsetRaw, 'offset'));
    return {
      kind: 'offset',
      style: 'socrata',
      confidence: 0.6,
      evidence,
      position: { offset },
      pageSize: limit,
      hasMore,
      links: {},
      next: hasMore ? nextGet(ctx, { $limit: limit, $offset: offset + limit }) : undefined,
      params: { offset: '$offset', size: '$limit' },
      recordsPath: [],
      recordCount: rows.length,
      emptyPageEnds: true,
      shortPageEnds: true,
    };
  },
};
