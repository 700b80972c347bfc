/**
 * The crawl of one chain: a progress bar (determinate when the total is known), pages, records, rate
 * and ETA, the status in words (waiting for access, running, paused by you, done, cancelled by you,
 * stopped with the reason), what the crawl asks before it can go on (access, a POST to confirm,
 * credential values for a resume), pause/resume/cancel, and exports once pages are stored.
 * Given a `start`, it shows only that chain's crawl (another endpoint's status is not its own) and
 * offers "Grant access" while the start's origin is not accessible yet. Without one (the Datasets
 * view) it shows the current crawl, whichever chain it belongs to.
 */
import { useEffect } from 'preact/hooks';
import type { CrawlStart } from '../../../core/crawl/types.ts';
import type { ExportFormat } from '../../../core/export/types.ts';
import { formatMs } from '../lib/format.ts';
import { waitingText } from '../services/host-access.ts';
import { startKey, type PanelCrawlState } from '../state/crawl-state.ts';
import { originOf } from '../../../core/url.ts';
import { usePanelState } from '../state/panel-context.ts';
import { CrawlAskForm } from './crawl-ask.tsx';

function eta(ms: number | undefined): string | null {
  if (ms === undefined || !Number.isFinite(ms)) return null;
  if (ms < 60_000) return formatMs(ms);
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The status in words, as a user would say it. */
export function crawlStatusText(
  crawl: Pick<
    PanelCrawlState,
    'phase' | 'summary' | 'error' | 'waitingFor' | 'ask' | 'cancelledByUser' | 'problem'
  >,
): string {
  const phase = crawl.phase.value;
  const s = crawl.summary.value;
  const reason = s?.stoppedReason;
  const detail = s?.detail;
  switch (phase) {
    case 'idle':
      return crawl.error.value ?? '';
    case 'waiting':
      return waitingText(crawl.waitingFor.value ?? 'the site');
    case 'confirm':
    case 'secrets':
      return crawl.ask.value?.kind === 'confirm' ? crawl.ask.value.reason : (crawl.ask.value?.message ?? '');
    case 'running':
      return 'running';
    case 'paused':
      return crawl.cancelledByUser.value ? 'paused · nothing more was fetched' : 'paused by you';
    case 'done':
      return detail ? `done · ${detail}` : 'done · no more pages';
    case 'stopped':
      if (crawl.problem.value?.startsWith('access-') || crawl.problem.value === 'replay-refused')
        return crawl.error.value ?? 'stopped';
      if (crawl.cancelledByUser.value || (reason === 'aborted' && !crawl.error.value))
        return 'cancelled by you';
      return ['stopped', reason, reason === 'aborted' ? null : detail, crawl.error.value]
        .filter(Boolean)
        .join(' · ');
  }
}

/** "Grant access" while the start's origin has no host access (checked without a prompt). */
function AccessNotice({ start, chain }: { start: CrawlStart; chain: string }) {
  const { crawl } = usePanelState();
  const url = start.exchange.request.url;
  useEffect(() => void crawl.actions.checkAccess(url), [url]);
  const origin = originOf(url);
  if (origin === undefined) return null;
  const phase = crawl.phase.value;
  const mine = crawl.key.value === chain;
  if (crawl.access.value.get(origin) !== false || (mine && (phase === 'waiting' || phase === 'running')))
    return null;
  return (
    <div class="crawl-line crawl-access" data-testid="crawl-access" data-origin={origin}>
      <span>{`Pagescope has no access to ${origin} yet: the crawl asks the browser for it first.`}</span>
      <button
        data-testid="crawl-grant"
        disabled={crawl.running.value}
        title={`Ask the browser for access to ${origin} now (you answer its prompt)`}
        onClick={() => void crawl.actions.grant(url, chain)}
      >
        Grant access
      </button>
    </div>
  );
}

const FORMATS: ExportFormat[] = ['ndjson', 'csv', 'json'];

/** Export buttons for the finished (or paused) crawl's dataset, once it holds records. */
function ExportButtons({ id, records }: { id: number; records: number }) {
  const { datasets } = usePanelState();
  const ds = datasets.list.value.find((d) => d.id === id);
  if (!ds || records === 0) return null;
  return (
    <span class="crawl-export" data-testid="crawl-export">
      <span class="muted">Export</span>
      {FORMATS.map((f) => (
        <button
          key={f}
          data-testid={`crawl-export-${f}`}
          disabled={datasets.exporting.value !== null}
          onClick={() => void datasets.actions.exportAs(ds, f)}
        >
          {f.toUpperCase()}
        </button>
      ))}
    </span>
  );
}

export function CrawlStatus({ start }: { start?: CrawlStart | null } = {}) {
  const { crawl, datasets } = usePanelState();
  const chain = start ? startKey(start) : null;
  const notice = start && chain ? <AccessNotice start={start} chain={chain} /> : null;
  const phase = crawl.phase.value;
  // A crawl's status belongs to its chain: another endpoint's view shows only its own access notice.
  if (chain !== null && crawl.key.value !== chain) return notice;
  const text = crawlStatusText(crawl);
  if (phase === 'idle' && !text) return notice;
  const p = crawl.progress.value;
  const s = crawl.summary.value;
  const id = crawl.datasetId.value;
  const pages = s?.pages ?? p?.pages ?? 0;
  const records = s?.records ?? p?.records ?? 0;
  const duplicates = s?.duplicates ?? p?.duplicates ?? 0;
  const total = p?.totalPages;
  const reason = s ? s.stoppedReason : undefined;
  const resumeFrom =
    id === null ? null : (datasets.list.value.find((d) => d.id === id) ?? crawl.source.value);
  const ended = phase === 'done' || phase === 'stopped' || phase === 'paused';
  return (
    <section class="crawl-status" aria-label="Crawl">
      {notice}
      {(id !== null || p || s) && (
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
            {`${pages}${total ? ` / ${total}` : ''} ${pages === 1 ? 'page' : 'pages'} · ${records} ${records === 1 ? 'record' : 'records'}` +
              (duplicates ? ` · ${duplicates} duplicates` : '') +
              (p && phase === 'running' ? ` · ${p.ratePerSec.toFixed(1)} pages/s` : '') +
              (phase === 'running' && eta(p?.etaMs) ? ` · ETA ${eta(p?.etaMs)}` : '')}
          </span>
        </div>
      )}
      <div class="crawl-line">
        <span
          class={`crawl-phase crawl-${phase}${crawl.cancelledByUser.value ? ' crawl-cancelled' : ''}`}
          data-testid="crawl-status"
          data-phase={phase}
          data-reason={reason ?? ''}
          data-problem={crawl.problem.value ?? ''}
          data-dataset-id={id ?? ''}
          role={crawl.problem.value ? 'alert' : undefined}
        >
          {text}
        </span>
        <span class="spacer" />
        {ended && id !== null && <ExportButtons id={id} records={records} />}
        {phase === 'running' && (
          <button
            data-testid="crawl-pause"
            title="Stop after the page in flight; Resume goes on from there"
            onClick={crawl.actions.pause}
          >
            Pause
          </button>
        )}
        {phase === 'paused' && resumeFrom && (
          <button data-testid="crawl-resume" onClick={() => crawl.actions.resume(resumeFrom)}>
            Resume
          </button>
        )}
        {(phase === 'running' || phase === 'paused' || phase === 'waiting') && (
          <button
            data-testid="crawl-cancel"
            title={
              phase === 'waiting'
                ? 'Stop waiting for access (the browser prompt may stay open; its answer is ignored)'
                : 'Stop for good (the records stay)'
            }
            onClick={() => void crawl.actions.cancel()}
          >
            Cancel
          </button>
        )}
      </div>
      <CrawlAskForm />
    </section>
  );
}
