/**
 * JSON:API: top-level `links{first, prev, next, last, self}` (strings or link objects with `href`)
 * beside a `data` array of resource objects (`type` + `id`); the page family in the links tells the
 * kind: `page[number]`/`page[size]`, `page[offset]`/`page[limit]`, `page[cursor]`/`page[after]`.
 * Totals sit in `meta` (`total`, `page.total`, `totalPages`, `page.last-page`, ...).
 * Docs: jsonapi.org/format/#fetching-pagination, jsonapi.org/profiles/ethanresnick/cursor-pagination.
 * Fixtures: fixtures/body-apis.ts (json-api).
 */
import { isObject } from '../json.ts';
import { bool, count, field, sample, type Obj } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link } from './next-request.ts';
import type { Detector, DetectorResult, Evidence, PaginationKind } from './types.ts';

const RELS = ['first', 'prev', 'next', 'last'] as const;

function pageParams(urls: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of urls) {
    try {
      for (const [k, v] of new URL(u).searchParams)
        if (/^page\[[\w-]+\]$/.test(k) && !out.has(k)) out.set(k, v);
    } catch {
      // a bad link says nothing
    }
  }
  return out;
}

/**
 * The page size the server stated: `meta.page.size` / `meta.per_page`, or the size in its own links
 * when that differs from the one asked for (`page[size]=500` asked, links say 200). Else undefined:
 * finalize() takes the asked size unless the totals show a short page is not the last.
 */
function statedSize(
  url: URL,
  links: DetectorResult['links'],
  param: string | undefined,
  meta: Obj,
  mPage: Obj,
): number | undefined {
  const stated =
    count(field(mPage, 'size', 'per_page', 'per-page', 'limit')?.value) ??
    count(field(meta, 'per_page', 'per-page', 'page_size', 'page-size')?.value);
  if (stated || !param) return stated || undefined;
  const asked = count(url.searchParams.get(param));
  for (const u of [links?.next, links?.last, links?.first]) {
    const n = u ? count(new URL(u).searchParams.get(param)) : undefined;
    if (n !== undefined) return n !== asked ? n : undefined;
  }
  return undefined;
}

export const jsonApi: Detector = {
  name: 'json-api',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('data') && b.has('links'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !Array.isArray(json.data) || !isObject(json.links)) return null;
    const raw = json.links;
    if (!RELS.some((k) => k in raw)) return null;
    const links: DetectorResult['links'] = {};
    for (const k of RELS) {
      const u = link(ctx, raw[k]);
      if (u) links[k] = u;
    }
    const family = pageParams([ctx.exchange.request.url, ...Object.values(links)]);
    const resources =
      json.data.length > 0 &&
      sample(json.data).every((r) => isObject(r) && typeof r.type === 'string' && 'id' in r);
    if (!resources && !family.size && !('jsonapi' in json)) return null;

    const evidence: Evidence[] = [];
    for (const k of RELS) if (links[k]) evidence.push(ev(`links.${k}`, links[k], `${k} page`));
    if (resources) evidence.push(ev('data', `${json.data.length} resource objects`, 'type + id'));
    if ('jsonapi' in json) evidence.push(ev('jsonapi', json.jsonapi, 'JSON:API document'));
    const has = (k: string) => family.has(`page[${k}]`);
    const kind: PaginationKind =
      has('cursor') || has('after') || has('before')
        ? 'cursor'
        : has('offset')
          ? 'offset'
          : has('number')
            ? 'page'
            : 'link';
    const size = has('size') ? 'page[size]' : has('limit') ? 'page[limit]' : undefined;
    const cursorParam = has('cursor') ? 'page[cursor]' : has('after') ? 'page[after]' : undefined;

    const meta: Obj = isObject(json.meta) ? json.meta : {};
    const mPage: Obj = isObject(meta.page) ? meta.page : {};
    // Totals live in meta or meta.page, under names the spec leaves to each API.
    const inMeta = (...names: string[]) => {
      const p = field(mPage, ...names);
      if (p) return { ...p, key: `meta.page.${p.key}` };
      const m = field(meta, ...names);
      return m && { ...m, key: `meta.${m.key}` };
    };
    const totalF = inMeta(
      'total',
      'total_records',
      'total-records',
      'total_count',
      'total-count',
      'record_count',
      'record-count',
    );
    const pagesF = inMeta('last_page', 'last-page', 'total_pages', 'total-pages', 'page_count', 'page-count');
    const pageF = inMeta('current_page', 'current-page');
    const moreF = inMeta('has_more', 'has-more');
    if (totalF) evidence.push(ev(totalF.key, totalF.value, 'total records'));
    if (pagesF) evidence.push(ev(pagesF.key, pagesF.value, 'total pages'));
    if (moreF) evidence.push(ev(moreF.key, moreF.value, 'more pages'));
    // The spec: an unavailable link is omitted or null, so no next link is the last page.
    const hasMore = links.next ? true : (bool(moreF?.value) ?? false);
    const pageNow = count(pageF?.value) ?? count(ctx.url.searchParams.get('page[number]'));
    const cursorNow = cursorParam ? (ctx.url.searchParams.get(cursorParam) ?? undefined) : undefined;
    return {
      kind,
      style: 'json-api',
      // Resource objects and `page[…]` parameters together are JSON:API's own signature, beating a
      // Laravel-shaped `meta.current_page` some JSON:API servers also print (Productive).
      confidence: resources ? (family.size ? 0.92 : 0.9) : 0.8,
      evidence,
      position:
        kind === 'page' ? { page: pageNow } : kind === 'cursor' && cursorNow ? { cursor: cursorNow } : {},
      pageSize: statedSize(ctx.url, links, size, meta, mPage),
      totalRecords: count(totalF?.value),
      totalPages: count(pagesF?.value),
      hasMore,
      links,
      next: links.next ? { method: 'GET', url: links.next } : undefined,
      params: {
        page: has('number') ? 'page[number]' : undefined,
        offset: has('offset') ? 'page[offset]' : undefined,
        size,
        cursor: cursorParam,
      },
      recordsPath: ['data'],
      recordCount: json.data.length,
    };
  },
};
