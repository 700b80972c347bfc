/**
 * The crawl's progress line on stderr, only when stderr is a terminal: pages (of total), records,
 * rate and ETA. Redrawn at most every 100 ms so a fast crawl does not spend its time painting.
 */
import type { CrawlProgress } from '../core/crawl/types.ts';
import { count } from './output.ts';

export type ProgressOptions = {
  /** Minimum time between redraws. @default 100 */
  intervalMs?: number;
  /** Time source. @default performance.now */
  now?: () => number;
};

export type ProgressBar = {
  update(p: CrawlProgress): void;
  /** Clears the line so following messages start clean. */
  done(): void;
};

const NOOP: ProgressBar = { update() {}, done() {} };

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor(s / 60) % 60).padStart(2, '0')}m`;
}

/**
 * One progress line, fitted to `columns` (a terminal that reports 0 columns counts as 80): parts
 * that do not fit are left out whole, never cut mid-word or after a separator.
 */
export function formatProgress(p: CrawlProgress, columns = 80): string {
  const total = p.totalPages;
  const parts = [total ? `${p.pages}/${total} pages` : count(p.pages, 'page'), count(p.records, 'record')];
  if (p.ratePerSec > 0) parts.push(`${p.ratePerSec.toFixed(p.ratePerSec < 10 ? 1 : 0)} pages/s`);
  if (p.etaMs !== undefined && Number.isFinite(p.etaMs)) parts.push(`ETA ${duration(p.etaMs)}`);
  if (p.retries) parts.push(count(p.retries, 'retry', 'retries'));
  if (p.errors) parts.push(count(p.errors, 'error'));
  let bar = '';
  if (total) {
    const width = 20;
    const filled = Math.min(width, Math.round((p.pages / total) * width));
    bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] `;
  }
  const max = Math.max(10, (columns > 0 ? columns : 80) - 1);
  // A narrow terminal gets the counts without the bar.
  let line = (bar.length + parts[0].length <= max ? bar : '') + parts[0];
  for (const part of parts.slice(1)) {
    if (line.length + 3 + part.length > max) break;
    line += ` · ${part}`;
  }
  return line.length > max ? line.slice(0, max).trimEnd() : line;
}

/** A progress bar on `stream`, or a no-op when it is not a TTY. */
export function createProgressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  opts: ProgressOptions = {},
): ProgressBar {
  if (!stream.isTTY) return NOOP;
  const interval = opts.intervalMs ?? 100;
  const now = opts.now ?? (() => performance.now());
  let last = -Infinity;
  let drawn = false;
  return {
    update(p) {
      const t = now();
      if (t - last < interval) return;
      last = t;
      drawn = true;
      stream.write(`\r\x1b[2K${formatProgress(p, stream.columns || 80)}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
