/**
 * Shapes shared by the streaming exporters. A writer turns batches of records into text and hands
 * it to a sink; the sink is the only thing that knows where text goes (a Node stream with
 * back-pressure in the CLI, Blob parts in the panel, an array in tests).
 */

/**
 * Writers hand their text to the sink in chunks of about this many characters (more for a single
 * record longer than that), not one string per batch: a batch-sized string is a "large object" to
 * V8, promoted whole if a GC meets it alive and then kept until a full GC — tens of MB over a long
 * export. Small chunks die young.
 */
export const CHUNK_CHARS = 16 * 1024;

/** Where exported text goes. Return a promise to make the writer wait (back-pressure). */
export type TextSink = { write(chunk: string): Promise<void> | void };

/** A streaming writer over batches of records. Call `close()` once, after the last batch. */
export type RecordWriter = {
  /** Serialises one batch into a single chunk and writes it. Never evaluates a record. */
  write(records: readonly unknown[]): Promise<void>;
  /** Writes the trailer (JSON's `]`; CSV's header when no record came). Idempotent. */
  close(): Promise<void>;
  /** Records written so far (including those counted by `resume`). */
  readonly count: number;
};

/**
 * Batches of records that can be read more than once, e.g. the records kept in IndexedDB or a
 * spool file. CSV needs two passes: one to learn the columns, one to write.
 */
export type RecordSource = () => AsyncIterable<readonly unknown[]>;

export type ExportFormat = 'ndjson' | 'json' | 'csv';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['ndjson', 'json', 'csv'];

/** A sink that keeps every chunk in memory, for tests and small exports. */
export function createMemorySink(): TextSink & { chunks: string[]; text(): string } {
  const chunks: string[] = [];
  return { chunks, write: (c) => void chunks.push(c), text: () => chunks.join('') };
}
