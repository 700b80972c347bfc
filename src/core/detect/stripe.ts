/**
 * Stripe list objects: `{object: "list", data, has_more, url}`; the next page is
 * `?starting_after=<id of the last record>` (or, paging backwards with `ending_before`, the first
 * record's id). Search results (`object: "search_result"`) carry `next_page` for `?page=`.
 * Docs: docs.stripe.com/api/pagination, /api/pagination/search. Fixtures: fixtures/body-apis.ts (stripe).
 */
import { isObject } from '../json.ts';
import { bool, count, text } from './body-fields.ts';
import { ev, qev } from './body-evidence.ts';
import { nextGet, requestParam } from './next-request.ts';
import type { Detector, Evidence } from './types.ts';

function idOf(record: unknown): string | undefined {
  return isObject(record) && (typeof record.id === 'string' || typeof record.id === 'number')
    ? String(record.id)
    : undefined;
}

export const stripe: Detector = {
  name: 'stripe',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('data') && b.has('object') && b.has('has_more'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !Array.isArray(json.data)) return null;
    const object = json.object;
    if (object !== 'list' && object !== 'search_result') return null;
    const hasMore = bool(json.has_more);
    if (hasMore === undefined) return null;
    const records = json.data;
    const evidence: Evidence[] = [
      ev('object', object, 'Stripe list object'),
      ev('has_more', hasMore, 'more pages'),
    ];
    if (typeof json.url === 'string') evidence.push(ev('url', json.url));
    const total = count(json.total_count);
    if (total !== undefined) evidence.push(ev('total_count', total, 'total records'));
    const base = {
      style: 'stripe',
      confidence: 0.95,
      hasMore,
      totalRecords: total,
      links: {},
      recordsPath: ['data'],
      recordCount: records.length,
    };

    if (object === 'search_result') {
      const nextPage = text(json.next_page);
      const sent = requestParam(ctx, 'page');
      if (nextPage) evidence.push(ev('next_page', nextPage, 'next page token'));
      return {
        ...base,
        kind: 'cursor',
        evidence,
        position: sent ? { cursor: sent[1] } : {},
        next: hasMore && nextPage ? nextGet(ctx, { page: nextPage }) : undefined,
        params: { cursor: 'page', size: 'limit' },
      };
    }
    const backwards = requestParam(ctx, 'ending_before');
    const forwards = requestParam(ctx, 'starting_after');
    const param = backwards && !forwards ? 'ending_before' : 'starting_after';
    // Stripe returns newest first; paging back with ending_before, the next cursor is the first id.
    const cursor = idOf(param === 'ending_before' ? records[0] : records[records.length - 1]);
    const sent = param === 'ending_before' ? backwards : forwards;
    if (sent) evidence.push(qev(sent[0], sent[1], 'cursor in request'));
    if (cursor)
      evidence.push(
        ev(`data[${param === 'ending_before' ? 0 : records.length - 1}].id`, cursor, `next ${param}`),
      );
    const other = param === 'ending_before' ? 'starting_after' : 'ending_before';
    return {
      ...base,
      kind: 'cursor',
      evidence,
      position: sent ? { cursor: sent[1] } : {},
      next: hasMore && cursor ? nextGet(ctx, { [param]: cursor, [other]: undefined }) : undefined,
      params: { cursor: param, size: 'limit' },
    };
  },
};
