/**
 * One export bench run in its own process, so its peak RSS is its own: generate N records in
 * page-sized batches and (unless `baseline`) export them to a file through the core writers and
 * the Node stream sink. Prints `{"records","ms","cpuMs"}` as JSON (cpuMs: this process's user+system
 * CPU for the run, which a busy machine does not inflate); the parent reads peak RSS via /usr/bin/time.
 * export.bench.ts runs it bundled by esbuild, as the CLI ships; it also runs under tsx:
 *   node --import tsx bench/export-child.ts <baseline|ndjson|json|csv|csv-2pass|csv-spool> <records> <file>
 */
import { createWriteStream } from 'node:fs';
import { exportCsv } from '../src/core/export/csv.ts';
import { createColumnCollector, type KnownColumns } from '../src/core/export/flatten.ts';
import { createJsonArrayWriter } from '../src/core/export/json.ts';
import { createNdjsonWriter } from '../src/core/export/ndjson.ts';
import type { RecordWriter } from '../src/core/export/types.ts';
import { ndjsonFileSource } from '../src/store/ndjson-file-source.ts';
import { createStreamSink, endStream } from '../src/store/stream-sink.ts';

const [mode, countText, file] = process.argv.slice(2);
const COUNT = Number(countText);
const BATCH = 1000;

/**
 * The decimal text of a non-negative integer below 1e9 without `String(n)`: every number V8 turns
 * into text in JS goes into its number-string cache, whose entries outlive a few young-generation
 * GCs and get promoted. Records from JSON.parse or IndexedDB (what the exporters really read) hold
 * fresh strings; a generator that cached 1M ids promoted ~20 MB of them and charged it to the writers.
 */
const SMALL = Array.from({ length: 1000 }, (_, i) => String(i));
const PADDED = SMALL.map((d) => d.padStart(3, '0'));
const decimal = (n: number): string =>
  n < 1000
    ? SMALL[n]
    : n < 1e6
      ? SMALL[Math.floor(n / 1000)] + PADDED[n % 1000]
      : SMALL[Math.floor(n / 1e6)] + PADDED[Math.floor(n / 1000) % 1000] + PADDED[n % 1000];

/** Deterministic records shaped like real API rows: nesting, arrays, unicode, CSV-hostile text. */
function* batches(): Generator<unknown[]> {
  for (let start = 0; start < COUNT; start += BATCH) {
    const batch: unknown[] = [];
    for (let id = start; id < Math.min(COUNT, start + BATCH); id++) {
      const d = decimal(id);
      batch.push({
        id,
        name: `Customer ${d}`,
        email: `c${d}@example.test`,
        note: id % 10 === 0 ? `=HYPERLINK("x", "${d}")` : 'ok, "quoted", Zürich 日本',
        address: { city: 'Zürich', zip: String(8000 + (id % 100)), geo: { lat: 47.37, lng: 8.54 } },
        tags: ['a', 'b', String(id % 7)],
        score: id / 7,
        active: id % 2 === 0,
      });
    }
    yield batch;
  }
}

async function toFile(run: (sink: ReturnType<typeof createStreamSink>) => Promise<void>, path = file) {
  const stream = createWriteStream(path, { highWaterMark: 1 << 20 }); // as the file store
  const sink = createStreamSink(stream);
  await run(sink);
  await sink.flush();
  await endStream(stream);
}

async function writeAll(writer: RecordWriter) {
  for (const b of batches()) await writer.write(b);
  await writer.close();
}

// csv: the columns both stores keep while a crawl writes (the panel's dataset row, the CLI's
// spool), collected here before the clock starts, as they are before a user clicks Export.
let known: KnownColumns | undefined;
if (mode === 'csv') {
  const collector = createColumnCollector();
  for (const b of batches()) collector.add(b);
  known = collector.known();
}

const t0 = performance.now();
const c0 = process.cpuUsage();
let n = 0;
if (mode === 'baseline') {
  for (const b of batches()) n += b.length;
} else if (mode === 'ndjson' || mode === 'json') {
  await toFile(async (sink) => {
    const w = mode === 'ndjson' ? createNdjsonWriter(sink) : createJsonArrayWriter(sink);
    await writeAll(w);
    n = w.count;
  });
} else if (mode === 'csv' || mode === 'csv-2pass') {
  // csv: one read with the kept columns; csv-2pass: a dataset without them (begun before the store
  // kept columns): two passes over a re-readable source (here: the generator again).
  await toFile(
    async (sink) =>
      void (n = (
        await exportCsv(
          async function* () {
            yield* batches();
          },
          sink,
          {},
          known,
        )
      ).records),
  );
} else if (mode === 'csv-spool') {
  // What the CLI does (file-store.ts): spool NDJSON while crawling, collecting the CSV columns on
  // the way, then assemble the CSV from the spool in one read.
  const spool = `${file}.part.ndjson`;
  const columns = createColumnCollector();
  await toFile(async (sink) => {
    const w = createNdjsonWriter(sink);
    for (const b of batches()) {
      await w.write(b);
      columns.add(b);
    }
    await w.close();
  }, spool);
  const known = columns.known();
  await toFile(
    async (sink) => void (n = (await exportCsv(ndjsonFileSource(spool), sink, {}, known)).records),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
const cpu = process.cpuUsage(c0);
console.log(
  JSON.stringify({
    records: n,
    ms: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  }),
);
