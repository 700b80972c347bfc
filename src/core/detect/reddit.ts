/**
 * Reddit listings: `{kind: "Listing", data: {children, after, before, dist}}`. `data.after` (the
 * fullname of the last item, `t3_1d2x3a2`) goes back as `?after=`; null is the end. A `count` the
 * request sent (how far into the listing, for numbering) is kept as it was, like its other parameters.
 * Docs: reddit.com/dev/api#listings; r/redditdev wiki "API FAQ" (how do I paginate).
 * Fixtures: fixtures/public-apis-cursor.ts (reddit).
 */
import { isObject } from '../json.ts';
import { text } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { nextGet } from './next-request.ts';
import type { Detector } from './types.ts';

export const reddit: Detector = {
  name: 'reddit',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('kind') && b.within('data', 'children'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || json.kind !== 'Listing' || !isObject(json.data)) return null;
    const data = json.data;
    if (!Array.isArray(data.children) || !('after' in data)) return null;
    const after = text(data.after);
    const sent = ctx.url.searchParams.get('after');
    return {
      kind: 'cursor',
      style: 'reddit',
      confidence: 0.9,
      evidence: [
        ev('kind', 'Listing', 'Reddit listing'),
        ev('data.after', data.after ?? null, after ? 'next cursor' : 'null: the end of the listing'),
        ev('data.children', `${data.children.length} records`, 'records'),
      ],
      position: sent ? { cursor: sent } : {},
      hasMore: !!after,
      links: {},
      next: after ? nextGet(ctx, { after }) : undefined,
      params: { cursor: 'after', size: 'limit' },
      recordsPath: ['data', 'children'],
      recordCount: data.children.length,
    };
  },
};
