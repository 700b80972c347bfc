// Exports from the Datasets view, read back as a user's tools would: the real panel crawls a chain,
// the CSV and JSON buttons download through the browser, and the files are parsed here (JSON.parse;
// a small RFC 4180 reader). Nested records (JSON:API `attributes`) give dot-path columns; a tiny API
// served by this spec carries hostile strings (formulas, markup) and ids beyond 2^53.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CdpFrame, DevToolsHarness } from './devtools-harness.ts';
import { test as base, expect } from './fixtures.ts';
import {
  byTestid,
  clickInRow,
  datasetRow,
  exportNdjson,
  fetchStyle,
  selectRequest,
  showView,
  userClick,
  waitForCrawl,
  type StyleInfo,
} from './crawl-helpers.ts';

/** RFC 4180: CRLF records, `"`-quoted fields with `""` escapes, quoted fields may hold CR/LF and commas. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => (row.push(field), (field = ''));
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') ((field += '"'), i++);
        else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
      if (i < text.length && text[i] !== ',' && text[i] !== '\r')
        throw new Error(`text after a quoted field at ${i}`);
    } else if (c === ',') (endField(), i++);
    else if (c === '\r' && text[i + 1] === '\n') (endField(), rows.push(row), (row = []), (i += 2));
    else if (c === '\r' || c === '\n') throw new Error(`bare ${JSON.stringify(c)} outside quotes at ${i}`);
    else ((field += c), i++);
  }
  if (field !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

/** The cells a record should have, by the export's documented rules: dot paths, arrays as JSON text. */
function expectedCells(record: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(record as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) expectedCells(v, path, out);
    else if (!out.has(path)) {
      const s = v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      out.set(path, /^[=+\-@\t\r]/.test(s) ? `'${s}` : s); // spreadsheets must not evaluate a cell
    }
  }
  return out;
}

/** Downloads dataset `id` as `format` through its row's button; returns the file name and text. */
async function exportAs(h: DevToolsHarness, panel: CdpFrame, id: number, format: 'csv' | 'json') {
  const download = h.waitForDownload(20_000);
  await clickInRow(panel, id, `export-${format}`);
  const d = await download;
  return { name: d.suggestedFilename, text: d.text() };
}

/** Checks the CSV against the JSON export: header = union of columns, each record once, each cell right. */
function checkCsvAgainst(records: Record<string, unknown>[], csv: string, idColumn: string) {
  const [header, ...rows] = parseCsv(csv);
  const cells = records.map((r) => expectedCells(r));
  const union = [...new Set(cells.flatMap((c) => [...c.keys()]))];
  expect(header).toEqual(union);
  expect(rows.length).toBe(records.length);
  const idAt = header.indexOf(idColumn);
  expect(new Set(rows.map((r) => r[idAt])).size).toBe(records.length);
  rows.forEach((row, i) => {
    expect(row.length, `row ${i} has every column`).toBe(header.length);
    expect(Object.fromEntries(header.map((c, j) => [c, row[j]]))).toEqual(
      Object.fromEntries(header.map((c) => [c, cells[i].get(c) ?? ''])),
    );
  });
  return { header, rows };
}

const test = base.extend<{ hostile: string }>({
  // A two-page Link-header API whose records are hostile: formulas, markup, ids beyond 2^53.
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  hostile: async ({}, use) => {
    const pages: Record<string, string> = {
      // Raw JSON text, so the ids stay integer literals JSON.parse would round (…993 → …992).
      '1': `[{"id":9007199254740993,"name":"=HYPERLINK(\\"http://evil.example/\\",\\"click\\")","note":"<img src=x onerror=\\"document.body.dataset.pwned='1'\\">","tags":["@admin","+1"],"meta":{"formula":"+SUM(A1:A2)","at":"@cmd"}},
             {"id":12,"name":"plain, \\"quoted\\"","note":"line\\r\\n=1","tags":[],"meta":{"formula":"-2+3","at":"\\tTAB"}}]`,
      '2': `[{"id":9007199254740992,"name":"@SUM(1,2)","note":"<script>document.body.dataset.pwned='2'</script>","tags":["ok"],"meta":{"formula":"ok","at":"x"}},
             {"id":13,"name":"-5","note":"ok","tags":null,"meta":{"formula":"\\rCR","at":"y"}}]`,
    };
    const server = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname !== '/api/hostile') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end('<!doctype html><title>hostile</title>');
      }
      const page = url.searchParams.get('page') ?? '1';
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (page === '1') headers.link = `</api/hostile?page=2&per_page=2>; rel="next"`;
      res.writeHead(pages[page] ? 200 : 404, headers);
      res.end(pages[page] ?? '[]');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.closeAllConnections(); // the browser keeps connections alive; close() alone would wait for them
    await new Promise<void>((r) => server.close(() => r()));
  },
});

