/** Reads an NDJSON file back as batches of records: the second and later passes of a CSV export. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RecordSource } from '../core/export/types.ts';

/**
 * A re-readable source over an NDJSON file. Each call streams the file again, so memory stays at
 * one batch. A blank line is skipped; a line that is not JSON throws with its line number.
 */
export function ndjsonFileSource(path: string, batchSize = 1000): RecordSource {
  return async function* () {
    const lines = createInterface({
      input: createReadStream(path, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    let batch: unknown[] = [];
    let n = 0;
    for await (const line of lines) {
      n++;
      if (!line) continue;
      try {
        batch.push(JSON.parse(line));
      } catch {
        throw new Error(`${path}:${n}: not a JSON line`);
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  };
}
