/**
 * Strapi v4/v5 REST lists: `data` beside `meta.pagination`, either `{page, pageSize, pageCount, total}`
 * (asked for as `pagination[page]`/`pagination[pageSize]`) or `{start, limit, total}` (asked for as
 * `pagination[start]`/`pagination[limit]`). Strapi reads nested parameters (qs), so a first request
 * without any still pages on with `pagination[page]=2`, not `page=2`.
 * Docs: docs.strapi.io/dev-docs/api/rest/sort-pagination (Pagination by page, by offset).
 * Fixtures: fixtures/public-apis-page.ts, fixtures/public-apis-offset.ts (strapi).
 */
import { isObject } from '../json.ts';
import { count } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { nextGet } from './next-request.ts';
import { roleOfName } from './params.ts';
import type { DetectContext, Detector, Evidence } from './types.ts';

/** The request's own parameter for `role`, else Strapi's nested name. */
function param(ctx: DetectContext, role: 'page' | 'offset' | 'size', strapi: string): string {
  for (const k of ctx.url.searchParams.keys()) if (roleOfName(k) === role) return k;
  return strapi;
}

export const strapi: Detector = {
  name: 'strapi',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('data') && b.within('meta', 'pagination'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !Array.isArray(json.data) || !isObject(json.meta)) return null;
    const p = json.meta.pagination;
    if (!isObject(p)) return null;
    const total = count(p.total);
    const page = count(p.page);
    const pageSize = count(p.pageSize);
    const pageCount = count(p.pageCount);
    const start = count(p.start);
    const limit = count(p.limit);
    const byPage = page !== undefined && pageSize !== undefined && pageCount !== undefined;
    const byOffset = !byPage && start !== undefined && limit !== undefined && total !== undefined;
    if (!byPage && !byOffset) return null;
    const records = json.data.length;
    const evidence: Evidence[] = [ev('data', `${records} records`, 'records')];
    for (const k of byPage ? ['page', 'pageSize', 'pageCount', 'total'] : ['start', 'limit', 'total'])
      if (p[k] !== undefined) evidence.push(ev(`meta.pagination.${k}`, p[k]));
    const common = { style: 'strapi', confidence: 0.85, evidence, links: {}, recordsPath: ['data'] };
    if (byPage) {
      const more = page! < pageCount!;
      const pageParam = param(ctx, 'page', 'pagination[page]');
      return {
        ...common,
        kind: 'page',
        position: { page },
        pageSize: pageSize || undefined,
        totalRecords: total,
        totalPages: pageCount,
        hasMore: more,
        next: more ? nextGet(ctx, { [pageParam]: page! + 1 }) : undefined,
        params: { page: pageParam, pageBase: 1, size: param(ctx, 'size', 'pagination[pageSize]') },
        recordCount: records,
      };
    }
    const step = limit! > 0 ? limit! : records;
    const more = start! + step < total!;
    const offsetParam = param(ctx, 'offset', 'pagination[start]');
    return {
      ...common,
      kind: 'offset',
      position: { offset: start },
      pageSize: limit || undefined,
      totalRecords: total,
      totalPages: limit! > 0 ? Math.ceil(total! / limit!) : undefined,
      hasMore: more,
      next: more && step > 0 ? nextGet(ctx, { [offsetParam]: start! + step }) : undefined,
      params: { offset: offsetParam, size: param(ctx, 'size', 'pagination[limit]') },
      recordCount: records,
    };
  },
};
