/**
 * The one place that picks a writer by export format, for the panel's dataset exports and the
 * CLI's file store alike. NDJSON and JSON stream record batches as they come; CSV needs every
 * record's columns before its header: both stores collect them while the crawl writes, so the
 * export reads the records once; without them it reads a re-readable source twice (csv.ts).
 */
import { exportCsv, type CsvOptions } from './csv.ts';
import type { KnownColumns } from './flatten.ts';
import { createJsonArrayWriter } from './json.ts';
import { createNdjsonWriter } from './ndjson.ts';
import type { ExportFormat, RecordSource, RecordWriter, TextSink } from './types.ts';

/** The formats written batch by batch as records arrive. */
export type StreamFormat = Exclude<ExportFormat, 'csv'>;

/** The MIME type of each export format, for downloads. */
export const EXPORT_MIME: Readonly<Record<ExportFormat, string>> = {
  ndjson: 'application/x-ndjson',
  json: 'application/json',
  csv: 'text/csv',
};

/**
 * A streaming writer for `format`. With `resume`, it continues an output that already holds
 * `alreadyWritten` records (a JSON array whose `]` was cut off; NDJSON lines).
 */
export function createRecordWriter(
  format: StreamFormat,
  sink: TextSink,
  resume?: { alreadyWritten: number },
): RecordWriter {
  if (format === 'json') return createJsonArrayWriter(sink, resume ? { resume } : {});
  return createNdjsonWriter(sink, resume ? { alreadyWritten: resume.alreadyWritten } : {});
}

/**
 * Writes every record of `source` to `sink` in `format` (CSV in two passes over the source, or one
 * with `csvColumns` collected while the records were written: see `exportCsv`) and returns how
 * many were written.
 */
export async function writeRecords(
  source: RecordSource,
  format: ExportFormat,
  sink: TextSink,
  csv: CsvOptions = {},
  csvColumns?: KnownColumns,
): Promise<number> {
  if (format === 'csv') return (await exportCsv(source, sink, csv, csvColumns)).records;
  const writer = createRecordWriter(format, sink);
  for await (const batch of source()) await writer.write(batch);
  await writer.close();
  return writer.count;
}
