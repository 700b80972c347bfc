/**
 * Elasticsearch / OpenSearch search: `{took, timed_out, hits: {total: {value, relation}, hits: [...]}}`
 * (`hits.total` a plain number before 7.0). Two ways on, as the docs give them: `search_after` — the
 * request body has `sort`, each hit carries its `sort` values, and the next request is the same POST
 * with `search_after` set to the last hit's (and `pit.id` to the response's `pit_id` when a point in
 * time is used) — or `from`/`size` (query string or body; `size` defaults to 10) up to the total.
 * A total with `relation: "gte"` is only a lower bound, so it is not reported as the record count.
 * Docs: elastic.co/guide/en/elasticsearch/reference/current/paginate-search-results.html (from/size,
 * search_after, PIT), /search-search.html (response body). Fixtures: fixtures/body-search-apis.ts.
 */
import { isObject } from '../json.ts';
import { count, type Obj } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { carry } from './next-request.ts';
import type { DetectContext, Detector, Evidence, RequestSpec } from './types.ts';

/** The request's JSON body, when it has one that is an object. */
function requestBody(ctx: DetectContext): Obj | undefined {
  const text = ctx.exchange.request.postData?.text;
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The same search with `search_after` (and the PIT id the response handed back). */
function searchAfter(ctx: DetectContext, args: Obj, after: unknown[], pitId: unknown): RequestSpec {
  const body: Obj = { ...args, search_after: after };
  if (typeof pitId === 'string' && isObject(args.pit)) body.pit = { ...args.pit, id: pitId };
  const method = ctx.exchange.request.method === 'GET' ? 'POST' : ctx.exchange.request.method;
  const mime = ctx.exchange.request.postData?.mimeType || 'application/json';
  return {
    method,
    url: ctx.url.href,
    body: JSON.stringify(body),
    headers: [{ name: 'Content-Type', value: mime }],
  };
}

export const elasticsearch: Detector = {
  name: 'elasticsearch',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('hits') && (b.has('took') || b.has('timed_out') || b.has('_shards')),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !isObject(json.hits) || !Array.isArray(json.hits.hits)) return null;
    if (!('took' in json || 'timed_out' in json || '_shards' in json)) return null;
    const hits = json.hits.hits;
    const rawTotal = json.hits.total;
    const total = isObject(rawTotal) ? count(rawTotal.value) : count(rawTotal);
    if (total === undefined) return null;
    const exact = !isObject(rawTotal) || rawTotal.relation === 'eq';
    const evidence: Evidence[] = [
      ev(
        isObject(rawTotal) ? 'hits.total.value' : 'hits.total',
        total,
        exact ? 'total hits' : 'at least this many hits',
      ),
      ev('hits.hits', `${hits.length} hits`, 'records'),
    ];
    const args = requestBody(ctx);
    const q = ctx.url.searchParams;
    const size = count(args?.size) ?? count(q.get('size')) ?? 10;
    const from = count(args?.from) ?? count(q.get('from')) ?? 0;
    const last: unknown = hits[hits.length - 1];
    const sortValues = isObject(last) && Array.isArray(last.sort) ? last.sort : undefined;
    const base = {
      style: 'elasticsearch',
      confidence: 0.9,
      evidence,
      pageSize: size,
      totalRecords: exact ? total : undefined,
      links: {},
      recordsPath: ['hits', 'hits'],
      recordCount: hits.length,
    };
    if (args && 'sort' in args && sortValues) {
      evidence.push(ev('hits.hits[-1].sort', sortValues, 'search_after: the last hit’s sort values'));
      // A short page is the last; a full one may be followed by an empty page, which ends too.
      const hasMore = hits.length > 0 && hits.length >= size;
      return {
        ...base,
        kind: 'cursor',
        position: Array.isArray(args.search_after) ? { cursor: JSON.stringify(args.search_after) } : {},
        hasMore,
        next: hasMore ? searchAfter(ctx, args, sortValues, json.pit_id) : undefined,
        params: { size: 'size', cursor: 'search_after' },
        emptyPageEnds: true,
        shortPageEnds: true,
      };
    }
    // from + size: the server refuses past index.max_result_window (10,000 by default).
    const hasMore = hits.length > 0 && from + hits.length < total && from + size < 10_000;
    evidence.push(ev('from', from, 'offset of the first hit'));
    return {
      ...base,
      kind: 'offset',
      position: { offset: from },
      hasMore,
      next: hasMore ? carry(ctx, { from: from + hits.length }) : undefined,
      params: { offset: 'from', size: 'size' },
    };
  },
};
