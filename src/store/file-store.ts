/**
 * The CLI's CrawlSink. Each page's records are appended to the record file through an exporter
 * (held in memory until the next state save, so the disk sees one write per save, not per page);
 * the checkpoint is saved (atomically, at most every `stateIntervalMs`, always on finish) together
 * with the length of the record file it covers, and only after those bytes are flushed. A crawl
 * killed anywhere resumes exactly: the record file is cut back to the saved length (dropping pages
 * written after the saved checkpoint, or JSON's closing `]`), and the engine continues from the
 * checkpoint, fetching those pages again. Nothing is lost, nothing is written twice.
 *
 * Per format: NDJSON appends. JSON keeps the array open while crawling (`[` + records) and writes
 * `\n]\n` on finish; a resume cuts that trailer off and continues with `,`. CSV cannot append (its
 * header is the union of all columns), so records are spooled as NDJSON next to the output, their
 * columns collected on the way (and kept in the state), and the CSV is assembled in one read of the
 * spool on finish (temp file + rename); a resume appends to the spool and re-assembles. With stdout
 * as output, a resumed run prints what it fetched (CSV: all spooled records).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, stat, truncate } from 'node:fs/promises';
import { once } from 'node:events';
import type { Checkpoint, CrawledPage, CrawlSink } from '../core/crawl/types.ts';
import type { CsvOptions } from '../core/export/csv.ts';
import { createColumnCollector } from '../core/export/flatten.ts';
import type { ExportFormat } from '../core/export/types.ts';
import { createRecordWriter, writeRecords } from '../core/export/write-records.ts';
import { removeCrawlState, saveCrawlState, type CrawlStateFile } from './crawl-state-file.ts';
import { ndjsonFileSource } from './ndjson-file-source.ts';
import { createStateSaver } from './state-saver.ts';
import { createStreamSink, endStream } from './stream-sink.ts';

/** Stream buffer: a whole batch fits, so serialising the next one overlaps the disk write. */
const WRITE_BUFFER = 1 << 20;

export type FileStoreOptions = {
  format: ExportFormat;
  /** Output file; null writes records to `stdout`. */
  out: string | null;
  stdout: NodeJS.WritableStream;
  /** Where the resume state is saved after every page. */
  statePath: string;
  startUrl: string;
  /** Names (never values) of the request headers, saved to remind a resume. @default [] */
  headerNames?: string[];
  /** Request headers known to be harmless (`isStorableHeader`), saved so a resume replays them. */
  headers?: CrawlStateFile['headers'];
  /** The first request's method and body, saved so a resume repeats them. */
  request?: CrawlStateFile['request'];
  /** Limits and delays, saved so a resume keeps them. */
  options?: CrawlStateFile['options'];
  /** A state loaded from `--resume`: continue its record file. */
  resume?: CrawlStateFile;
  /** Least time between two state saves; 0 saves after every page. @default 200 */
  stateIntervalMs?: number;
  /** CSV options. @default {} */
  csv?: CsvOptions;
};

export type FileStore = CrawlSink & {
  /** Records written, earlier runs included. */
  readonly records: number;
  /** Resolves once every page handed over so far is on disk with its state saved. */
  sync(): Promise<void>;
  /** Closes the output (assembling CSV). `complete` removes the state file and spool. */
  finish(checkpoint: Checkpoint | null, complete: boolean): Promise<void>;
  /** After a failed write: closes the output without writing more; the saved state stays as it was. */
  abandon(): Promise<void>;
};

