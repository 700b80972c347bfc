/**
 * Notion: `{object: "list", results, has_more, next_cursor}` (next_cursor null on the last page).
 * GET endpoints take `?start_cursor=&page_size=`; POST queries and searches take `start_cursor`
 * and `page_size` in the JSON body, so the cursor goes where the request's arguments went.
 * Docs: developers.notion.com/reference/intro ("Pagination"). Fixtures: fixtures/body-saas-apis.ts (notion).
 */
import { isObject } from '../json.ts';
import { bool, count, text } from './body-fields.ts';
import { ev, qev } from './body-evidence.ts';
import { carry } from './next-request.ts';
import type { DetectContext, Detector, Evidence } from './types.ts';

/** The cursor this page was asked for: the query string of a GET, the JSON body of a POST. */
function sentCursor(ctx: DetectContext): string | undefined {
  const q = ctx.url.searchParams.get('start_cursor');
  if (q) return q;
  try {
    const b: unknown = JSON.parse(ctx.exchange.request.postData?.text ?? 'null');
    return isObject(b) ? text(b.start_cursor) : undefined;
  } catch {
    return undefined;
  }
}

export const notion: Detector = {
  name: 'notion',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('object') && b.has('results') && b.has('has_more') && b.has('next_cursor'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || json.object !== 'list' || !Array.isArray(json.results)) return null;
    const hasMore = bool(json.has_more);
    if (hasMore === undefined || !('next_cursor' in json)) return null;
    const cursor = text(json.next_cursor);
    const sent = sentCursor(ctx);
    const evidence: Evidence[] = [
      ev('object', 'list', 'Notion list object'),
      ev('has_more', hasMore, hasMore ? 'more pages' : 'the last page'),
      ev('next_cursor', json.next_cursor, cursor ? 'next cursor' : 'null: the last page'),
      ev('results', `${json.results.length} records`, 'results'),
    ];
    if (sent) evidence.push(qev('start_cursor', sent, 'cursor in request'));
    const more = hasMore && !!cursor;
    return {
      kind: 'cursor',
      style: 'notion',
      confidence: 0.95,
      evidence,
      position: sent ? { cursor: sent } : {},
      pageSize: count(ctx.url.searchParams.get('page_size')),
      hasMore: more,
      links: {},
      next: more ? carry(ctx, { start_cursor: cursor }) : undefined,
      params: { cursor: 'start_cursor', size: 'page_size' },
      recordsPath: ['results'],
      recordCount: json.results.length,
    };
  },
};
