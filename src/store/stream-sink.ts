/**
 * Node's side of the exporters' TextSink: a Writable with back-pressure (`write()` false → wait for
 * `drain`) and a `flush()` that resolves once everything handed over so far has been written —
 * what the file store waits for before it records the output's length in the checkpoint.
 *
 * Text is encoded straight into a few reused buffers (`BUFFER_BYTES` each); what was written since
 * the last hand-over goes to the stream as a slice of its buffer on `flush()`, when the buffer is
 * full, or — without `holdChars` — after every chunk, and the buffer goes on filling behind it. A
 * full buffer is reused once the stream has written all its slices, so a long export allocates no
 * Buffer per chunk and joins no strings: memory stays at the bytes in flight (bounded by the
 * stream's highWaterMark) instead of growing with garbage the GC has not collected yet.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Size of each reused output buffer. */
const BUFFER_BYTES = 256 * 1024;

export type StreamSinkOptions = {
  /**
   * Hold chunks in memory and hand them to the stream on `flush()`, or as soon as this many
   * characters are held or a buffer is full (then with back-pressure as usual). For a caller that
   * flushes regularly anyway: a file write costs a thread-pool round trip (~0.1–0.3 ms of CPU here),
   * so the crawl's file store writes once per state save instead of once per page. 0 hands every
   * chunk over at once.
   * @default 0
   */
  holdChars?: number;
};

/** A TextSink whose `write` always answers a promise. */
export type StreamSink = {
  /** Resolves once the chunk is handed over (or held), after a drain when the stream asked for one. */
  write(chunk: string): Promise<void>;
  /** Resolves when every chunk written so far has reached the stream's destination. */
  flush(): Promise<void>;
  /** UTF-8 bytes handed to the sink so far (counted when `write` is called, before any drain). */
  readonly bytes: number;
};

/** A reused output buffer: `sent` bytes already handed to the stream, `pending` writes not yet done. */
type Slab = { data: Buffer; used: number; sent: number; pending: number; retired: boolean };

export function createStreamSink(
  stream: NodeJS.WritableStream | Writable,
  opts: StreamSinkOptions = {},
): StreamSink {
  const holdChars = opts.holdChars ?? 0;
  let last: Promise<void> = Promise.resolve();
  let failed: Error | null = null;
  let bytes = 0;
  const free: Slab[] = [];
  let slab: Slab | null = null;
  let heldChars = 0;

  const recycle = (s: Slab) => {
    if (s.retired && s.pending === 0 && free.length < 16) {
      s.used = s.sent = 0;
      s.retired = false;
      free.push(s);
    }
  };

  /** Writes `data` to the stream; `from` (its slab) is recycled once every write from it is done. */
  const send = async (data: Buffer, from: Slab | null): Promise<void> => {
    let ok = true;
    if (from) from.pending++;
    last = new Promise<void>((resolve, reject) => {
      ok = stream.write(data, (e?: Error | null) => {
        if (from) {
          from.pending--;
          recycle(from);
        }
        if (e) reject((failed = e));
        else resolve();
      });
    });
    last.catch(() => {}); // reported by the next write or flush
    if (!ok) {
      // 'error' rejects `once`, so a broken pipe does not leave the writer waiting forever.
      await once(stream as Writable, 'drain');
    }
  };

  /** Hands the text held in the current slab to the stream (the slab goes on filling after it). */
  const release = (): Promise<void> | undefined => {
    heldChars = 0;
    if (!slab || slab.used === slab.sent) return;
    const from = slab.sent;
    slab.sent = slab.used;
    return send(slab.data.subarray(from, slab.used), slab);
  };

  const retire = () => {
    if (!slab) return;
    slab.retired = true;
    recycle(slab);
    slab = null;
  };

  return {
    get bytes() {
      return bytes;
    },
    async write(chunk) {
      if (failed) throw failed;
      if (!chunk) return;
      // UTF-8 takes at most 3 bytes per UTF-16 unit: a chunk that may not fit starts a fresh slab.
      if (slab && slab.used + chunk.length * 3 > slab.data.length) {
        const p = release();
        retire();
        if (p) await p;
      }
      if (chunk.length * 3 > BUFFER_BYTES) {
        const data = Buffer.from(chunk, 'utf8');
        bytes += data.length;
        return send(data, null);
      }
      slab ??= free.pop() ?? {
        data: Buffer.allocUnsafeSlow(BUFFER_BYTES),
        used: 0,
        sent: 0,
        pending: 0,
        retired: false,
      };
      const n = slab.data.write(chunk, slab.used, 'utf8');
      slab.used += n;
      bytes += n;
      heldChars += chunk.length;
      if (heldChars >= holdChars) await release();
    },
    async flush() {
      if (failed) throw failed;
      await release();
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
