/** Reads an NDJSON file back as batches of records: the second and later passes of a CSV export. */
import { createReadStream } from 'node:fs';
import type { RecordSource } from '../core/export/types.ts';

/** Bytes per read: few thread-pool round trips, and no line is ever decoded as part of a bigger string. */
const READ_BYTES = 256 * 1024;

/**
 * A re-readable source over an NDJSON file. Each call streams the file again, so memory stays at
 * one batch and one read buffer. Lines are split on the `\n` byte (never inside a UTF-8 sequence)
 * and each is decoded on its own: no chunk-sized string is built, split and kept alive while its
 * lines are parsed, as readline would. A blank line (or a lone CR) is skipped; a line that is not
 * JSON throws with its line number.
 */
export function ndjsonFileSource(path: string, batchSize = 1000): RecordSource {
  return async function* () {
    let batch: unknown[] = [];
    let n = 0;
    const parse = (buf: Buffer, start: number, end: number) => {
      n++;
      if (end > start && buf[end - 1] === 0x0d) end--; // CRLF
      if (end === start) return;
      try {
        batch.push(JSON.parse(buf.toString('utf8', start, end)));
      } catch {
        throw new Error(`${path}:${n}: not a JSON line`);
      }
    };
    let carry: Buffer | null = null; // the start of a line the last read cut
    for await (const chunk of createReadStream(path, {
      highWaterMark: READ_BYTES,
    }) as AsyncIterable<Buffer>) {
      let start = 0;
      let nl = chunk.indexOf(0x0a);
      if (carry) {
        if (nl < 0) {
          carry = Buffer.concat([carry, chunk]);
          continue;
        }
        const line: Buffer = Buffer.concat([carry, chunk.subarray(0, nl)]);
        carry = null;
        parse(line, 0, line.length);
        start = nl + 1;
        nl = chunk.indexOf(0x0a, start);
      }
      while (nl >= 0) {
        parse(chunk, start, nl);
        start = nl + 1;
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
        nl = chunk.indexOf(0x0a, start);
      }
      if (start < chunk.length) carry = Buffer.from(chunk.subarray(start));
    }
    if (carry) parse(carry, 0, carry.length);
    if (batch.length) yield batch;
  };
}
