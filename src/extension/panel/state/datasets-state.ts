/**
 * The datasets sub-store: what the dataset store holds (one row per crawl), delete, and export.
 * Exports stream the records out of the store batch by batch through the core writers into Blob parts, so
 * a large dataset is never one string in memory.
 */
import { signal } from '@preact/signals';
import type { ExportFormat, TextSink } from '../../../core/export/types.ts';
import { EXPORT_MIME, writeRecords } from '../../../core/export/write-records.ts';
import type { CrawlServices, Dataset } from '../services/crawl-service.ts';

/** Characters kept in the API part of a file name (host + path); the rest is cut. */
const MAX_API_NAME = 80;

/** `host-path` of a URL, safe in a file name: `127.0.0.1-8787-api-v2-discussions`. */
export function apiNamePart(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'api';
  }
  const raw = `${u.host}${u.pathname}`;
  const name = raw
    .replace(/[^a-z0-9.]+/gi, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
  return name.slice(0, MAX_API_NAME).replace(/[-.]+$/, '') || 'api';
}

/**
 * `pagescope-<host>-<path>-<style>-<start time>.<ext>`: names the API the records came from, safe on
 * every file system (no `/ : ? *`, no leading dot, bounded length).
 */
export function exportFileName(
  ds: Pick<Dataset, 'style' | 'startedAt'> & { source?: { url: string } },
  format: ExportFormat,
): string {
  const style = ds.style.replace(/[^a-z0-9-]+/gi, '-');
  const stamp = new Date(ds.startedAt).toISOString().slice(0, 19).replace(/:/g, '-');
  const api = ds.source?.url ? `${apiNamePart(ds.source.url)}-` : '';
  return `pagescope-${api}${style}-${stamp}.${format}`;
}

/**
 * The Datasets table's status cell, in the crawl status line's words: "paused by you", "cancelled
 * by you"; otherwise how the crawl ended and the engine's detail (the whole of it in the tooltip).
 * `status` is the row's (a `running` row no crawl of this panel runs shows as `interrupted`).
 */
export function datasetStatusText(ds: Pick<Dataset, 'stoppedReason' | 'detail'>, status: string): string {
  const byUser = ds.stoppedReason === 'aborted';
  if (byUser && status === 'paused') return 'paused by you';
  if (byUser && status === 'stopped') return 'cancelled by you';
  return [
    status,
    ds.stoppedReason && ds.stoppedReason !== 'done' && !byUser ? ds.stoppedReason : null,
    ds.detail,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function createDatasetsState(services: CrawlServices | undefined) {
  const list = signal<Dataset[]>([]);
  const loaded = signal(false);
  const error = signal<string | null>(null);
  /** Dataset id being exported, for a busy button. */
  const exporting = signal<number | null>(null);

  const fail = (what: string, e: unknown) => (error.value = `${what}: ${(e as Error).message ?? String(e)}`);

  const actions = {
    async refresh() {
      if (!services) return;
      try {
        list.value = await services.datasets.list();
        loaded.value = true;
      } catch (e) {
        fail('Could not read datasets', e);
      }
    },
    async remove(id: number) {
      if (!services) return;
      try {
        await services.datasets.remove(id);
        list.value = list.value.filter((d) => d.id !== id);
      } catch (e) {
        fail('Could not delete the dataset', e);
      }
    },
    /** Streams the dataset's records into a Blob and downloads it. Returns the record count. */
    async exportAs(ds: Dataset, format: ExportFormat): Promise<number | undefined> {
      if (!services || exporting.value !== null) return;
      exporting.value = ds.id;
      try {
        const parts: Blob[] = [];
        // Each chunk becomes a Blob part at once, so the text can be collected while the export goes on.
        const sink: TextSink = { write: (chunk) => void parts.push(new Blob([chunk])) };
        // CSV: the columns the store kept while the crawl wrote, so the records are read once.
        const columns = format === 'csv' ? await services.datasets.columns(ds.id) : undefined;
        const source = () => services.datasets.records(ds.id, 1000);
        const count = await writeRecords(source, format, sink, {}, columns);
        services.saveBlob(new Blob(parts, { type: EXPORT_MIME[format] }), exportFileName(ds, format));
        error.value = null;
        return count;
      } catch (e) {
        fail(`Could not export ${format.toUpperCase()}`, e);
      } finally {
        exporting.value = null;
      }
    },
  };

  return { list, loaded, error, exporting, actions };
}
