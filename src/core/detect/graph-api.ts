/**
 * Facebook / Instagram Graph API: `data` plus `paging{cursors{before, after}, next, previous}`. The
 * next link is absent on the last page (cursors may remain); time-based paging (`since`/`until`) and
 * offset paging give only `next`/`previous` links.
 * Docs: developers.facebook.com/docs/graph-api/results. Fixtures: fixtures/body-apis.ts (graph-api).
 */
import { isObject } from '../json.ts';
import { count, isUrlLike, text } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link, cursorParamIn } from './next-request.ts';
import type { Detector, DetectorResult, Evidence, PaginationKind } from './types.ts';

export const graphApi: Detector = {
  name: 'graph-api',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('data') && b.has('paging'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !Array.isArray(json.data) || !isObject(json.paging)) return null;
    const paging = json.paging;
    const cursors = isObject(paging.cursors) ? paging.cursors : undefined;
    const after = text(cursors?.after);
    const nextOk = paging.next == null || isUrlLike(paging.next);
    const prevOk = paging.previous == null || isUrlLike(paging.previous);
    if (!nextOk || !prevOk || (!cursors && paging.next == null && paging.previous == null)) return null;
    const next = link(ctx, paging.next);
    const prev = link(ctx, paging.previous);
    const links: DetectorResult['links'] = {};
    if (next) links.next = next;
    if (prev) links.prev = prev;
    const param = cursorParamIn(ctx.exchange.request.url, next, after) ?? (cursors ? 'after' : undefined);
    const kind: PaginationKind = cursors ? 'cursor' : 'link';
    const evidence: Evidence[] = [];
    if (after) evidence.push(ev('paging.cursors.after', after, 'after cursor'));
    if (next) evidence.push(ev('paging.next', next, 'next page'));
    else evidence.push(ev('paging.next', null, 'absent: the last page'));
    evidence.push(ev('data', `${json.data.length} records`, 'data'));
    const summaryTotal = isObject(json.summary) ? count(json.summary.total_count) : undefined;
    const sent = param ? (ctx.url.searchParams.get(param) ?? undefined) : undefined;
    return {
      kind,
      style: 'graph-api',
      confidence: cursors ? 0.85 : 0.75,
      evidence,
      position: sent ? { cursor: sent } : {},
      totalRecords: summaryTotal,
      hasMore: Boolean(next),
      links,
      // Graph API says: use the absence of `next`, not the cursors, to know the end.
      next: next ? { method: 'GET', url: next } : undefined,
      params: param ? { cursor: param, size: 'limit' } : { size: 'limit' },
      recordsPath: ['data'],
      recordCount: json.data.length,
    };
  },
};
