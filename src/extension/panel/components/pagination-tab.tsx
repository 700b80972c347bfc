/** Pagination tab: what detection found, and the evidence it rests on. */
import type { Detection } from '../../../core/detect/types.ts';
import { formatPath } from '../../../core/json.ts';
import { detectionTooltip } from '../lib/detection-words.ts';
import { formatConfidence } from '../lib/format.ts';
import { usePanelState } from '../state/panel-context.ts';
import type { CapturedItem } from '../state/captured-item.ts';
import { CrawlControls } from './crawl-controls.tsx';
import { SpecEditor } from './spec-editor.tsx';
import { StyleBadge } from './style-badge.tsx';

function Fact({ label, value, testid }: { label: string; value: unknown; testid?: string }) {
  if (value === undefined || value === '') return null;
  return (
    <div class="kv">
      <span class="k">{label}</span>
      <span class="v mono" data-testid={testid}>
        {String(value)}
      </span>
    </div>
  );
}

function position(d: Detection): string | undefined {
  const p = d.position;
  const parts = [
    p.page != null && `page ${p.page}`,
    p.offset != null && `offset ${p.offset}`,
    p.cursor != null && `cursor ${p.cursor}`,
  ];
  return parts.filter(Boolean).join(', ') || undefined;
}

export function PaginationTab({ item }: { item: CapturedItem }) {
  const { selection } = usePanelState();
  const d = item.detection;
  if (!d) {
    return (
      <div class="pagination-tab">
        <div class="muted" data-testid="pagination-none">
          {`No pagination detected${item.notPaginated ? `: ${item.notPaginated}` : '.'} Say how it pages in Edit below.`}
        </div>
        <SpecEditor item={item} />
      </div>
    );
  }
  const show = (where: string) => (selection.detailTab.value = where === 'body' ? 'response' : 'headers');
  return (
    <div class="pagination-tab">
      <div class="summary">
        <StyleBadge detection={d} testid="pagination-style" />
        <span class="kind" data-testid="pagination-kind">
          {d.kind}
        </span>
        <span
          class="muted"
          data-testid="pagination-confidence"
          title={detectionTooltip(d)}
        >{`confidence ${formatConfidence(d.confidence)}`}</span>
      </div>
      <CrawlControls item={item} />
      <section class="kv-section">
        <Fact label="Position" value={position(d)} testid="pagination-position" />
        <Fact label="Page size" value={d.pageSize} />
        <Fact label="Total records" value={d.totalRecords} testid="pagination-total-records" />
        <Fact label="Total pages" value={d.totalPages} testid="pagination-total-pages" />
        <Fact label="Has more" value={d.hasMore} />
        <Fact
          label="Records"
          value={`${formatPath(d.recordsPath)} (${d.recordCount})`}
          testid="pagination-records"
        />
        {(['first', 'prev', 'next', 'last'] as const).map((rel) => (
          <Fact key={rel} label={`Link ${rel}`} value={d.links[rel]} testid={`pagination-link-${rel}`} />
        ))}
        <Fact
          label="Next request"
          value={d.next ? `${d.next.method} ${d.next.url}` : 'none (last page)'}
          testid="pagination-next"
        />
      </section>
      <h3>{`Evidence (${d.evidence.length})`}</h3>
      <table class="evidence" data-testid="pagination-evidence">
        <thead>
          <tr>
            <th>Where</th>
            <th>Path</th>
            <th>Value</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {d.evidence.map((e, i) => (
            <tr
              key={i}
              data-testid="evidence-item"
              data-where={e.where}
              title="Show it highlighted"
              onClick={() => show(e.where)}
            >
              <td>{e.where}</td>
              <td class="mono">{e.path}</td>
              <td class="mono value">{e.value}</td>
              <td class="muted">{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SpecEditor item={item} />
    </div>
  );
}
