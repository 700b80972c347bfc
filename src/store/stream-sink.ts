/**
 * Node's side of the exporters' TextSink: a Writable with back-pressure (`write()` false → wait for
 * `drain`) and a `flush()` that resolves once everything handed over so far has been written —
 * what the file store waits for before it records the output's length in the checkpoint.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { TextSink } from '../core/export/types.ts';

export type StreamSink = TextSink & {
  /** Resolves when every chunk written so far has reached the stream's destination. */
  flush(): Promise<void>;
  /** UTF-8 bytes handed to the stream so far (counted when `write` is called, before any drain). */
  readonly bytes: number;
};

export function createStreamSink(stream: NodeJS.WritableStream | Writable): StreamSink {
  let last: Promise<void> = Promise.resolve();
  let failed: Error | null = null;
  let bytes = 0;
  return {
    get bytes() {
      return bytes;
    },
    async write(chunk) {
      if (failed) throw failed;
      bytes += Buffer.byteLength(chunk);
      let ok = true;
      last = new Promise<void>((resolve, reject) => {
        ok = stream.write(chunk, (e?: Error | null) => {
          if (e) reject((failed = e));
          else resolve();
        });
      });
      last.catch(() => {}); // reported by the next write or flush
      if (!ok) {
        // 'error' rejects `once`, so a broken pipe does not leave the writer waiting forever.
        await once(stream as Writable, 'drain');
      }
    },
    async flush() {
      if (failed) throw failed;
      await last;
    },
  };
}

/** Ends a stream and waits until its file is closed. */
export async function endStream(stream: Writable): Promise<void> {
  if (stream.closed || stream.destroyed) return;
  const done = once(stream, 'close');
  stream.end();
  await done;
}
