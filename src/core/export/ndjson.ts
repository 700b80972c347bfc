/** NDJSON (one JSON value per line, `\n`-terminated): the format that streams and appends best. */
import { stringifyJson } from './deep-json.ts';
import type { RecordWriter, TextSink } from './types.ts';

export type NdjsonWriterOptions = {
  /** Records already in the output from an earlier run (resume); only counted. @default 0 */
  alreadyWritten?: number;
};

/**
 * Writes each batch as one chunk of lines. `JSON.stringify` escapes CR/LF inside strings, so a
 * record can never break across lines; U+2028/U+2029 stay literal, which JSON allows. Records of any
 * nesting depth are written (deep-json.ts).
 */
export function createNdjsonWriter(sink: TextSink, opts: NdjsonWriterOptions = {}): RecordWriter {
  let count = opts.alreadyWritten ?? 0;
  return {
    get count() {
      return count;
    },
    async write(records) {
      if (!records.length) return;
      let chunk = '';
      for (const r of records) chunk += stringifyJson(r) + '\n';
      count += records.length;
      await sink.write(chunk);
    },
    async close() {},
  };
}
