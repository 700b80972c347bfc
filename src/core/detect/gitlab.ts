/**
 * GitLab REST API offset pagination headers: `x-page`, `x-per-page`, `x-next-page` (empty on the last
 * page), `x-prev-page`, `x-total`, `x-total-pages` (the last two, and Link rel="last", are omitted past
 * 10,000 records). Params `page` and `per_page`. Docs: docs.gitlab.com/api/rest "Pagination",
 * "Other pagination headers". Fixtures: fixtures/headers-gitlab.ts.
 */
import type { Detector, Evidence } from './types.ts';

const NAMES = ['x-page', 'x-per-page', 'x-next-page', 'x-prev-page', 'x-total', 'x-total-pages'] as const;

function int(v: string | undefined): number | undefined {
  return v !== undefined && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : undefined;
}

export const gitlab: Detector = {
  name: 'gitlab',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  headers: ['x-page'],
  detect(ctx) {
    const raw = Object.fromEntries(NAMES.map((n) => [n, ctx.header(n)])) as Record<
      (typeof NAMES)[number],
      string | undefined
    >;
    const page = int(raw['x-page']);
    // X-Page with X-Next-Page (possibly empty) or X-Per-Page is the GitLab set; X-Page alone is too vague.
    if (page === undefined || (raw['x-next-page'] === undefined && raw['x-per-page'] === undefined))
      return null;
    const evidence: Evidence[] = [];
    for (const n of NAMES) {
      if (raw[n] !== undefined)
        evidence.push({ where: 'header', path: n, value: raw[n]!.trim() || '(empty)' });
    }
    const nextPage = int(raw['x-next-page']);
    const totalPages = int(raw['x-total-pages']);
    return {
      kind: 'page',
      style: 'gitlab',
      confidence: 0.95,
      evidence,
      position: { page },
      pageSize: int(raw['x-per-page']),
      totalRecords: int(raw['x-total']),
      totalPages,
      hasMore:
        raw['x-next-page'] !== undefined
          ? nextPage !== undefined
          : totalPages !== undefined
            ? page < totalPages
            : undefined,
      params: { page: 'page', size: 'per_page' },
    };
  },
};
