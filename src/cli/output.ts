/** What the crawl command tells the user: the summary line, the --json line, how to resume. */
import type { CrawlSummary, StoppedReason } from '../core/crawl/types.ts';
import { shellQuote } from '../core/shell-quote.ts';
import { UsageError } from './args.ts';

/** The fields of `--json`'s summary line, in this order. */
export type SummaryJson = Pick<
  CrawlSummary,
  'pages' | 'records' | 'duplicates' | 'errors' | 'retries' | 'stoppedReason' | 'elapsedMs'
> &
  Partial<Pick<CrawlSummary, 'notes'>>;

export function summaryJson(s: SummaryJson): string {
  const { pages, records, duplicates, errors, retries, stoppedReason } = s;
  return JSON.stringify({
    pages,
    records,
    duplicates,
    errors,
    retries,
    stoppedReason,
    elapsedMs: Math.round(s.elapsedMs),
    // What the crawl met and how it chose (the links and the page numbers disagreed, …).
    ...(s.notes?.length ? { notes: s.notes } : {}),
  });
}

/** Exit code per reason: the crawl finished (or hit a limit the user set) → 0; Ctrl+C → 130; else 1. */
export function exitCodeFor(reason: StoppedReason): number {
  if (reason === 'done' || reason === 'max-pages' || reason === 'max-records' || reason === 'not-paginated')
    return 0;
  return reason === 'aborted' ? 130 : 1;
}

const WHY: Record<StoppedReason, string> = {
  done: 'done',
  'max-pages': 'stopped at --max-pages',
  'max-records': 'stopped at --max-records',
  loop: 'stopped: the API repeated itself',
  error: 'stopped on an error',
  aborted: 'interrupted',
  'not-paginated': 'not paginated',
};

/** `1 page`, `2 pages`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line: counts, time, why it stopped, where the records went. */
export function summaryLine(s: CrawlSummary, dest: string): string {
  const secs = (s.elapsedMs / 1000).toFixed(s.elapsedMs < 10_000 ? 2 : 0);
  const extras = [
    count(s.duplicates, 'duplicate'),
    count(s.errors, 'error'),
    count(s.retries, 'retry', 'retries'),
  ].join(', ');
  const detail =
    s.detail && s.stoppedReason !== 'done' && s.detail !== s.stoppedReason ? ` (${s.detail})` : '';
  const notes = s.notes?.length ? `; note: ${s.notes.join('; ')}` : '';
  return `${count(s.pages, 'page')}, ${count(s.records, 'record')} (${extras}) in ${secs} s — ${WHY[s.stoppedReason]}${detail}${notes} → ${dest}`;
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gib: 1024 ** 3,
};

/** `256MiB`, `1.5 GB`, `1048576` → bytes; a usage error otherwise. */
export function byteSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined || !(Number(m[1]) * unit >= 1))
    throw new UsageError(
      `--max-body takes a size such as 256MiB, 1GB or 1048576, not ${JSON.stringify(text)}`,
    );
  return Math.floor(Number(m[1]) * unit);
}

/** The command that continues a stopped crawl. Header values are not repeated (they may be secret). */
export function resumeHint(statePath: string, headerNames: readonly string[]): string {
  const hs = headerNames.map((n) => ` -H ${shellQuote(`${n}: …`, { bare: true })}`).join('');
  return `resume with: pagescope crawl --resume ${shellQuote(statePath, { bare: true })}${hs}`;
}
