/**
 * The current crawl: a progress bar (determinate when the total is known), pages, records, rate and
 * ETA, the status (running/paused/done/stopped with reason and detail), and pause/resume/cancel.
 * Shown under the crawl button and at the top of the Datasets view.
 */
import { formatMs } from '../lib/format.ts';
import { usePanelState } from '../state/panel-context.ts';

function eta(ms: number | undefined): string | null {
  if (ms === undefined || !Number.isFinite(ms)) return null;
  if (ms < 60_000) return formatMs(ms);
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function CrawlStatus() {
  const { crawl } = usePanelState();
  const phase = crawl.phase.value;
  const p = crawl.progress.value;
  const s = crawl.summary.value;
  const id = crawl.datasetId.value;
  if (phase === 'idle' && !crawl.error.value) return null;
  const pages = s?.pages ?? p?.pages ?? 0;
  const records = s?.records ?? p?.records ?? 0;
  const duplicates = s?.duplicates ?? p?.duplicates ?? 0;
  const total = p?.totalPages;
  const reason = s ? s.stoppedReason : undefined;
  const statusText = [
    phase,
    reason && reason !== phase && !(phase === 'paused' && reason === 'aborted') ? reason : null,
    s?.detail ?? null,
    crawl.error.value,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <section class="crawl-status" aria-label="Crawl">
      <div class="crawl-line">
        {total ? (
          <progress data-testid="crawl-bar" max={total} value={Math.min(pages, total)} />
        ) : (
          <progress
            data-testid="crawl-bar"
            {...(phase === 'running' ? {} : { max: 1, value: phase === 'done' ? 1 : 0 })}
          />
        )}
        <span
          class="mono"
          data-testid="crawl-progress"
          data-pages={pages}
          data-records={records}
          data-duplicates={duplicates}
        >
          {`${pages}${total ? ` / ${total}` : ''} pages · ${records} records` +
            (duplicates ? ` · ${duplicates} duplicates` : '') +
            (p && phase === 'running' ? ` · ${p.ratePerSec.toFixed(1)} pages/s` : '') +
            (phase === 'running' && eta(p?.etaMs) ? ` · ETA ${eta(p?.etaMs)}` : '')}
        </span>
      </div>
      <div class="crawl-line">
        <span
          class={`crawl-phase crawl-${phase}`}
          data-testid="crawl-status"
          data-phase={phase}
          data-reason={reason ?? ''}
          data-dataset-id={id ?? ''}
        >
          {statusText}
        </span>
        <span class="spacer" />
        {phase === 'running' && (
          <button
            data-testid="crawl-pause"
            title="Stop after the page in flight; Resume goes on from there"
            onClick={crawl.actions.pause}
          >
            Pause
          </button>
        )}
        {phase === 'paused' && id !== null && crawl.startUrl.value && (
          <button
            data-testid="crawl-resume"
            onClick={() =>
              crawl.actions.resume({ id, source: { method: 'GET', url: crawl.startUrl.value!, headers: [] } })
            }
          >
            Resume
          </button>
        )}
        {(phase === 'running' || phase === 'paused') && (
          <button
            data-testid="crawl-cancel"
            title="Stop for good (the records stay)"
            onClick={() => void crawl.actions.cancel()}
          >
            Cancel
          </button>
        )}
      </div>
    </section>
  );
}
