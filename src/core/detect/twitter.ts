/**
 * X (Twitter) API v2: `meta{result_count, next_token, previous_token, newest_id, oldest_id}` beside
 * `data` (absent on an empty page). No next_token is the last page. The token goes back as
 * `pagination_token` (timelines, followers, lists), except on search endpoints, which take
 * `next_token`. Docs: docs.x.com/x-api/fundamentals/pagination (v2 "Pagination");
 * developer.x.com search/recent query parameters. Fixtures: fixtures/body-saas-apis.ts (twitter).
 */
import { isObject } from '../json.ts';
import { count, text } from './body-fields.ts';
import { ev, qev } from './body-evidence.ts';
import { nextGet, requestParam } from './next-request.ts';
import type { Detector, Evidence } from './types.ts';

export const twitter: Detector = {
  name: 'twitter',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.within('meta', 'result_count'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !isObject(json.meta)) return null;
    const meta = json.meta;
    const resultCount = count(meta.result_count);
    if (resultCount === undefined) return null;
    const token = text(meta.next_token);
    const sent = requestParam(ctx, 'pagination_token', 'next_token');
    const hasPrev = typeof meta.previous_token === 'string';
    // result_count alone is a count; a token (either way) or a token in the request makes it paging.
    if (!token && !hasPrev && !sent) return null;
    if (json.data !== undefined && !Array.isArray(json.data)) return null;
    const records = Array.isArray(json.data) ? json.data : [];
    const param = sent?.[0] ?? (/\/search\//.test(ctx.url.pathname) ? 'next_token' : 'pagination_token');
    const evidence: Evidence[] = [ev('meta.result_count', resultCount, 'records on this page')];
    if (token) evidence.push(ev('meta.next_token', token, 'next token'));
    else evidence.push(ev('meta.next_token', null, 'absent: the last page'));
    if (sent) evidence.push(qev(sent[0], sent[1], 'token in request'));
    return {
      kind: 'cursor',
      style: 'twitter',
      confidence: 0.9,
      evidence,
      position: sent ? { cursor: sent[1] } : {},
      pageSize: count(ctx.url.searchParams.get('max_results')),
      hasMore: !!token,
      links: {},
      next: token ? nextGet(ctx, { [param]: token }) : undefined,
      params: { cursor: param, size: 'max_results' },
      recordsPath: ['data'],
      recordCount: records.length,
    };
  },
};
