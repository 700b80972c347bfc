/**
 * Jira Cloud's token-paged lists (the enhanced JQL search, `/rest/api/3/search/jql`):
 * `nextPageToken` beside `isLast`. The token goes back under its own name — `?nextPageToken=`, or
 * in the JSON body of the POST form — not as Google's `pageToken`; `isLast: true` ends the chain.
 * Jira's offset lists (`startAt`/`maxResults`/`total`, PageBean `nextPage`) are offset-limit's.
 * Docs: developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/ (enhanced search).
 * Fixtures: fixtures/public-apis-cursor.ts (jira).
 */
import { isObject } from '../json.ts';
import { namedCollection, text } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { carry } from './next-request.ts';
import type { Detector } from './types.ts';

export const jira: Detector = {
  name: 'jira',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('isLast'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || typeof json.isLast !== 'boolean') return null;
    const sent = ctx.url.searchParams.get('nextPageToken');
    if (!('nextPageToken' in json) && sent === null) return null;
    const records = namedCollection(json);
    if (!records) return null;
    const token = text(json.nextPageToken);
    const more = !json.isLast && !!token;
    return {
      kind: 'cursor',
      style: 'jira',
      confidence: 0.92,
      evidence: [
        ev('isLast', json.isLast, json.isLast ? 'the last page' : 'more pages'),
        ev('nextPageToken', json.nextPageToken ?? null, token ? 'next page token' : 'no token'),
        ev(records.key, `${records.records.length} records`, 'records'),
      ],
      position: sent ? { cursor: sent } : {},
      hasMore: more,
      links: {},
      next: more ? carry(ctx, { nextPageToken: token }) : undefined,
      params: { cursor: 'nextPageToken', size: 'maxResults' },
      recordsPath: [records.key],
      recordCount: records.records.length,
    };
  },
};
