/**
 * diagnose(pages) → findings: runs every rule over one chain's fetched pages. A rule that throws is
 * skipped (a bug in one rule must not hide the others' findings).
 */
import { createContext } from './context.ts';
import { rules as allRules } from './rules.ts';
import type { DiagnoseOptions, DiagnosePage, Finding, Rule, Severity } from './types.ts';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Findings for one chain's pages (in chain order), errors first. Zero findings means no rule saw a
 * problem; it does not prove the API correct.
 */
export function diagnose(
  pages: readonly DiagnosePage[],
  opts: DiagnoseOptions = {},
  list: readonly Rule[] = allRules,
): Finding[] {
  const ctx = createContext(pages, opts);
  const out: Finding[] = [];
  for (const rule of list) {
    try {
      out.push(...rule.check(ctx));
    } catch {
      // Keep going: the other rules' findings still stand.
    }
  }
  // Links that disagree with page numbers are worth a note only on an otherwise clean chain: where
  // the API has a real bug, that bug is the explanation (and the finding to read).
  const bugs = out.some((f) => f.rule !== 'links-over-numbers');
  return out
    .filter((f) => !(bugs && f.rule === 'links-over-numbers'))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/** True when any finding is an error (the CLI exits 1). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