test('nested records (JSON:API): CSV header is the union of dot-path columns, CSV and JSON hold every record once', async ({
  h,
  demo,
}) => {
  test.setTimeout(90_000);
  const catalog = (await (await fetch(`${demo}/api/styles.json`)).json()) as StyleInfo[];
  const info = catalog.find((s) => s.style === 'json-api')!;
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  await fetchStyle(h.page, 'json-api');
  await selectRequest(panel, `${demo}${info.firstPage}`);
  await userClick(panel, byTestid('crawl-start'));
  const end = await waitForCrawl(panel, 'done');
  expect(end).toMatchObject({ reason: 'done', records: info.totalRecords, duplicates: 0 });
  await showView(panel, 'datasets');
  await datasetRow(panel, end.datasetId, `v.status === 'done'`);

  const json = await exportAs(h, panel, end.datasetId, 'json');
  expect(json.name).toMatch(/^pagescope-127\.0\.0\.1-\d+-jsonapi-articles-json-api-.*\.json$/);
  const records = JSON.parse(json.text) as Record<string, unknown>[];
  expect(records.length).toBe(info.totalRecords);
  expect(new Set(records.map((r) => r[info.idField])).size).toBe(info.totalRecords);

  const csv = await exportAs(h, panel, end.datasetId, 'csv');
  expect(csv.name).toMatch(/^pagescope-127\.0\.0\.1-\d+-jsonapi-articles-json-api-.*\.csv$/);
  const { header } = checkCsvAgainst(records, csv.text, info.idField);
  expect(header).toEqual(expect.arrayContaining(['id', 'type', 'attributes.title', 'links.self']));
});

test('hostile values: CSV cells neutralised, markup shown as text, ids beyond 2^53 exact in every export', async ({
  h,
  hostile,
}) => {
  test.setTimeout(90_000);
  const panel = await h.openPanel();
  await h.page.goto(`${hostile}/`);
  await h.page.evaluate(() => fetch('/api/hostile?page=1&per_page=2').then((r) => r.text()));
  await selectRequest(panel, `${hostile}/api/hostile?page=1&per_page=2`);
  // The body's markup is shown, as text, in the Response tab.
  await panel.eval(`${byTestid('detail-tab-response')}.click()`);
  for (const path of ['', '0']) {
    const node = `document.querySelector('[data-testid=json-node][data-path="${path}"]')`;
    await panel.waitFor(`!!${node}`);
    await panel.eval(`${node}.getAttribute('aria-expanded') === 'true' || ${node}.click()`);
  }
  await panel.waitFor(`${byTestid('detail-body-response')}?.textContent.includes('<img src=x onerror=')`);
  await panel.eval(`${byTestid('detail-tab-pagination')}.click()`);
  await panel.waitFor(`!!${byTestid('crawl-start')}`);
  await userClick(panel, byTestid('crawl-start'));
  const end = await waitForCrawl(panel, 'done');
  // 9007199254740993 and 9007199254740992 are one number to JSON.parse: kept exact, no duplicate.
  expect(end).toMatchObject({ reason: 'done', pages: 2, records: 4, duplicates: 0 });
  await showView(panel, 'datasets');
  await datasetRow(panel, end.datasetId, `v.status === 'done'`);

  const ndjson = await exportNdjson(h, panel, end.datasetId);
  expect(ndjson.records.map((r) => r.id)).toEqual(['9007199254740993', 12, '9007199254740992', 13]);

  const json = await exportAs(h, panel, end.datasetId, 'json');
  expect(json.text).toContain('"9007199254740993"');
  const records = JSON.parse(json.text) as Record<string, unknown>[];
  expect(records).toEqual(ndjson.records);

  const csv = await exportAs(h, panel, end.datasetId, 'csv');
  const { header, rows } = checkCsvAgainst(records, csv.text, 'id');
  const cell = (row: number, col: string) => rows[row][header.indexOf(col)];
  expect(cell(0, 'id')).toBe('9007199254740993');
  expect(cell(0, 'name')).toBe(`'=HYPERLINK("http://evil.example/","click")`);
  expect(cell(0, 'meta.formula')).toBe(`'+SUM(A1:A2)`);
  expect(cell(0, 'meta.at')).toBe(`'@cmd`);
  expect(cell(1, 'meta.at')).toBe(`'\tTAB`);
  expect(cell(2, 'name')).toBe(`'@SUM(1,2)`);
  expect(cell(3, 'meta.formula')).toBe(`'\rCR`);
  // Every cell a spreadsheet would evaluate starts with the quote.
  expect(rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);

  // Markup from the API stayed text in the panel: nothing ran, no element was made from it.
  expect(await panel.eval(`document.body.dataset.pwned ?? null`)).toBeNull();
  expect(await panel.eval(`document.querySelectorAll('img[src=x], script:not([src])').length`)).toBe(0);
});
