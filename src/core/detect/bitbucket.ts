/**
 * Bitbucket Cloud REST 2.0 paged lists: `values` with `pagelen` (the page size) and, where the
 * endpoint gives them, `page` (from 1), `size` (the total — not a page size, as elsewhere) and
 * `next`/`previous` links; the last page has no `next`. Some endpoints (commits) page by an opaque
 * `page` token inside `next` only. Some omit `next` mid-list (an atlassian-python-api report:
 * pipelines with `size: 21`, 10 values and no `next`): then page + 1 while the total says more.
 * Docs: developer.atlassian.com/cloud/bitbucket/rest/intro/#pagination.
 * Fixtures: fixtures/public-apis-page.ts (bitbucket cloud).
 */
import { isObject } from '../json.ts';
import { count, isUrlLike } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link, nextGet } from './next-request.ts';
import type { Detector, Evidence } from './types.ts';

export const bitbucket: Detector = {
  name: 'bitbucket',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('pagelen') && b.has('values'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !Array.isArray(json.values)) return null;
    const pagelen = count(json.pagelen);
    if (pagelen === undefined) return null;
    const page = count(json.page);
    const size = count(json.size);
    const printed = isUrlLike(json.next) ? link(ctx, json.next) : undefined;
    const prev = isUrlLike(json.previous) ? link(ctx, json.previous) : undefined;
    const evidence: Evidence[] = [
      ev('pagelen', json.pagelen, 'page size'),
      ev('values', `${json.values.length} records`, 'records'),
    ];
    if (page !== undefined) evidence.push(ev('page', json.page, 'current page'));
    if (size !== undefined) evidence.push(ev('size', json.size, 'total records'));
    evidence.push(ev('next', json.next ?? null, printed ? 'next page' : 'no next: the last page'));
    const more =
      !!printed || (page !== undefined && size !== undefined && page * Math.max(pagelen, 1) < size);
    const next = printed ?? (more && page !== undefined ? nextGet(ctx, { page: page + 1 })?.url : undefined);
    return {
      kind: page !== undefined ? 'page' : 'link',
      style: 'bitbucket',
      confidence: 0.9,
      evidence,
      position: page !== undefined ? { page } : {},
      pageSize: pagelen || undefined,
      totalRecords: size,
      totalPages: size !== undefined && pagelen > 0 ? Math.ceil(size / pagelen) : undefined,
      hasMore: more,
      links: { ...(printed ? { next: printed } : {}), ...(prev ? { prev } : {}) },
      next: next ? { method: 'GET', url: next } : undefined,
      params: page !== undefined ? { page: 'page', pageBase: 1, size: 'pagelen' } : { size: 'pagelen' },
      recordsPath: ['values'],
      recordCount: json.values.length,
    };
  },
};
