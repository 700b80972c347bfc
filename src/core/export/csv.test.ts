import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCsvWriter, csvField, exportCsv } from './csv.ts';
import { createMemorySink, type RecordSource } from './types.ts';
import { createColumnCollector, knownColumns } from './flatten.ts';

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

test('csv: a key "a.b" and a nested a → b are two columns; no value is dropped', async () => {
  for (const order of [0, 1]) {
    const sink = createMemorySink();
    const both = { 'a.b': 1, a: { b: 2 } };
    const recs = order ? [{ a: { b: 3 } }, both, { 'a.b': 4 }] : [{ 'a.b': 4 }, both, { a: { b: 3 } }];
    const { columns } = await exportCsv(sourceOf([recs]), sink);
    // Whatever came first, the nested path keeps the plain name and the dotted key is quoted.
    const [plain, quoted] = [columns.indexOf('a.b'), columns.indexOf('"a.b"')];
    assert.ok(plain >= 0 && quoted >= 0, JSON.stringify(columns));
    const rows = parseCsv(sink.text()).slice(1);
    const cells = rows.map((r) => [r[plain], r[quoted]]);
    assert.deepEqual(
      cells,
      order
        ? [
            ['3', ''],
            ['2', '1'],
            ['', '4'],
          ]
        : [
            ['', '4'],
            ['2', '1'],
            ['3', ''],
          ],
    );
  }
  // Still-clashing names get a counter; the non-object column and a key "value" too.
  const sink = createMemorySink();
  const { columns } = await exportCsv(
    sourceOf([[{ value: 'key' }, 'bare', { '"a.b"': 5, 'a.b': 6, a: { b: 7 } }]]),
    sink,
  );
  assert.deepEqual(columns, ['value', 'value (2)', '"a.b"', '"a.b" (2)', 'a.b']);
  assert.deepEqual(parseCsv(sink.text()).slice(1), [
    ['key', '', '', '', ''],
    ['', 'bare', '', '', ''],
    ['', '', '5', '6', '7'],
  ]);
});

test('csv: NUL becomes a visible ␀, counted; never a raw NUL byte', async () => {
  const sink = createMemorySink();
  const r = await exportCsv(sourceOf([[{ a: 'x\0y', 'k\0': 'ok' }, { a: '\0' }]]), sink);
  assert.equal(sink.text().includes('\0'), false);
  assert.deepEqual(parseCsv(sink.text()), [
    ['a', 'k␀'],
    ['x␀y', 'ok'],
    ['␀', ''],
  ]);
  assert.equal(r.nulCells, 2, 'cells only, the header is not counted');
  assert.equal(csvField('a\0"b'), '"a␀""b"');
});

test('csv: formula guard sees through leading whitespace and controls, and full-width signs', () => {
  const starts = ['\n=1+2', '\r\n=1', '\t@SUM(A1)', ' =1+2', '\u00a0+1', '\u3000-1', '\u200b=1', '\0=1'];
  const wide = ['＝1+2', '＋1', '－1', '＠SUM(A1)', '﹦1', '﹢1', '﹣1', '﹫x', ' ＝HYPERLINK("x")'];
  for (const s of [...starts, ...wide, '\nplain']) {
    const unquoted = parseCsv(csvField(s) + '\r\n')[0][0];
    assert.equal(unquoted, `'${s.replace(/\0/g, '␀')}`, JSON.stringify(s));
  }
  for (const s of ['a=b', ' a=b', 'x－1', '1-2', 'e@mail'])
    assert.equal(csvField(s).startsWith("'"), false, s);
});

test('csv: a record nested 5000 levels deep exports (columns stop at depth 32, the rest is JSON)', async () => {
  let deep: unknown = 'bottom';
  for (let i = 0; i < 5000; i++) deep = { k: deep };
  let deepArray: unknown = [];
  for (let i = 0; i < 5000; i++) deepArray = [deepArray];
  const sink = createMemorySink();
  const { columns, records } = await exportCsv(sourceOf([[{ id: 1, deep, deepArray }]]), sink);
  assert.equal(records, 1);
  assert.deepEqual(columns, ['id', Array(32).fill('k').join('.').replace(/^k/, 'deep'), 'deepArray']);
  const [, row] = parseCsv(sink.text());
  let rest: unknown = JSON.parse(row[1]);
  for (let i = 0; i < 5000 - 31; i++) rest = (rest as { k: unknown }).k;
  assert.equal(rest, 'bottom');
  assert.equal(row[2], '['.repeat(5001) + ']'.repeat(5001));
});

