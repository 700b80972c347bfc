/**
 * Zendesk cursor pagination: `meta{has_more, after_cursor, before_cursor}` plus `links{next, prev}`
 * beside the named collection (`tickets`, `users`); `?page[size]=N&page[after]=<after_cursor>`.
 * `has_more: false` is the end even when a next link is still printed.
 * Docs: developer.zendesk.com/api-reference/introduction/pagination (cursor pagination).
 * Fixtures: fixtures/body-apis.ts (zendesk).
 */
import { isObject } from '../json.ts';
import { bool, namedCollection, text } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { link, nextGet, cursorParamIn } from './next-request.ts';
import type { Detector, DetectorResult, Evidence } from './types.ts';

export const zendesk: Detector = {
  name: 'zendesk',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.within('meta', 'has_more'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !isObject(json.meta)) return null;
    const meta = json.meta;
    const hasMore = bool(meta.has_more);
    if (hasMore === undefined || !('after_cursor' in meta || 'before_cursor' in meta)) return null;
    const records = namedCollection(json, ['meta', 'links']);
    const after = text(meta.after_cursor);
    const raw = isObject(json.links) ? json.links : {};
    const nextLink = link(ctx, raw.next);
    const prev = link(ctx, raw.prev);
    const links: DetectorResult['links'] = {};
    if (hasMore && nextLink) links.next = nextLink;
    if (prev) links.prev = prev;
    const param = cursorParamIn(ctx.exchange.request.url, nextLink, after) ?? 'page[after]';
    const sent = ctx.url.searchParams.get(param);
    const evidence: Evidence[] = [ev('meta.has_more', hasMore, hasMore ? 'more pages' : 'the last page')];
    if (after) evidence.push(ev('meta.after_cursor', after, 'next cursor'));
    if (nextLink) evidence.push(ev('links.next', nextLink, 'next page'));
    if (records) evidence.push(ev(records.key, `${records.records.length} records`, 'collection'));
    return {
      kind: 'cursor',
      style: 'zendesk',
      confidence: 0.9,
      evidence,
      position: sent ? { cursor: sent } : {},
      hasMore,
      links,
      next: !hasMore
        ? undefined
        : links.next
          ? { method: 'GET', url: links.next }
          : after
            ? nextGet(ctx, { [param]: after })
            : undefined,
      params: { cursor: param, size: 'page[size]' },
      recordsPath: records ? [records.key] : undefined,
      recordCount: records?.records.length,
    };
  },
};
