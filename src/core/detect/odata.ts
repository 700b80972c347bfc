/**
 * OData server-driven paging: `@odata.nextLink` (v4; `odata.nextLink` in v3 JSON light, `__next` in
 * v2 verbose `d`) beside `value` (`d.results` in v2), with `@odata.count`/`odata.count`/`__count`
 * when `$count=true` was asked. The next link is opaque (often `$skiptoken`): follow it as given.
 * A page without a next link is the last one when the request was itself paging ($skip, $skiptoken).
 * Client-driven paging (`$skip`/`$top` chosen by the caller, `$count` says when to stop) is read only
 * from a request without `$skiptoken`: one with it was built by the server (Microsoft Graph
 * `?$top=5&$skiptoken=…`), and `$skip` pages past its last page would be invented.
 * Docs: learn.microsoft.com/odata/webapi-8/fundamentals/server-driven-paging and
 * …/client-driven-paging; learn.microsoft.com/graph/paging; OData JSON Format v4.01
 * §"Annotation odata.nextLink"; OData v2 JSON verbose. Fixtures: fixtures/body-apis.ts (odata).
 */
import { isObject } from '../json.ts';
import { count } from './body-fields.ts';
import { ev, qev } from './body-evidence.ts';
import { link, nextGet, requestParam } from './next-request.ts';
import type { Detector, Evidence } from './types.ts';

export const odata: Detector = {
  name: 'odata',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('value') || b.has('d'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json)) return null;
    let holder = json;
    let recordsPath = ['value'];
    let nextKey = ['@odata.nextLink', 'odata.nextLink'].find((k) => k in json);
    let countKey = ['@odata.count', 'odata.count'].find((k) => k in json);
    if (isObject(json.d) && (Array.isArray(json.d.results) || '__next' in json.d)) {
      holder = json.d;
      recordsPath = ['d', 'results'];
      nextKey = '__next' in holder ? '__next' : undefined;
      countKey = '__count' in holder ? '__count' : undefined;
    }
    const records = recordsPath.length === 2 ? holder.results : holder.value;
    if (!Array.isArray(records)) return null;
    const annotated = '@odata.context' in json || 'odata.metadata' in json || recordsPath.length === 2;
    const skip = requestParam(ctx, '$skip');
    const top = requestParam(ctx, '$top');
    // `$skiptoken` (any case: Graph writes `$skipToken` on some APIs) is the server's own paging state.
    const tokenKey = [...ctx.url.searchParams.keys()].find((k) => /^\$skiptoken$/i.test(k));
    if (!nextKey && !(annotated && (skip || top || tokenKey))) return null;

    const prefix = recordsPath.length === 2 ? 'd.' : '';
    const next = nextKey ? link(ctx, holder[nextKey]) : undefined;
    const total = countKey ? count(holder[countKey]) : undefined;
    const evidence: Evidence[] = [];
    if (nextKey) evidence.push(ev(prefix + nextKey, holder[nextKey], 'next link'));
    if (total !== undefined) evidence.push(ev(prefix + countKey, total, 'total records'));
    evidence.push(
      ev(
        prefix + (recordsPath.length === 2 ? 'results' : 'value'),
        `${records.length} records`,
        'collection',
      ),
    );
    const base = {
      style: 'odata',
      totalRecords: total,
      params: {},
      recordsPath,
      recordCount: records.length,
    };
    // Server-driven: the next link is the whole story. A request carrying `$skiptoken` came from an
    // earlier page's next link, so its `$top` is only the page size asked for (Graph `/users` takes
    // `$top` but not `$skip`), not client-driven `$skip` arithmetic: without a next link it is the
    // last page, and no `$skip` page past it is invented.
    if (next || tokenKey || !(skip || top)) {
      if (!next)
        evidence.push(
          qev(
            tokenKey ?? '$skiptoken',
            ctx.url.searchParams.get(tokenKey ?? '$skiptoken') ?? '',
            'paging request, no nextLink: the last page',
          ),
        );
      return {
        ...base,
        kind: 'link',
        confidence: next ? 0.95 : 0.75,
        evidence,
        position: {},
        hasMore: Boolean(next),
        links: next ? { next } : {},
        next: next ? { method: 'GET', url: next } : undefined,
      };
    }
    // Client-driven: $skip/$top chosen by the caller; $count says when to stop.
    const offset = count(skip?.[1]) ?? 0;
    const size = count(top?.[1]);
    if (skip) evidence.push(qev('$skip', skip[1], 'offset'));
    if (top) evidence.push(qev('$top', top[1], 'page size'));
    const hasMore =
      total !== undefined && size
        ? offset + size < total
        : size !== undefined
          ? records.length >= size && records.length > 0
          : undefined;
    return {
      ...base,
      kind: 'offset',
      confidence: 0.75,
      evidence,
      position: { offset },
      pageSize: size,
      hasMore,
      links: {},
      next: hasMore && size ? nextGet(ctx, { $skip: offset + size }) : undefined,
      params: { offset: '$skip', size: '$top' },
      // Client-driven paging without $count: a page shorter than $top is the last.
      ...(total === undefined && size !== undefined ? { shortPageEnds: true } : {}),
    };
  },
};