/** Opens (or, with `resume`, re-opens) the output. Throws a one-line Error when it cannot. */
export async function openFileStore(o: FileStoreOptions): Promise<FileStore> {
  const recordFile = o.format === 'csv' ? `${o.out ?? o.statePath}.part.ndjson` : o.out;
  const resumeFile = o.resume && recordFile ? o.resume : undefined;
  let base = 0;
  let records = o.resume?.records ?? 0;
  if (resumeFile && recordFile) {
    const want = resumeFile.recordBytes ?? 0;
    const size = await stat(recordFile).then(
      (s) => s.size,
      () => -1,
    );
    if (size < want)
      throw new Error(
        `${recordFile} is shorter than the state says (${size < 0 ? 'missing' : size + ' bytes'}, expected ${want}); it changed since the crawl stopped`,
      );
    await truncate(recordFile, want);
    base = want;
  }
  let file: WriteStream | null = null;
  if (recordFile) {
    file = createWriteStream(recordFile, { flags: resumeFile ? 'a' : 'w', highWaterMark: WRITE_BUFFER });
    try {
      await once(file, 'open'); // rejects with the stream's 'error'
    } catch (e) {
      throw new Error(
        `cannot write ${recordFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    // A write error (ENOSPC) reaches the writer through its callback; without a listener the
    // stream's 'error' event would also end the process.
    file.on('error', () => {});
  }
  // A file's records wait in memory for the next state save (≤ stateIntervalMs, or 1 MiB): one
  // disk write per save instead of one per page. Nothing is at risk — a kill loses only pages after
  // the saved state, which a resume cuts back and fetches again anyway. stdout gets each page at once.
  // A closed stdout (EPIPE) is reported through the writes too, never as an unhandled 'error' event.
  const ignore = () => {};
  if (!file) o.stdout.on('error', ignore);
  const sink = createStreamSink(file ?? o.stdout, { holdChars: file ? WRITE_BUFFER : 0 });
  // CSV is spooled as NDJSON while crawling and assembled at the end (its header needs every column).
  const writer = createRecordWriter(
    o.format === 'csv' ? 'ndjson' : o.format,
    sink,
    resumeFile && base > 0 ? { alreadyWritten: records } : undefined,
  );
  let recordBytes: number | null = file ? base : null;
  // CSV columns are collected as records are spooled, so the assembly reads the spool once. A
  // resumed spool holds records this run never saw: their columns come from the state, which keeps
  // them; a state written before it did leaves the assembly to collect them in a first pass.
  const seed = base === 0 ? [] : resumeFile?.columns;
  const columns = o.format === 'csv' && seed ? createColumnCollector(seed) : null;

  /** The state after a page: the output's length, record and column counts then, with that page's checkpoint. */
  type Mark = { recordBytes: number | null; records: number; columns: number; at: number };
  const mark = (): Mark => ({ recordBytes, records, columns: columns?.size() ?? 0, at: Date.now() });
  const state = (checkpoint: Checkpoint, m: Mark = mark()): CrawlStateFile => ({
    tool: 'pagescope-crawl',
    version: 1,
    startUrl: o.startUrl,
    format: o.format,
    out: o.out,
    recordFile,
    recordBytes: m.recordBytes,
    records: m.records,
    // Columns only grow: the first `m.columns` are those of the records within recordBytes.
    ...(columns ? { columns: columns.keys().slice(0, m.columns) } : {}),
    headerNames: o.headerNames ?? [],
    ...(o.headers?.length ? { headers: o.headers } : {}),
    ...(o.request && (o.request.method !== 'GET' || o.request.body !== undefined)
      ? { request: o.request }
      : {}),
    ...(o.options ? { options: o.options } : {}),
    checkpoint,
    updatedAt: new Date(m.at).toISOString(),
  });

  // State saves run behind the writer: the engine gets control back as soon as a page's text is
  // handed to the sink. A save always follows a flush of every byte it counts, and saves are
  // spaced by `stateIntervalMs` (only the newest state matters; a big checkpoint costs ~1 ms to
  // write). A kill in between loses nothing: the resume cuts the records back to the saved state.
  // A state is offered per page but built (and its checkpoint's lists copied) only when saved, and
  // the save starts after the current turn of the event loop — after the engine's next request.
  const saver = createStateSaver(async (make: () => CrawlStateFile) => {
    await new Promise((r) => setImmediate(r));
    await sink.flush();
    await saveCrawlState(o.statePath, make());
  }, o.stateIntervalMs ?? 200);

  return {
    get records() {
      return records;
    },
    /** Calls must not overlap (the engine awaits each page before the next). */
    async writePage(_page: CrawledPage, recs: unknown[], checkpoint: Checkpoint) {
      await writer.write(recs);
      columns?.add(recs);
      records += recs.length;
      if (file) recordBytes = base + sink.bytes;
      const m = mark();
      saver.offer(() => state(checkpoint, m));
    },
    sync: () => saver.settle(),
    async finish(checkpoint, complete) {
      await saver.settle();
      // The saved length stays the one before the trailer, so a resume can cut it off.
      if (checkpoint && !complete) {
        await sink.flush();
        await saveCrawlState(o.statePath, state(checkpoint));
      }
      await writer.close();
      await sink.flush();
      if (file) await endStream(file);
      if (o.format === 'csv' && recordFile) {
        const tmp = o.out ? `${o.out}.${process.pid}.tmp` : null;
        const dest = tmp ? createWriteStream(tmp, { highWaterMark: WRITE_BUFFER }) : null;
        dest?.on('error', () => {}); // reported through the writes; see the record file's stream
        const csvSink = createStreamSink(dest ?? o.stdout);
        try {
          const known = columns?.known();
          await writeRecords(ndjsonFileSource(recordFile), 'csv', csvSink, o.csv, known);
          await csvSink.flush();
          if (dest && tmp && o.out) {
            await endStream(dest);
            await rename(tmp, o.out);
          }
        } catch (e) {
          // A failed assembly (a full disk) leaves no temp file; the spool and state stay for a resume.
          dest?.destroy();
          if (tmp) await rm(tmp, { force: true });
          throw e;
        }
        if (complete) await rm(recordFile, { force: true });
      }
      if (complete) await removeCrawlState(o.statePath);
      o.stdout.off('error', ignore);
    },
    async abandon() {
      await saver.settle().catch(() => {});
      file?.destroy();
      o.stdout.off('error', ignore);
    },
  };
}
