/**
 * repeated-last-page: asking past the end returns the last page again instead of an empty page or a
 * 404 (a clamped page number: `page = min(page, lastPage)`). A client that stops on an empty page
 * never stops; one that counts records double-counts the last page.
 */
import { pastEnd } from '../context.ts';
import type { Rule } from '../types.ts';

export const repeatedLastPage: Rule = {
  id: 'repeated-last-page',
  description: 'a page past the end returns the last page again instead of an empty page or 404',
  check(ctx) {
    const f = ctx.pages.find((p) => p.ok && p.repeatOf === p.n - 1 && p.n > 1 && pastEnd(ctx, p));
    if (!f) return [];
    const prev = ctx.pages[f.n - 2];
    if (prev.url === f.url) return [];
    return [
      {
        rule: 'repeated-last-page',
        severity: 'warning',
        message: `${f.name} returns exactly the records of ${prev.name} (${f.page.records.length} records) instead of an empty page or 404, so clients that stop on an empty page loop and others count the last page twice.`,
        evidence: {
          pages: [prev.n, f.n],
          urls: [prev.url, f.url],
          ids: f.keys
            .filter((k): k is string => !!k)
            .slice(0, 5)
            .map((k) => k.slice(2)),
          values: { records: f.page.records.length },
        },
        fix: 'Do not clamp the page number to the last page: past the end return an empty list (200) or 404, and no next link.',
      },
    ];
  },
};
