/** How `pagescope diagnose` prints findings: a block per chain for people, or one JSON document. */
import type { Finding } from '../core/diagnose/index.ts';

export type ChainReport = {
  title: string;
  key: string;
  style?: string;
  kind?: string;
  pages: number;
  findings: Finding[];
  note?: string;
};

const MARK: Record<Finding['severity'], string> = { error: 'error  ', warning: 'warning', info: 'info   ' };

function evidenceLines(f: Finding): string[] {
  const e = f.evidence;
  const out: string[] = [];
  if (e.pages?.length) out.push(`pages: ${e.pages.join(', ')}`);
  if (e.ids?.length) out.push(`ids: ${e.ids.join(', ')}`);
  if (e.values && Object.keys(e.values).length)
    out.push(
      Object.entries(e.values)
        .map(([k, v]) => `${k}=${v}`)
        .join('  '),
    );
  for (const u of e.urls ?? []) out.push(u);
  return out;
}

/** Counts by severity over every chain. */
function tally(reports: ChainReport[]): Record<Finding['severity'], number> {
  const t = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const f of r.findings) t[f.severity]++;
  return t;
}

/** The human report: per chain, each finding with severity, message, evidence and fix. */
export function formatText(reports: ChainReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const how = [r.style, r.kind].filter(Boolean).join(', ');
    lines.push(`${r.title}${how ? `  (${how})` : ''}  ${r.pages} page${r.pages === 1 ? '' : 's'}`);
    if (r.note) lines.push(`  ${r.note}`);
    if (!r.findings.length) lines.push('  no findings');
    for (const f of r.findings) {
      lines.push(`  ${MARK[f.severity]} ${f.rule}: ${f.message}`);
      for (const l of evidenceLines(f)) lines.push(`            ${l}`);
      lines.push(`            fix: ${f.fix}`);
    }
    lines.push('');
  }
  const t = tally(reports);
  lines.push(
    `${t.error} error${t.error === 1 ? '' : 's'}, ${t.warning} warning${t.warning === 1 ? '' : 's'}, ${t.info} info`,
  );
  return lines.join('\n') + '\n';
}

/** The `--json` document. */
export function formatJson(reports: ChainReport[]): string {
  return JSON.stringify({ chains: reports, summary: tally(reports) }, null, 2) + '\n';
}
