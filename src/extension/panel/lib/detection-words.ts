/**
 * What a detection means, in words for a tooltip: the style (what "generic" is), what the confidence
 * measures, and the evidence that decided it. Pure; the panel renders it as text (a `title`).
 */
import type { Detection } from '../../../core/detect/types.ts';
import { formatConfidence } from './format.ts';

/** Evidence lines quoted at most (the Pagination tab lists them all). */
const SHOWN = 6;

/** One line about the style: a named API scheme, or the generic catch-all. */
function styleWords(d: Pick<Detection, 'style' | 'kind'>): string {
  if (d.style === 'generic')
    return `generic: no documented API scheme matched; read from common pagination field names (page, next, cursor, has_more, total…) beside a records list. ${d.kind} pagination.`;
  return `${d.style}: the ${d.kind} pagination scheme of ${d.style === 'link-header' ? 'RFC 8288 Link headers' : `the ${d.style} API style`}.`;
}

/** What the confidence number is, for this detection. */
function confidenceWords(d: Pick<Detection, 'confidence' | 'style'>): string {
  const how =
    d.style === 'generic'
      ? 'generic readings start lower than any named scheme and rise with each agreeing signal'
      : 'a named scheme with its own fields scores high';
  return `confidence ${formatConfidence(d.confidence)}: how sure detection is that this response is one page of a paginated list (0–100%; the highest-scoring scheme wins; ${how}).`;
}

/** The whole tooltip: style, confidence, and the evidence that decided it. */
export function detectionTooltip(d: Pick<Detection, 'style' | 'kind' | 'confidence' | 'evidence'>): string {
  const lines = [styleWords(d), confidenceWords(d)];
  if (d.evidence.length) {
    lines.push('Decided by:');
    for (const e of d.evidence.slice(0, SHOWN))
      lines.push(`  ${e.where} ${e.path} = ${String(e.value).slice(0, 80)}${e.note ? ` (${e.note})` : ''}`);
    if (d.evidence.length > SHOWN) lines.push(`  … ${d.evidence.length - SHOWN} more in the Pagination tab`);
  }
  return lines.join('\n');
}
