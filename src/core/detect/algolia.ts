/**
 * Algolia search: `{hits, page, nbPages, hitsPerPage, nbHits}` with `page` counted from 0. The
 * page goes back as `page` in the query string of a GET, or in the POST body — either as a JSON key
 * or inside its URL-encoded `params` string (`{"params": "query=x&hitsPerPage=20"}`).
 * Docs: algolia.com/doc/api-reference/api-methods/search (response fields), /api-parameters/page.
 * Fixtures: fixtures/body-saas-apis.ts (algolia).
 */
import { isObject } from '../json.ts';
import { count, type Obj } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { carry } from './next-request.ts';
import type { DetectContext, Detector, RequestSpec } from './types.ts';

/** POST `{"params": "…&page=1"}` keeps the page inside the params string; else carry() places it. */
function pageRequest(ctx: DetectContext, page: number): RequestSpec | undefined {
  const { method, url, postData } = ctx.exchange.request;
  if (method !== 'GET' && postData?.text) {
    try {
      const body: unknown = JSON.parse(postData.text);
      if (isObject(body) && typeof body.params === 'string' && !('page' in body)) {
        const p = new URLSearchParams(body.params);
        p.set('page', String(page));
        const headers = [{ name: 'Content-Type', value: postData.mimeType || 'application/json' }];
        return { method, url, body: JSON.stringify({ ...body, params: p.toString() }), headers };
      }
    } catch {
      return undefined;
    }
  }
  return carry(ctx, { page });
}

export const algolia: Detector = {
  name: 'algolia',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('hits') && b.has('page') && b.has('nbPages'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !Array.isArray(json.hits)) return null;
    const o: Obj = json;
    const page = count(o.page);
    const nbPages = count(o.nbPages);
    if (page === undefined || nbPages === undefined) return null;
    const size = count(o.hitsPerPage);
    const total = count(o.nbHits);
    const evidence = [
      ev('page', page, 'current page, counted from 0'),
      ev('nbPages', nbPages, 'total pages'),
      ev('hits', `${json.hits.length} hits`, 'records'),
    ];
    if (size !== undefined) evidence.push(ev('hitsPerPage', size, 'page size'));
    if (total !== undefined) evidence.push(ev('nbHits', total, 'total records'));
    const hasMore = page + 1 < nbPages;
    return {
      kind: 'page',
      style: 'algolia',
      confidence: 0.95,
      evidence,
      position: { page },
      pageSize: size,
      totalRecords: total,
      totalPages: nbPages,
      hasMore,
      links: {},
      next: hasMore ? pageRequest(ctx, page + 1) : undefined,
      params: { page: 'page', pageBase: 0, size: 'hitsPerPage' },
      recordsPath: ['hits'],
      recordCount: json.hits.length,
    };
  },
};