test('csv: columns collected while the records were written skip pass 1, same output', async () => {
  const batches = [[{ id: 1, a: { b: 2 } }], [{ id: 2, 'a.b': 3, extra: '=x' }]];
  let reads = 0;
  const counted: RecordSource = async function* () {
    reads++;
    yield* batches;
  };
  const twoPass = createMemorySink();
  await exportCsv(counted, twoPass);
  assert.equal(reads, 2);
  const collector = createColumnCollector();
  for (const b of batches) collector.add(b); // as a spooling writer would, page by page
  const onePass = createMemorySink();
  const r = await exportCsv(counted, onePass, {}, collector.known());
  assert.equal(reads, 3, 'one more read, not two');
  assert.equal(onePass.text(), twoPass.text());
  assert.deepEqual(r.columns, ['id', 'a.b', '"a.b"', 'extra']);
});

test('csv: a collector seeded with kept keys goes on as if it had seen the earlier records', () => {
  const early = [{ id: 1, a: { b: 2 } }, 5];
  const late = [
    { id: 2, 'a.b': 3, 'x\\y': { z: [1] } },
    { id: 3, a: { b: 4 } },
  ];
  const whole = createColumnCollector();
  whole.add([...early, ...late]);
  const first = createColumnCollector();
  assert.equal(first.add(early), true);
  const resumed = createColumnCollector(first.keys()); // e.g. after DevTools was closed and reopened
  assert.equal(resumed.add([{ id: 9 }]), false, 'no new column');
  assert.equal(resumed.add(late), true);
  assert.deepEqual(resumed.keys(), whole.keys());
  assert.deepEqual(resumed.known(), whole.known());
  assert.deepEqual(knownColumns(whole.keys()), whole.known());
});

test('csv: records whose keys come in another order than the columns fill the right cells', async () => {
  const sink = createMemorySink();
  const r = await exportCsv(
    sourceOf([[{ a: 1, b: { c: 'x' }, d: true }, { d: false, b: { c: '\0' }, a: 2 }, { b: {}, e: null }, 7]]),
    sink,
  );
  assert.deepEqual(parseCsv(sink.text()), [
    ['a', 'b.c', 'd', 'b', 'e', 'value'],
    ['1', 'x', 'true', '', '', ''],
    ['2', '␀', 'false', '', '', ''],
    ['', '', '', '{}', '', ''],
    ['', '', '', '', '', '7'],
  ]);
  assert.equal(r.nulCells, 1, 'a record written twice (out of order) counts its NUL once');
});

test('csv: a value repeated down a column is written (and its NUL counted) on every row', async () => {
  const sink = createMemorySink();
  const rows = [
    { a: 'x\0"y', b: -0, c: NaN, d: [1] },
    { a: 'x\0"y', b: 0, c: NaN, d: [1] },
    { a: '=1', b: -0, c: 'NaN', d: '[1]' },
    { a: 'x\0"y', b: 1.5, c: null, d: [1] },
  ];
  const w = createCsvWriter(sink, { columns: ['a', 'b', 'c', 'd'] });
  await w.write(rows);
  assert.equal(
    sink.text(),
    'a,b,c,d\r\n' +
      '"x␀""y",0,NaN,[1]\r\n' +
      '"x␀""y",0,NaN,[1]\r\n' +
      "'=1,0,NaN,[1]\r\n" +
      '"x␀""y",1.5,,[1]\r\n',
  );
  assert.equal(w.nulCells, 3);
});

test('csv: a delimiter that can occur in numbers or booleans still quotes them', async () => {
  for (const [delimiter, cell, want] of [
    ['.', 1.5, '"1.5"'],
    ['e', 1e21, '"1e+21"'],
    ['-', -1, `"'-1"`],
    ['t', true, '"true"'],
    [';', 1.5, '1.5'],
  ] as const) {
    const sink = createMemorySink();
    const w = createCsvWriter(sink, { columns: ['a'], delimiter });
    await w.write([{ a: cell }]);
    assert.equal(sink.text(), `a\r\n${want}\r\n`, `${delimiter} ${cell}`);
  }
});
