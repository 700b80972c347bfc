import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNdjsonWriter } from './ndjson.ts';
import { createJsonArrayWriter } from './json.ts';
import { createMemorySink } from './types.ts';

test('ndjson: one line per record, newlines inside strings escaped, unicode kept', async () => {
  const sink = createMemorySink();
  const w = createNdjsonWriter(sink);
  await w.write([
    { id: 1, text: 'a\nb\r\nc' },
    { id: 2, name: 'Zoë 日本 🎉', sep: '\u2028' },
  ]);
  await w.write([]);
  await w.write([null, 3, 'x']);
  await w.close();
  const lines = sink.text().split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, 5);
  assert.deepEqual(JSON.parse(lines[0]), { id: 1, text: 'a\nb\r\nc' });
  assert.deepEqual(JSON.parse(lines[1]), { id: 2, name: 'Zoë 日本 🎉', sep: '\u2028' });
  assert.deepEqual(
    lines.slice(2).map((l) => JSON.parse(l)),
    [null, 3, 'x'],
  );
  assert.equal(w.count, 5);
  assert.equal(sink.chunks.length, 2, 'one chunk per non-empty batch');
});

test('ndjson: waits for the sink (back-pressure)', async () => {
  const order: string[] = [];
  let release!: () => void;
  const w = createNdjsonWriter({
    write: () => new Promise<void>((r) => (release = () => (order.push('drained'), r()))),
  });
  const p = w.write([{ a: 1 }]).then(() => order.push('written'));
  await Promise.resolve();
  assert.deepEqual(order, []);
  release();
  await p;
  assert.deepEqual(order, ['drained', 'written']);
});

test('json array: valid JSON for zero, one and many batches', async () => {
  for (const batches of [[], [[]], [[{ a: 1 }]], [[{ a: 1 }, { b: '"q"' }], [], [[1, 2]]]] as unknown[][][]) {
    const sink = createMemorySink();
    const w = createJsonArrayWriter(sink);
    for (const b of batches) await w.write(b);
    await w.close();
    await w.close();
    assert.deepEqual(JSON.parse(sink.text()), batches.flat());
  }
});

test('json array: resume continues an array whose trailer was cut off', async () => {
  const first = createMemorySink();
  const w1 = createJsonArrayWriter(first);
  await w1.write([{ id: 1 }, { id: 2 }]);
  const body = first.text(); // what the file holds before the trailer
  const second = createMemorySink();
  const w2 = createJsonArrayWriter(second, { resume: { alreadyWritten: 2 } });
  await w2.write([{ id: 3 }]);
  await w2.close();
  assert.deepEqual(JSON.parse(body + second.text()), [{ id: 1 }, { id: 2 }, { id: 3 }]);
  assert.equal(w2.count, 3);
  // Resuming an array that had its `[` but no record yet.
  const third = createMemorySink();
  const w3 = createJsonArrayWriter(third, { resume: { alreadyWritten: 0 } });
  await w3.write([{ id: 1 }]);
  await w3.close();
  assert.deepEqual(JSON.parse('[' + third.text()), [{ id: 1 }]);
});

test('ndjson and json array: a record nested 5000 levels deep is written whole', async () => {
  const text = '{"a":'.repeat(5000) + '[1]' + '}'.repeat(5000);
  const deep = JSON.parse(text);
  const nd = createMemorySink();
  const w = createNdjsonWriter(nd);
  await w.write([{ id: 1 }, deep, { id: 2 }]);
  assert.equal(nd.text(), `{"id":1}\n${text}\n{"id":2}\n`);
  const js = createMemorySink();
  const a = createJsonArrayWriter(js);
  await a.write([deep]);
  await a.close();
  assert.equal(js.text(), `[\n${text}\n]\n`);
});
