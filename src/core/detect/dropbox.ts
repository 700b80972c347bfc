/**
 * Dropbox API v2 list-and-continue: `{entries, cursor, has_more}` from a POST such as
 * `/2/files/list_folder` (JSON arguments in the body); the next page is a POST to the same route
 * plus `/continue` with `{"cursor": …}` as its only argument. The cursor stays valid after the last
 * page (for change polling), so only has_more ends the chain.
 * Docs: dropbox.com/developers/documentation/http/documentation#files-list_folder and
 * #files-list_folder-continue. Fixtures: fixtures/body-saas-apis.ts (dropbox).
 */
import { isObject } from '../json.ts';
import { bool, text } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { nextGet } from './next-request.ts';
import type { DetectContext, Detector, RequestSpec } from './types.ts';

function continueRequest(ctx: DetectContext, cursor: string): RequestSpec | undefined {
  const { method, url } = ctx.exchange.request;
  if (method === 'GET') return nextGet(ctx, { cursor });
  let target = url;
  try {
    const u = new URL(url);
    if (!/\/continue\/?$/.test(u.pathname)) u.pathname = u.pathname.replace(/\/?$/, '/continue');
    target = u.href;
  } catch {
    return undefined;
  }
  return {
    method,
    url: target,
    body: JSON.stringify({ cursor }),
    headers: [{ name: 'Content-Type', value: 'application/json' }],
  };
}

function sentCursor(body: string | undefined): { cursor?: string } {
  try {
    const b: unknown = JSON.parse(body ?? 'null');
    const c = isObject(b) ? text(b.cursor) : undefined;
    return c ? { cursor: c } : {};
  } catch {
    return {};
  }
}

export const dropbox: Detector = {
  name: 'dropbox',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('has_more') && b.has('cursor'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json)) return null;
    const hasMore = bool(json.has_more);
    const cursor = text(json.cursor);
    // Dropbox names the list `entries` (files, sharing) or `matches` (search_v2).
    const key = ['entries', 'matches', 'links', 'members'].find((k) => Array.isArray(json[k]));
    if (hasMore === undefined || typeof json.has_more !== 'boolean' || !cursor || !key) return null;
    const records = json[key] as unknown[];
    const continued = /\/continue\/?(\?|$)/.test(ctx.exchange.request.url);
    const body = ctx.exchange.request.postData?.text;
    return {
      kind: 'cursor',
      style: 'dropbox',
      // A POST of JSON arguments (Dropbox's RPC style) or a /continue route makes it surely Dropbox.
      confidence: continued || (ctx.exchange.request.method === 'POST' && body) ? 0.9 : 0.7,
      evidence: [
        ev('has_more', hasMore, hasMore ? 'more pages' : 'the last page'),
        ev('cursor', cursor, 'cursor for …/continue'),
        ev(key, `${records.length} records`, 'entries'),
      ],
      position: continued ? sentCursor(body) : {},
      hasMore,
      links: {},
      next: hasMore ? continueRequest(ctx, cursor) : undefined,
      params: { cursor: 'cursor' },
      recordsPath: [key],
      recordCount: records.length,
    };
  },
};
