/**
 * Discogs: `pagination{page, pages, per_page, items, urls{first, prev, next, last}}` beside the named
 * list (`releases`, `results`, `wants`); `?page=N&per_page=M`, pages from 1, and `urls` empty on a
 * single page. Docs: discogs.com/developers ("Pagination"). Fixtures: fixtures/body-saas-apis.ts (discogs).
 */
import { isObject } from '../json.ts';
import { count, namedCollection } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link, nextGet } from './next-request.ts';
import type { Detector, DetectorResult } from './types.ts';

const RELS = ['first', 'prev', 'next', 'last'] as const;

export const discogs: Detector = {
  name: 'discogs',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.within('pagination', 'urls'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !isObject(json.pagination) || !isObject(json.pagination.urls)) return null;
    const p = json.pagination;
    const urls = p.urls as Record<string, unknown>;
    const page = count(p.page);
    const pages = count(p.pages);
    if (page === undefined || pages === undefined) return null;
    const records = namedCollection(json, ['pagination']);
    if (!records) return null;
    const links: DetectorResult['links'] = {};
    for (const k of RELS) {
      const u = link(ctx, urls[k]);
      if (u) links[k] = u;
    }
    const size = count(p.per_page);
    const evidence = [
      ev('pagination.page', page, 'current page'),
      ev('pagination.pages', pages, 'total pages'),
      ev(records.key, `${records.records.length} records`, 'named collection'),
    ];
    // The size the response states it used, as evidence: diagnose tells it from one derived from
    // the records (a stated 50 on pages of 20 misleads clients that step by it).
    if (size !== undefined) evidence.push(ev('pagination.per_page', size, 'page size'));
    if (links.next) evidence.push(ev('pagination.urls.next', links.next, 'next page'));
    const hasMore = links.next ? true : page < pages;
    return {
      kind: 'page',
      style: 'discogs',
      confidence: 0.92,
      evidence,
      position: { page },
      pageSize: size,
      totalRecords: count(p.items),
      totalPages: pages,
      hasMore,
      links,
      next: links.next
        ? { method: 'GET', url: links.next }
        : hasMore
          ? nextGet(ctx, { page: page + 1 })
          : undefined,
      params: { page: 'page', pageBase: 1, size: 'per_page' },
      recordsPath: [records.key],
      recordCount: records.records.length,
    };
  },
};
