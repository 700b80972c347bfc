/**
 * Vanilla Forums API v2: a bare array with `Paging-First/Last/Prev/Next` headers holding relative
 * URLs; `page` and `limit` parameters. "More" pagination omits Paging-Last; Paging-Prev only appears
 * after page 1. Pages may be short or even empty (rows removed by permissions) while Paging-Next is
 * present, so only Paging-Next decides. Docs: Vanilla "API v2 Overview", Pagination (seed 000).
 * Fixtures: fixtures/headers-vanilla.ts.
 */
import type { Detection, Detector, Evidence } from './types.ts';

const HEADERS = [
  ['first', 'Paging-First'],
  ['prev', 'Paging-Prev'],
  ['next', 'Paging-Next'],
  ['last', 'Paging-Last'],
] as const;

export const vanilla: Detector = {
  name: 'vanilla',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  headers: ['paging-first', 'paging-prev', 'paging-next', 'paging-last'],
  detect(ctx) {
    const links: Detection['links'] = {};
    const evidence: Evidence[] = [];
    for (const [rel, name] of HEADERS) {
      const v = ctx.header(name)?.trim();
      if (!v) continue;
      links[rel] = v; // resolved against the request URL when the detection is finalized
      evidence.push({
        where: 'header',
        path: name,
        value: v.length > 200 ? `${v.slice(0, 197)}...` : v,
        note: `${rel} page`,
      });
    }
    if (!links.next && !links.first && !links.prev && !links.last) return null;
    return {
      kind: 'page',
      style: 'vanilla',
      // Paging-* headers are specific enough to outrank a Link header or a generic body guess.
      confidence: 0.95,
      evidence,
      links,
      params: { page: 'page', size: 'limit' },
      hasMore: !!links.next,
      emptyPageEnds: false,
    };
  },
};
