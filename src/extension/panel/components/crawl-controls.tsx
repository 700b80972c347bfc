/**
 * "Crawl remaining pages" for a paginated request (the Pagination tab) or a chain's first page:
 * limit inputs (max pages, max records, delay) and the button, then the crawl's status.
 */
import type { CrawlStart } from '../../../core/crawl/types.ts';
import { usePanelState } from '../state/panel-context.ts';
import type { CapturedItem } from '../state/captured-item.ts';
import { CrawlStatus } from './crawl-status.tsx';
import './crawl.css';

function LimitInput({
  label,
  testid,
  value,
  unit,
}: {
  label: string;
  testid: string;
  value: { value: string };
  unit?: string;
}) {
  return (
    <label class="crawl-limit">
      <span class="muted">{label}</span>
      <input
        type="number"
        min="0"
        placeholder="∞"
        data-testid={testid}
        value={value.value}
        onInput={(e) => (value.value = (e.currentTarget as HTMLInputElement).value)}
      />
      {unit && <span class="muted">{unit}</span>}
    </label>
  );
}

/** Start button + limits for `start`; `label` says what is crawled. */
function CrawlStartControls({
  start,
  label = 'Crawl remaining pages',
}: {
  start: CrawlStart | null;
  label?: string;
}) {
  const { crawl } = usePanelState();
  const running = crawl.running.value;
  return (
    <section class="crawl-controls" data-testid="crawl-controls">
      <div class="crawl-line">
        <button
          class="primary"
          data-testid="crawl-start"
          disabled={!start || running}
          title={
            running
              ? 'A crawl is running'
              : 'Fetch every remaining page into a dataset (asks for access to the host)'
          }
          onClick={() => start && void crawl.actions.start(start)}
        >
          {label}
        </button>
        <LimitInput label="max pages" testid="crawl-max-pages" value={crawl.limits.maxPages} />
        <LimitInput label="max records" testid="crawl-max-records" value={crawl.limits.maxRecords} />
        <LimitInput label="delay" testid="crawl-delay" value={crawl.limits.delayMs} unit="ms" />
      </div>
      <CrawlStatus start={start} />
    </section>
  );
}

/** The controls for a captured request; nothing when it is not paginated. */
export function CrawlControls({ item }: { item: CapturedItem }) {
  if (!item.detection) return null;
  return <CrawlStartControls start={{ exchange: item.exchange, detection: item.detection }} />;
}
