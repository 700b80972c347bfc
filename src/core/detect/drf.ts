/**
 * Django REST framework's built-in paginators: `{count, next, previous, results}` for
 * PageNumberPagination (`?page=`) and LimitOffsetPagination (`?limit=&offset=`), `{next, previous,
 * results}` for CursorPagination (`?cursor=`). `next`/`previous` are absolute URLs or null.
 * The docs' "custom pagination styles" example moves the links into `links{next, previous}`.
 * Docs: django-rest-framework.org/api-guide/pagination. Fixtures: fixtures/body-apis.ts (drf).
 */
import { isObject } from '../json.ts';
import { count, isUrlLike } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link } from './next-request.ts';
import type { Detector, DetectorResult, Evidence, PaginationKind } from './types.ts';

function queryNames(...urls: (string | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const u of urls) {
    if (!u) continue;
    try {
      for (const k of new URL(u).searchParams.keys()) out.add(k);
    } catch {
      // no names from a bad URL
    }
  }
  return out;
}

export const drf: Detector = {
  name: 'drf',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('results'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !Array.isArray(json.results)) return null;
    // The docs' custom style nests them: {links: {next, previous}, count, results}.
    const nested = !('next' in json) && isObject(json.links);
    const src = nested ? (json.links as Record<string, unknown>) : json;
    if (!('next' in src) || !('previous' in src)) return null;
    // A name in `next` ("Jane") is not a link: each must be a URL or null.
    for (const k of ['next', 'previous'] as const) if (src[k] !== null && !isUrlLike(src[k])) return null;
    const next = link(ctx, src.next);
    const prev = link(ctx, src.previous);
    const total = count(json.count);
    const names = queryNames(next, prev, ctx.exchange.request.url);
    const kind: PaginationKind = names.has('cursor')
      ? 'cursor'
      : names.has('offset')
        ? 'offset'
        : names.has('page')
          ? 'page'
          : 'link';
    const links: DetectorResult['links'] = {};
    if (next) links.next = next;
    if (prev) links.prev = prev;
    const at = nested ? 'links.' : '';
    const evidence: Evidence[] = [
      ev(`${at}next`, src.next, src.next ? 'next page' : 'null: the last page'),
      ev(`${at}previous`, src.previous),
    ];
    if (total !== undefined) evidence.push(ev('count', total, 'total records'));
    evidence.push(ev('results', `${json.results.length} records`, 'results'));
    const cursor = kind === 'cursor' ? (ctx.url.searchParams.get('cursor') ?? undefined) : undefined;
    return {
      kind,
      style: 'drf',
      confidence: total !== undefined ? 0.9 : 0.85,
      evidence,
      position: cursor ? { cursor } : {},
      totalRecords: total,
      hasMore: Boolean(next),
      links,
      next: next ? { method: 'GET', url: next } : undefined,
      params:
        kind === 'cursor'
          ? { cursor: 'cursor' }
          : kind === 'offset'
            ? { offset: 'offset', size: 'limit' }
            : kind === 'page'
              ? { page: 'page', pageBase: 1, size: names.has('page_size') ? 'page_size' : undefined }
              : {},
      recordsPath: ['results'],
      recordCount: json.results.length,
    };
  },
};
