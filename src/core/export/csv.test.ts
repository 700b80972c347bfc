import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCsvWriter, csvField, exportCsv } from './csv.ts';
import { createMemorySink, type RecordSource } from './types.ts';

const sourceOf = (batches: unknown[][]): RecordSource =>
  async function* () {
    yield* batches;
  };

/** A small RFC 4180 reader, so tests check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n')
      (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else field += c;
  }
  assert.equal(field + row.length, '0', 'ends with CRLF');
  return rows;
}

test('csv: RFC 4180 quoting of quotes, commas, CR and LF', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('line1\nline2'), '"line1\nline2"');
  assert.equal(csvField('a\rb'), '"a\rb"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(true), 'true');
  assert.equal(csvField(1.5), '1.5');
});

test('csv: formula injection is neutralised', () => {
  for (const s of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")']) {
    const f = csvField(s);
    const unquoted = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
    assert.equal(unquoted, `'${s}`, JSON.stringify(s));
  }
  assert.equal(csvField('a=b'), 'a=b');
  assert.equal(csvField(-5), "'-5", 'negative numbers too by default');
  assert.equal(csvField(-5, { formulaGuard: 'strings' }), '-5');
  assert.equal(csvField('-5', { formulaGuard: 'strings' }), "'-5", 'strings always');
});

test('csv: header is the union of columns, nested keys flattened, arrays as JSON text', async () => {
  const sink = createMemorySink();
  const recs = [
    { id: 1, user: { name: 'Ann', address: { city: 'Zürich' } }, tags: ['a', 'b'] },
    { id: 2, extra: 'late column', user: { name: '李' }, empty: {}, none: null },
    [1, 2],
    'just text',
  ];
  const { columns, records } = await exportCsv(sourceOf([recs.slice(0, 1), recs.slice(1)]), sink);
  assert.deepEqual(columns, [
    'id',
    'user.name',
    'user.address.city',
    'tags',
    'extra',
    'empty',
    'none',
    'value',
  ]);
  assert.equal(records, 4);
  const rows = parseCsv(sink.text());
  assert.deepEqual(rows, [
    columns,
    ['1', 'Ann', 'Zürich', '["a","b"]', '', '', '', ''],
    ['2', '李', '', '', 'late column', '{}', '', ''],
    ['', '', '', '', '', '', '', '[1,2]'],
    ['', '', '', '', '', '', '', 'just text'],
  ]);
});

test('csv: injection inside nested values and column names', async () => {
  const sink = createMemorySink();
  await exportCsv(sourceOf([[{ '=cmd': 1, a: { b: '@evil' }, list: ['=x'] }]]), sink);
  const rows = parseCsv(sink.text());
  assert.deepEqual(rows[0], ["'=cmd", 'a.b', 'list']);
  assert.deepEqual(rows[1], ['1', "'@evil", '["=x"]']);
});

test('csv: no records → empty output; bom and delimiter options', async () => {
  const empty = createMemorySink();
  await exportCsv(sourceOf([]), empty);
  assert.equal(empty.text(), '');
  const sink = createMemorySink();
  const w = createCsvWriter(sink, { columns: ['a', 'b'], delimiter: ';', bom: true });
  await w.write([{ a: 'x;y', b: 'é' }]);
  await w.close();
  assert.equal(sink.text(), '\uFEFFa;b\r\n"x;y";é\r\n');
  assert.throws(() => createCsvWriter(sink, { columns: [], delimiter: '"' }));
});
