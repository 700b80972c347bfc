import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createStreamSink } from './stream-sink.ts';

/** A Writable that records each write it gets; `slow` holds each callback until `release()`. */
function recorder(highWaterMark = 16 * 1024, slow = false) {
  const writes: string[] = [];
  const pending: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, cb) {
      writes.push(chunk.toString('utf8'));
      if (slow) pending.push(() => cb());
      else cb();
    },
  });
  const release = () => {
    while (pending.length) pending.shift()!();
  };
  return { stream, writes, release };
}

test('each chunk goes to the stream at once by default', async () => {
  const r = recorder();
  const sink = createStreamSink(r.stream);
  await sink.write('a\n');
  await sink.write('bé\n');
  await sink.flush();
  assert.deepEqual(r.writes, ['a\n', 'bé\n']);
  assert.equal(sink.bytes, 2 + 4, 'UTF-8 bytes');
});

test('holdChars: chunks wait for flush() and go as one write; bytes count them at once', async () => {
  const r = recorder();
  const sink = createStreamSink(r.stream, { holdChars: 1000 });
  await sink.write('a\n');
  await sink.write('bé\n');
  assert.deepEqual(r.writes, [], 'held');
  assert.equal(sink.bytes, 6, 'counted when handed over, as the file store needs');
  await sink.flush();
  assert.deepEqual(r.writes, ['a\nbé\n']);
  await sink.flush();
  assert.deepEqual(r.writes, ['a\nbé\n'], 'nothing held: no empty write');
});

test('holdChars: reaching the limit hands the held chunks over without a flush', async () => {
  const r = recorder();
  const sink = createStreamSink(r.stream, { holdChars: 4 });
  await sink.write('ab');
  assert.deepEqual(r.writes, []);
  await sink.write('cd');
  assert.deepEqual(r.writes, ['abcd']);
  await sink.write('e');
  await sink.flush();
  assert.deepEqual(r.writes, ['abcd', 'e']);
});

test('holdChars: back-pressure still holds the writer until the stream drains', async () => {
  const r = recorder(4, true);
  const sink = createStreamSink(r.stream, { holdChars: 8 });
  await sink.write('1234');
  let done = false;
  const w = sink.write('5678').then(() => (done = true));
  await new Promise((res) => setImmediate(res));
  assert.equal(done, false, 'waits for drain');
  r.release();
  await w;
  assert.deepEqual(r.writes, ['12345678']);
});

test('a failed write is reported by the next write or flush', async () => {
  const stream = new Writable({ write: (_c, _e, cb) => cb(new Error('EIO')) });
  stream.on('error', () => {});
  const sink = createStreamSink(stream, { holdChars: 100 });
  await sink.write('x');
  await assert.rejects(sink.flush(), /EIO/);
  await assert.rejects(sink.write('y'), /EIO/);
});
