/**
 * Confluence REST paging (and Jira Service Management's, which shares it): records in `results` (or
 * `values`) beside `_links{base, context, next, prev}`. REST v1 adds `start`/`limit`/`size`
 * (`?start=&limit=`) and sometimes `totalSize`; REST v2 pages by an opaque `cursor` inside
 * `_links.next`. No `next` link (or `isLastPage: true`) is the last page. v1's links are relative to
 * `_links.base`, which carries the context path (`/confluence`, `/wiki`); v2's start with `/wiki`
 * already: a path-absolute link not under the base's path is read against the base.
 * Docs: developer.atlassian.com/server/confluence/pagination-in-the-rest-api/,
 * developer.atlassian.com/cloud/confluence/rest/v2/intro/#using.
 * Fixtures: fixtures/public-apis-offset.ts, fixtures/public-apis-cursor.ts (confluence).
 */
import { isObject } from '../json.ts';
import { count, isUrlLike } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link } from './next-request.ts';
import { queryValue } from './params.ts';
import type { DetectContext, Detector, Evidence, PaginationKind } from './types.ts';

/** `ref` resolved against `_links.base` when it is a path outside the base's context path. */
function againstBase(ctx: DetectContext, base: string, ref: string): string | undefined {
  if (ref.startsWith('/') && !ref.startsWith('//')) {
    try {
      const b = new URL(base);
      const prefix = b.pathname.replace(/\/+$/, '');
      if (prefix && ref !== prefix && !ref.startsWith(`${prefix}/`) && !ref.startsWith(`${prefix}?`))
        return link(ctx, `${b.origin}${prefix}${ref}`);
    } catch {
      // not a URL: read the link as the request's
    }
  }
  return link(ctx, ref);
}

export const confluence: Detector = {
  name: 'confluence',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.within('_links', 'base'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !isObject(json._links) || typeof json._links.base !== 'string') return null;
    const key = Array.isArray(json.results) ? 'results' : Array.isArray(json.values) ? 'values' : undefined;
    if (!key) return null;
    const records = json[key] as unknown[];
    const links = json._links;
    const base = json._links.base;
    const next = isUrlLike(links.next) ? againstBase(ctx, base, links.next) : undefined;
    const prev = isUrlLike(links.prev) ? againstBase(ctx, base, links.prev) : undefined;
    const start = count(json.start);
    const limit = count(json.limit);
    const total = count(json.totalSize);
    const cursor = next ? queryValue(next, 'cursor') : undefined;
    const sent = ctx.url.searchParams.get('cursor');
    const kind: PaginationKind =
      start !== undefined ? 'offset' : cursor !== undefined || sent !== null ? 'cursor' : 'link';
    const evidence: Evidence[] = [
      ev('_links.base', base, 'Atlassian links base'),
      ev(key, `${records.length} records`, 'records'),
      ev('_links.next', links.next ?? null, next ? 'next page' : 'no next: the last page'),
    ];
    if (start !== undefined) evidence.push(ev('start', json.start, 'offset'));
    if (limit !== undefined) evidence.push(ev('limit', json.limit, 'page size'));
    if (total !== undefined) evidence.push(ev('totalSize', json.totalSize, 'total records'));
    const lastFlag = typeof json.isLastPage === 'boolean' ? json.isLastPage : undefined;
    return {
      kind,
      style: 'confluence',
      confidence: 0.9,
      evidence,
      position: kind === 'offset' ? { offset: start } : sent ? { cursor: sent } : {},
      pageSize: limit || undefined,
      totalRecords: total,
      hasMore: lastFlag === true ? false : !!next,
      links: { ...(next ? { next } : {}), ...(prev ? { prev } : {}) },
      next: next && lastFlag !== true ? { method: 'GET', url: next } : undefined,
      params:
        kind === 'offset'
          ? { offset: 'start', size: 'limit' }
          : kind === 'cursor'
            ? { cursor: 'cursor', size: 'limit' }
            : {},
      recordsPath: [key],
      recordCount: records.length,
    };
  },
};
