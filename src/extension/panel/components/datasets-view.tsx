/**
 * The Datasets view: every crawl stored in IndexedDB (this profile, across DevTools sessions) with
 * its counts and how it ended; Resume for unfinished ones, Delete, and NDJSON/CSV/JSON exports. The
 * actions come first and stay in view when the table scrolls sideways (DevTools docked is ~550 px).
 */
import { useEffect } from 'preact/hooks';
import type { ExportFormat } from '../../../core/export/types.ts';
import type { Dataset } from '../services/crawl-service.ts';
import { formatBytes } from '../lib/format.ts';
import { datasetStatusText, exportFileName } from '../state/datasets-state.ts';
import { usePanelState } from '../state/panel-context.ts';
import { CrawlStatus } from './crawl-status.tsx';
import './crawl.css';
import '../styles/datasets.css';

const FORMATS: ExportFormat[] = ['ndjson', 'csv', 'json'];

function DatasetRow({ ds }: { ds: Dataset }) {
  const { crawl, datasets } = usePanelState();
  const live = crawl.running.value && crawl.datasetId.value === ds.id;
  const p = live ? crawl.progress.value : null;
  // A 'running' row that this panel is not running was cut off (DevTools closed mid-crawl).
  const status = ds.status === 'running' && !live ? 'interrupted' : ds.status;
  const canResume = !crawl.running.value && ds.more && ds.status !== 'done';
  const exporting = datasets.exporting.value !== null;
  const statusText = datasetStatusText(ds, status);
  return (
    <tr data-testid="dataset-row" data-dataset-id={ds.id} data-status={status}>
      {/* Actions first (and sticky): at DevTools' docked width they must not be pushed off the edge. */}
      <td class="actions" data-testid="dataset-actions">
        <div class="actions-inner">
          {canResume && (
            <button data-testid="dataset-resume" onClick={() => void crawl.actions.resume(ds)}>
              Resume
            </button>
          )}
          {FORMATS.map((f) => (
            <button
              key={f}
              data-testid={`export-${f}`}
              disabled={exporting || ds.records === 0}
              title={`Download the ${ds.records} records as ${f.toUpperCase()}: ${exportFileName(ds, f)}`}
              onClick={() => void datasets.actions.exportAs(ds, f)}
            >
              {f.toUpperCase()}
            </button>
          ))}
          <button
            data-testid="dataset-delete"
            disabled={live}
            title="Delete the dataset and its records"
            onClick={() => void datasets.actions.remove(ds.id)}
          >
            Delete
          </button>
        </div>
      </td>
      <td data-testid="dataset-style">{ds.style}</td>
      <td class="url mono" title={`${ds.source.method} ${ds.source.url}`} data-testid="dataset-url">
        {ds.source.url}
      </td>
      <td class="num" data-testid="dataset-records">
        {p?.records ?? ds.records}
      </td>
      <td class="num" data-testid="dataset-pages">
        {p?.pages ?? ds.pages}
      </td>
      <td class="status-text" data-testid="dataset-status" title={statusText}>
        {statusText}
      </td>
      <td>{new Date(ds.startedAt).toLocaleString()}</td>
      <td class="num" data-testid="dataset-duplicates">
        {p?.duplicates ?? ds.duplicates}
      </td>
      <td class="num">{formatBytes(ds.bytes)}</td>
    </tr>
  );
}

export function DatasetsView() {
  const { datasets } = usePanelState();
  useEffect(() => void datasets.actions.refresh(), []);
  const list = datasets.list.value;
  return (
    <div class="datasets-view" data-testid="datasets-view">
      <CrawlStatus />
      {datasets.error.value && (
        <div class="toolbar-error" role="alert" data-testid="datasets-error">
          {datasets.error.value}
        </div>
      )}
      {datasets.loaded.value && !list.length ? (
        <div class="empty muted" data-testid="datasets-empty">
          No datasets yet. Select a paginated request and press “Crawl remaining pages”.
        </div>
      ) : (
        <table class="datasets" data-testid="datasets-table">
          <thead>
            <tr>
              {[
                'Export',
                'Style',
                'Source',
                'Records',
                'Pages',
                'Status',
                'Started',
                'Duplicates',
                'Size',
              ].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((ds) => (
              <DatasetRow key={ds.id} ds={ds} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
