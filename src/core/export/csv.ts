/**
 * CSV export (RFC 4180: CRLF line ends, fields with `"` `,` CR or LF quoted, quotes doubled).
 *
 * The header must be the union of every record's columns, which a stream cannot know up front, so
 * the export makes two passes over a re-readable source: pass 1 collects columns, pass 2 writes.
 * Memory stays bounded by the columns and one batch. The CLI spools records as NDJSON during a
 * crawl and converts at the end; the panel reads IndexedDB twice.
 *
 * Formula injection (OWASP "CSV Injection"): a cell starting with `=` `+` `-` `@` TAB or CR is
 * prefixed with `'` so spreadsheets show it as text instead of evaluating it.
 */
import { flattenRecord, createColumnCollector, type Cell } from './flatten.ts';
import type { RecordSource, RecordWriter, TextSink } from './types.ts';

export type CsvOptions = {
  /** Field separator (one character). @default ',' */
  delimiter?: string;
  /** Start with a UTF-8 byte order mark so Excel reads non-ASCII text right. @default false */
  bom?: boolean;
  /**
   * Which cells the formula guard applies to. `'all'` also prefixes negative numbers (`'-5`),
   * as OWASP advises; `'strings'` leaves JSON numbers alone, which cannot be formulas. @default 'all'
   */
  formulaGuard?: 'all' | 'strings';
};

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, neutralised and quoted as needed. */
export function csvField(cell: Cell, opts: CsvOptions = {}): string {
  if (cell === null) return '';
  let s = typeof cell === 'string' ? cell : String(cell);
  const guard = typeof cell === 'string' || (opts.formulaGuard ?? 'all') === 'all';
  if (guard && FORMULA_START.test(s)) s = `'${s}`;
  const d = opts.delimiter ?? ',';
  if (s.includes('"') || s.includes(d) || s.includes('\n') || s.includes('\r'))
    s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** A writer for known columns: the header goes out with the first batch (or on close). */
export function createCsvWriter(
  sink: TextSink,
  opts: CsvOptions & { columns: readonly string[] },
): RecordWriter {
  const d = opts.delimiter ?? ',';
  if (d.length !== 1 || /["\r\n]/.test(d)) throw new Error(`bad CSV delimiter ${JSON.stringify(d)}`);
  const columns = [...opts.columns];
  let headerDone = false;
  let closed = false;
  let count = 0;
  const header = () => {
    headerDone = true;
    const names = columns.map((c) => csvField(c, opts)).join(d);
    return (opts.bom ? '\uFEFF' : '') + (columns.length ? names + '\r\n' : '');
  };
  return {
    get count() {
      return count;
    },
    async write(records) {
      let chunk = headerDone ? '' : header();
      for (const r of records) {
        const cells = flattenRecord(r);
        let line = '';
        for (let i = 0; i < columns.length; i++)
          line += (i ? d : '') + csvField(cells.get(columns[i]) ?? null, opts);
        chunk += line + '\r\n';
      }
      count += records.length;
      if (chunk) await sink.write(chunk);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (!headerDone && (opts.bom || columns.length)) await sink.write(header());
    },
  };
}

/** Pass 1: the union of columns over the source, in order of first appearance. */
export async function collectColumns(source: RecordSource): Promise<string[]> {
  const collector = createColumnCollector();
  for await (const batch of source()) collector.add(batch);
  return collector.columns();
}

/** Both passes: learns the columns, then writes header and rows. Returns what it wrote. */
export async function exportCsv(
  source: RecordSource,
  sink: TextSink,
  opts: CsvOptions = {},
): Promise<{ records: number; columns: string[] }> {
  const columns = await collectColumns(source);
  const writer = createCsvWriter(sink, { ...opts, columns });
  for await (const batch of source()) await writer.write(batch);
  await writer.close();
  return { records: writer.count, columns };
}
