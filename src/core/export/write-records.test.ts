import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemorySink, type RecordSource } from './types.ts';
import { createRecordWriter, EXPORT_MIME, writeRecords } from './write-records.ts';

const records = [{ id: 1, tags: ['a', 'b'] }, { id: 2, note: '@cmd' }, { id: 3 }];
const source: RecordSource = async function* () {
  yield records.slice(0, 2);
  yield records.slice(2);
};

test('one switch writes each format: NDJSON lines, a JSON array, CSV with the union of columns', async () => {
  const out: Record<string, string> = {};
  for (const format of ['ndjson', 'json', 'csv'] as const) {
    const sink = createMemorySink();
    assert.equal(await writeRecords(source, format, sink), 3, format);
    out[format] = sink.text();
  }
  assert.deepEqual(
    out.ndjson
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l)),
    records,
  );
  assert.deepEqual(JSON.parse(out.json), records);
  assert.equal(out.csv, 'id,tags,note\r\n1,"[""a"",""b""]",\r\n2,,\'@cmd\r\n3,,\r\n');
  assert.deepEqual(Object.keys(EXPORT_MIME).sort(), ['csv', 'json', 'ndjson']);
});

test('CSV options reach the CSV writer; a resumed JSON array goes on after the records already written', async () => {
  const semi = createMemorySink();
  await writeRecords(source, 'csv', semi, { delimiter: ';' });
  assert.match(semi.text(), /^id;tags;note\r\n1;/);

  const first = createMemorySink();
  const a = createRecordWriter('json', first);
  await a.write(records.slice(0, 2));
  const cut = first.text(); // the `]` never written: the run stopped here
  const rest = createMemorySink();
  const b = createRecordWriter('json', rest, { alreadyWritten: 2 });
  await b.write(records.slice(2));
  await b.close();
  assert.equal(b.count, 3);
  assert.deepEqual(JSON.parse(cut + rest.text()), records);
});
