/**
 * Response bodies for the CLI's HTTP client (http.ts): the decoded-size limit, counted as bytes
 * come, and Content-Encoding decoding — gzip, deflate (zlib-wrapped or raw, as browsers read it)
 * and br, stacked codings in reverse order.
 */
import { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { formatBytes } from '../core/bytes.ts';
import { BODY_TOO_LARGE } from '../core/ports.ts';

/** What `fetch` rejects with when a decoded body passes `maxBodyBytes` (code `EBODYTOOLARGE`). */
export class BodyTooLargeError extends Error {
  readonly code = BODY_TOO_LARGE;
  constructor(readonly limit: number) {
    super(`response body larger than ${formatBytes(limit)} once decoded (raise the limit with --max-body)`);
    this.name = 'BodyTooLargeError';
  }
}

/** True when `head` starts with a zlib header (RFC 1950): deflate method, check bits valid. */
function isZlibHeader(head: Buffer): boolean {
  return (head[0] & 0x0f) === 8 && ((head[0] << 8) | head[1]) % 31 === 0;
}

/**
 * `Content-Encoding: deflate` as browsers read it: zlib-wrapped (RFC 9110) or, as some servers send
 * it, raw deflate. The first two bytes decide.
 */
function inflateAny(): Transform {
  let inner: zlib.Inflate | zlib.InflateRaw | undefined;
  let head: Buffer | undefined;
  const start = (chunk: Buffer) => {
    inner = chunk.length >= 2 && isZlibHeader(chunk) ? zlib.createInflate() : zlib.createInflateRaw();
    inner.on('data', (d: Buffer) => t.push(d));
    inner.on('error', (e) => t.destroy(e));
    inner.write(chunk);
  };
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (inner) return void inner.write(chunk, () => cb());
      head = head ? Buffer.concat([head, chunk]) : chunk;
      if (head.length < 2) return cb();
      start(head);
      head = undefined;
      cb();
    },
    flush(cb) {
      if (!inner) start(head ?? Buffer.alloc(0));
      inner!.once('end', () => cb());
      inner!.end();
    },
    destroy(err, cb) {
      inner?.destroy();
      cb(err);
    },
  });
  return t;
}

function decoder(encoding: string): NodeJS.ReadWriteStream | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return inflateAny();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/** Decoders for a Content-Encoding list, in decoding order (the last coding applied first). */
export function decoders(encoding: string | undefined): NodeJS.ReadWriteStream[] {
  if (encoding === undefined) return [];
  const codings = (encoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  const out: NodeJS.ReadWriteStream[] = [];
  for (const c of codings.reverse()) {
    const d = decoder(c);
    if (!d) return []; // an unknown coding: hand the bytes over as they are, as before
    out.push(d);
  }
  return out;
}

/** Body chunks counted against `maxBody` as they come, then read as UTF-8 text. */
export function bodyCollector(maxBody: number): {
  /** Keeps the chunk, or answers the error to fail with once the body passes the limit. */
  add(chunk: Buffer): BodyTooLargeError | undefined;
  text(): string;
} {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    add(chunk) {
      size += chunk.length;
      if (size > maxBody) {
        chunks.length = 0;
        return new BodyTooLargeError(maxBody);
      }
      chunks.push(chunk);
    },
    text: () => (chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')),
  };
}

/**
 * A response body decoded (Content-Encoding list) to text. Counts decoded bytes as they come and
 * stops at `maxBody` (a gzip bomb fails after the limit, never after inflating all of it).
 */
export function readDecodedText(
  res: NodeJS.ReadableStream & { destroy(error?: Error): void },
  chain: NodeJS.ReadWriteStream[],
  maxBody: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const stages: NodeJS.ReadableStream[] = [res];
    for (const d of chain) stages.push(stages[stages.length - 1].pipe(d));
    const stream = stages[stages.length - 1];
    const body = bodyCollector(maxBody);
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      for (const d of chain) (d as unknown as Transform).destroy();
      res.destroy();
      reject(e);
    };
    for (const s of stages) s.on('error', fail);
    stream.on('data', (c: Buffer) => {
      const tooLarge = body.add(c);
      if (tooLarge) fail(tooLarge);
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(body.text());
    });
  });
}
