/**
 * duplicate-records: one record id on more than one page. The classic cause is offset/page pagination
 * over data that changes (a row inserted before the current position shifts every later page), or an
 * ORDER BY that is not unique, so rows with equal sort keys swap between queries.
 */
import { sample, showKey } from '../context.ts';
import type { Finding, Rule } from '../types.ts';

export const duplicateRecords: Rule = {
  id: 'duplicate-records',
  description: 'the same record id appears on more than one page',
  check(ctx) {
    if (!ctx.idKey) return [];
    const firstSeen = new Map<string, number>();
    const dupPages = new Map<string, Set<number>>();
    for (const f of ctx.pages) {
      // A whole page served again is reported by repeated-last-page / the cycle rules, not here.
      if (!f.ok || f.repeatOf !== undefined) continue;
      const onThisPage = new Set<string>();
      for (const k of f.keys) {
        if (k === undefined || onThisPage.has(k)) continue;
        onThisPage.add(k);
        const at = firstSeen.get(k);
        if (at === undefined) firstSeen.set(k, f.n);
        else (dupPages.get(k) ?? dupPages.set(k, new Set([at])).get(k)!).add(f.n);
      }
    }
    if (!dupPages.size) return [];
    const ids = [...dupPages.keys()];
    const pages = [...new Set(ids.flatMap((k) => [...dupPages.get(k)!]))].sort((a, b) => a - b);
    const [k0] = ids;
    const where = [...dupPages.get(k0)!].map((n) => ctx.pages[n - 1].name).join(' and ');
    const finding: Finding = {
      rule: 'duplicate-records',
      severity: 'error',
      message:
        `${ids.length} record${ids.length === 1 ? '' : 's'} appear${ids.length === 1 ? 's' : ''} on more than one page ` +
        `(${ctx.idKey} ${showKey(k0)} on ${where}), so a client that pages through gets duplicates and, by the same shift, misses others.`,
      evidence: {
        pages,
        urls: pages.map((n) => ctx.pages[n - 1].url),
        ids: sample(ids.map(showKey)),
        values: { duplicates: ids.length, idKey: ctx.idKey },
      },
      fix:
        'Page by a cursor or keyset (WHERE id > last_seen ORDER BY id) instead of OFFSET, and make the ORDER BY unique ' +
        '(add the primary key as a tie-breaker) so rows cannot move between pages.',
    };
    return [finding];
  },
};
