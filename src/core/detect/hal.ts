/**
 * HAL collections (Spring Data REST, Spring HATEOAS PagedModel): `_links.next.href` (maybe a URI
 * template such as `{?page,size,sort}`), records in `_embedded.<rel>`, and Spring's
 * `page{number, size, totalElements, totalPages}` whose `number` counts from 0 (`?page=0&size=20`).
 * Docs: docs.spring.io/spring-data/rest/reference/paging-and-sorting.html; HAL draft
 * (datatracker.ietf.org/doc/html/draft-kelly-json-hal). Fixtures: fixtures/body-apis.ts (hal).
 */
import { isObject } from '../json.ts';
import { count, field, namedCollection } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link, pageParamIn, paramHolding } from './next-request.ts';
import type { Detector, DetectorResult, Evidence } from './types.ts';

const RELS = ['first', 'prev', 'next', 'last'] as const;

export const hal: Detector = {
  name: 'hal',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('_links'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !isObject(json._links)) return null;
    const raw = json._links;
    const links: DetectorResult['links'] = {};
    for (const k of RELS) {
      // HAL also allows an array of link objects per rel; the first one is the link.
      const v = Array.isArray(raw[k]) ? (raw[k] as unknown[])[0] : raw[k];
      const u = isObject(v) ? link(ctx, v.href) : undefined;
      if (u) links[k] = u;
    }
    if (!links.prev && isObject(raw.previous)) links.prev = link(ctx, raw.previous.href);
    const page = isObject(json.page) ? json.page : undefined;
    const number = count(page?.number);
    const embedded = isObject(json._embedded) ? namedCollection(json._embedded) : undefined;
    if (!Object.keys(links).length && number === undefined) return null;
    if (!embedded && number === undefined) return null;

    const evidence: Evidence[] = [];
    for (const k of RELS) if (links[k]) evidence.push(ev(`_links.${k}.href`, links[k], `${k} page`));
    if (embedded)
      evidence.push(
        ev(`_embedded.${embedded.key}`, `${embedded.records.length} records`, 'embedded collection'),
      );
    const size = count(page?.size);
    // Non-Spring HAL APIs put their totals at the root (`total`, `count` of all items).
    const rootTotal = field(json, 'total', 'total_items', 'total_count', 'total_results');
    const totalElements = count(page?.totalElements) ?? count(rootTotal?.value);
    if (!page && rootTotal && totalElements !== undefined)
      evidence.push(ev(rootTotal.key, rootTotal.value, 'total records'));
    const totalPages = count(page?.totalPages);
    if (page) {
      evidence.push(ev('page.number', page.number, 'current page, counted from 0'));
      // Spring's `page.size` is the size the server used: evidence, so diagnose tells it from a derived one.
      if (size !== undefined) evidence.push(ev('page.size', size, 'page size'));
      if (totalPages !== undefined) evidence.push(ev('page.totalPages', totalPages, 'total pages'));
      if (totalElements !== undefined)
        evidence.push(ev('page.totalElements', totalElements, 'total records'));
    }
    const hasMore = links.next
      ? true
      : number !== undefined && totalPages !== undefined
        ? number + 1 < totalPages
        : Object.keys(links).length
          ? false
          : undefined;
    const pageParam =
      number !== undefined ? (pageParamIn(ctx.exchange.request.url, links, number) ?? 'page') : undefined;
    const sizeParam =
      size !== undefined ? (paramHolding(links.next ?? links.first, size) ?? 'size') : undefined;
    return {
      kind: number !== undefined ? 'page' : 'link',
      style: 'hal',
      confidence: page && embedded ? 0.9 : 0.8,
      evidence,
      position: number !== undefined ? { page: number } : {},
      pageSize: size,
      totalRecords: totalElements,
      totalPages,
      hasMore,
      links,
      next: links.next ? { method: 'GET', url: links.next } : undefined,
      params: number !== undefined ? { page: pageParam, pageBase: 0, size: sizeParam } : {},
      recordsPath: embedded ? ['_embedded', embedded.key] : undefined,
      recordCount: embedded?.records.length ?? 0,
    };
  },
};
