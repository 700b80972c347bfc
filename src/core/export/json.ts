/** A JSON array, written as a stream: `[`, records separated by `,\n`, then `]` on close. */
import { stringifyJson } from './deep-json.ts';
import { CHUNK_CHARS, type RecordWriter, type TextSink } from './types.ts';

export type JsonArrayWriterOptions = {
  /**
   * Continue an array whose opening `[` and this many records are already in the output, and
   * whose closing `]` was cut off (the file store truncates to the byte length it saved before
   * the trailer). The writer then writes no `[` and starts with a separator when needed. @default undefined
   */
  resume?: { alreadyWritten: number };
};

/**
 * One record per line, so a partial file is easy to inspect and a resume only needs to cut the
 * trailer `\n]\n` off before going on.
 */
export function createJsonArrayWriter(sink: TextSink, opts: JsonArrayWriterOptions = {}): RecordWriter {
  let count = opts.resume?.alreadyWritten ?? 0;
  let opened = opts.resume !== undefined;
  let closed = false;
  return {
    get count() {
      return count;
    },
    async write(records) {
      if (closed) throw new Error('JSON array writer is closed');
      let chunk = opened ? '' : '[';
      opened = true;
      for (const r of records) {
        chunk += (count === 0 ? '\n' : ',\n') + stringifyJson(r);
        count++;
        if (chunk.length >= CHUNK_CHARS) {
          await sink.write(chunk);
          chunk = '';
        }
      }
      if (chunk) await sink.write(chunk);
    },
    async close() {
      if (closed) return;
      closed = true;
      await sink.write((opened ? '' : '[') + '\n]\n');
    },
  };
}
