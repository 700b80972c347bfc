/**
 * Slack Web API cursors: `response_metadata.next_cursor` beside the collection (`channels`,
 * `members`, `messages`); pass it back as `cursor`. An empty string (or no field) is the end.
 * Methods may be called by GET or by a form/JSON POST, so the cursor goes where the request's
 * arguments went. The docs warn a page may hold fewer results than `limit` — even none — while
 * next_cursor is set, so only the cursor ends a chain (emptyPageEnds false).
 * Docs: docs.slack.dev/apis/web-api/pagination. Fixtures: fixtures/body-apis.ts (slack).
 */
import { isObject } from '../json.ts';
import { namedCollection } from './body-fields.ts';
import { ev, qev } from './body-evidence.ts';
import { nextGet, requestParam } from './next-request.ts';
import type { DetectContext, Detector, Evidence, RequestSpec } from './types.ts';

function withCursor(ctx: DetectContext, cursor: string): RequestSpec | undefined {
  const { method, postData } = ctx.exchange.request;
  if (method === 'GET' || !postData?.text) return nextGet(ctx, { cursor });
  const mime = (postData.mimeType ?? '').toLowerCase();
  if (mime.includes('json')) {
    try {
      const args = JSON.parse(postData.text);
      if (isObject(args))
        return {
          method,
          url: ctx.exchange.request.url,
          body: JSON.stringify({ ...args, cursor }),
          headers: [{ name: 'Content-Type', value: postData.mimeType ?? 'application/json' }],
        };
    } catch {
      return undefined;
    }
  }
  if (mime.includes('x-www-form-urlencoded')) {
    const form = new URLSearchParams(postData.text);
    form.set('cursor', cursor);
    return {
      method,
      url: ctx.exchange.request.url,
      body: form.toString(),
      headers: [{ name: 'Content-Type', value: postData.mimeType ?? 'application/x-www-form-urlencoded' }],
    };
  }
  return undefined;
}

export const slack: Detector = {
  name: 'slack',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.within('response_metadata', 'next_cursor'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !isObject(json.response_metadata)) return null;
    const meta = json.response_metadata;
    if (!('next_cursor' in meta)) return null;
    const cursor = typeof meta.next_cursor === 'string' ? meta.next_cursor : '';
    const records = namedCollection(json, ['response_metadata']);
    const sent = requestParam(ctx, 'cursor');
    const evidence: Evidence[] = [
      ev('response_metadata.next_cursor', cursor, cursor ? 'next cursor' : 'empty: the last page'),
    ];
    if (records) evidence.push(ev(records.key, `${records.records.length} records`, 'collection'));
    if (sent) evidence.push(qev('cursor', sent[1], 'cursor in request'));
    return {
      kind: 'cursor',
      style: 'slack',
      confidence: 0.95,
      evidence,
      position: sent ? { cursor: sent[1] } : {},
      hasMore: cursor !== '',
      links: {},
      next: cursor ? withCursor(ctx, cursor) : undefined,
      params: { cursor: 'cursor', size: 'limit' },
      recordsPath: records ? [records.key] : undefined,
      recordCount: records?.records.length,
      emptyPageEnds: false,
    };
  },
};
