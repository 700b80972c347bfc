/** NDJSON (one JSON value per line, `\n`-terminated): the format that streams and appends best. */
import { stringifyJson } from './deep-json.ts';
import { CHUNK_CHARS, type RecordWriter, type TextSink } from './types.ts';

export type NdjsonWriterOptions = {
  /** Records already in the output from an earlier run (resume); only counted. @default 0 */
  alreadyWritten?: number;
};

/**
 * Writes each batch as chunks of lines (types.ts CHUNK_CHARS). `JSON.stringify` escapes CR/LF inside strings, so a
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
      let chunk = '';
      for (const r of records) {
        chunk += stringifyJson(r) + '\n';
        count++;
        if (chunk.length >= CHUNK_CHARS) {
          await sink.write(chunk);
          chunk = '';
        }
      }
      if (chunk) await sink.write(chunk);
    },
    async close() {},
  };
}
