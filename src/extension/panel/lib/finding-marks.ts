/**
 * From diagnostics to the chain drawing: which nodes each finding points at (by the pages and URLs
 * in its evidence), and the counts by severity for the chain header. Pure and unit-tested.
 */
import { normalizeUrl } from '../../../core/chain/key.ts';
import type { ChainNode } from '../../../core/chain/types.ts';
import type { DiagnosePage, Finding, Severity } from '../../../core/diagnose/types.ts';

export type SeverityCounts = Record<Severity, number>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** `2 errors · 1 warning`, or `no findings`. */
export function formatCounts(c: SeverityCounts): string {
  const parts = (['error', 'warning', 'info'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${s === 'info' ? 'info' : c[s] === 1 ? s : `${s}s`}`);
  return parts.length ? parts.join(' · ') : 'no findings';
}

export type NodeMark = {
  /** Rules whose evidence names this node, most severe first. */
  rules: string[];
  severity: Severity;
};

/**
 * Node id → the findings that name it. Evidence pages are 1-based positions in `pages` (the order the
 * diagnosis used); both those pages' URLs and the evidence URLs are matched against node URLs.
 */
export function markNodes(
  nodes: readonly Pick<ChainNode, 'id' | 'url' | 'gap'>[],
  pages: readonly Pick<DiagnosePage, 'url' | 'requestUrl'>[],
  findings: readonly Finding[],
): Map<string, NodeMark> {
  const byUrl = new Map<string, string>();
  for (const n of nodes) if (!n.gap) byUrl.set(normalizeUrl(n.url), n.id);
  const marks = new Map<string, NodeMark>();
  for (const f of findings) {
    const urls = new Set<string>();
    for (const p of f.evidence.pages ?? []) {
      const page = pages[p - 1];
      if (!page) continue;
      urls.add(page.requestUrl ?? page.url);
      urls.add(page.url);
    }
    for (const u of f.evidence.urls ?? []) urls.add(u);
    for (const u of urls) {
      const id = byUrl.get(normalizeUrl(u));
      if (!id) continue;
      const m = marks.get(id);
      if (!m) marks.set(id, { rules: [f.rule], severity: f.severity });
      else {
        if (!m.rules.includes(f.rule)) m.rules.push(f.rule);
        if (RANK[f.severity] < RANK[m.severity]) m.severity = f.severity;
      }
    }
  }
  return marks;
}
