// `pagescope crawl` in-process against the demo API and a tiny local server (127.0.0.1, port 0).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtemp, readFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { runCli } from '../run-in-process.ts';
import { startDemoServer } from '../../demo/server.ts';

const demo = await startDemoServer();
// A 10-page cursor chain whose page 4 request "presses Ctrl+C"; ids beyond 2^53; a plain array.
let interruptAt = -1;
const tiny = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const at = Number(url.searchParams.get('cursor') ?? 0);
  if (at === interruptAt) process.emit('SIGINT');
  res.setHeader('content-type', 'application/json');
  if (url.pathname === '/plain') return res.end('[{"id":1},{"id":2}]');
  const ids = [0, 1, 2].map((i) => `9007199254740${993 + at * 3 + i}`);
  const next = at < 9 ? `"next_cursor":"${at + 1}"` : '"next_cursor":null';
  res.end(
    `{"data":[${ids.map((id) => `{"id":${id},"page":${at}}`).join(',')}],${next},"has_more":${at < 9}}`,
  );
});
await new Promise<void>((r) => tiny.listen(0, '127.0.0.1', r));
const tinyOrigin = `http://127.0.0.1:${(tiny.address() as AddressInfo).port}`;
const dir = await mkdtemp(join(tmpdir(), 'pagescope-crawl-'));
after(async () => {
  await demo.close();
  tiny.close();
});

async function cli(...argv: string[]) {
  const { code, out, err } = await runCli(['crawl', ...argv], dir);
  return { code, out, err, lines: out.split('\n').filter(Boolean) };
}
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );
const ids = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).id);

test('numbered pages with a known total to stdout; --json summary is the last line', async () => {
  const r = await cli(`${demo.origin}/api/products?page=1`, '--json');
  assert.equal(r.code, 0, r.err);
  const summary = JSON.parse(r.lines.at(-1)!);
  assert.deepEqual(Object.keys(summary), [
    'pages',
    'records',
    'duplicates',
    'errors',
    'retries',
    'stoppedReason',
    'elapsedMs',
  ]);
  assert.equal(summary.records, 437);
  assert.equal(summary.stoppedReason, 'done');
  assert.equal(new Set(r.lines.slice(0, -1).map((l) => JSON.parse(l).id)).size, 437);
  assert.match(r.err, /5 pages, 437 records .* done → stdout/);
  assert.equal(await exists(join(dir, 'pagescope-crawl.state.json')), false, 'state removed when done');
});

test('cursor chain to a CSV file and to a JSON file', async () => {
  const csv = await cli(`${demo.origin}/api/posts`, '--out', 'posts.csv');
  assert.equal(csv.code, 0, csv.err);
  const rows = (await readFile(join(dir, 'posts.csv'), 'utf8')).split('\r\n').filter(Boolean);
  assert.equal(rows.length, 1 + 72);
  assert.match(rows[0], /^id,/);
  const json = await cli(`${demo.origin}/api/2.0/products`, '-o', 'products.json', '--json');
  assert.equal(json.code, 0, json.err);
  assert.equal(JSON.parse(await readFile(join(dir, 'products.json'), 'utf8')).length, 263);
  assert.equal(json.lines.length, 1, 'only the summary on stdout');
});

test('Ctrl+C stops cleanly; --resume continues with nothing lost or repeated; big ids stay exact', async () => {
  interruptAt = 4;
  const first = await cli(
    `${tinyOrigin}/chain`,
    '--out',
    'chain.ndjson',
    '-H',
    'Authorization: Bearer secret',
  );
  interruptAt = -1;
  assert.equal(first.code, 130, first.err);
  assert.match(first.err, /interrupted/);
  assert.match(
    first.err,
    /resume with: pagescope crawl --resume .*chain\.ndjson\.state\.json -H 'Authorization: …'/,
  );
  const state = await readFile(join(dir, 'chain.ndjson.state.json'), 'utf8');
  assert.ok(!state.includes('secret'), 'header values are not saved');
  const before = ids(await readFile(join(dir, 'chain.ndjson'), 'utf8'));
  assert.ok(before.length > 0 && before.length < 30);
  const second = await cli(
    '--resume',
    'chain.ndjson.state.json',
    '-H',
    'Authorization: Bearer secret',
    '--json',
  );
  assert.equal(second.code, 0, second.err);
  const all = ids(await readFile(join(dir, 'chain.ndjson'), 'utf8'));
  assert.equal(all.length, 30);
  assert.equal(new Set(all).size, 30);
  assert.equal(all[0], '9007199254740993', 'exact digits, as a string');
  assert.match(second.err, /integers beyond 2\^53.* were kept as strings of their exact text/);
  assert.equal(JSON.parse(second.lines.at(-1)!).records, 30);
});

test('--max-pages stops with exit 0 and a state to continue from', async () => {
  const r = await cli(`${tinyOrigin}/chain`, '--out', 'part.ndjson', '--max-pages', '3');
  assert.equal(r.code, 0, r.err);
  assert.equal(ids(await readFile(join(dir, 'part.ndjson'), 'utf8')).length, 9);
  const more = await cli('--resume', 'part.ndjson.state.json');
  assert.equal(more.code, 0, more.err);
  assert.equal(new Set(ids(await readFile(join(dir, 'part.ndjson'), 'utf8'))).size, 30);
});

test('not paginated: says so and exports the one page', async () => {
  const r = await cli(`${tinyOrigin}/plain`);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /is not paginated .*exporting its 2 records/);
  assert.deepEqual(
    r.lines.map((l) => JSON.parse(l)),
    [{ id: 1 }, { id: 2 }],
  );
});

test('dead host, HTTP error, non-JSON and bad options: one line, non-zero exit', async () => {
  const dead = http.createServer();
  await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
  const port = (dead.address() as AddressInfo).port;
  await new Promise<void>((r) => dead.close(() => r()));
  const cases: [string[], number, RegExp][] = [
    [[`http://127.0.0.1:${port}/api`], 1, /cannot reach .*: connection refused/],
    [[`${demo.origin}/api/nope`], 1, /answered HTTP 404/],
    [[`${demo.origin}/`], 1, /did not return JSON \(text\/html/],
    [[`${demo.origin}/api/posts`, '--format', 'xml'], 2, /--format must be one of/],
    [['--resume', 'no-such-state.json'], 2, /cannot read state file/],
    [[`${demo.origin}/api/posts`, '-H', 'no colon'], 2, /-H takes 'Name: value'/],
  ];
  for (const [argv, code, message] of cases) {
    const r = await cli(...argv);
    assert.equal(r.code, code, `${argv.join(' ')}: ${r.err}`);
    assert.match(r.err, message);
    assert.equal(r.err.trim().split('\n').length, 1, `one line: ${r.err}`);
    assert.equal(r.out, '');
  }
});

test('--delay and the limits are kept on resume (a limit already reached is lifted, and said so)', async () => {
  const first = await cli(
    `${tinyOrigin}/chain`,
    '-o',
    'kept.ndjson',
    '--max-pages',
    '2',
    '--max-records',
    '20',
    '--delay',
    '5',
    '--retries',
    '1',
  );
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, /^pagescope crawl: 2 pages, 6 records \(0 duplicates, 0 errors, 0 retries\)/m);
  const more = await cli('--resume', 'kept.ndjson.state.json');
  assert.equal(more.code, 0, more.err);
  assert.match(more.err, /reached --max-pages 2; this run goes on without it/);
  assert.equal(ids(await readFile(join(dir, 'kept.ndjson'), 'utf8')).length, 20, '--max-records 20 kept');
  const state = JSON.parse(await readFile(join(dir, 'kept.ndjson.state.json'), 'utf8'));
  assert.equal(state.options.delayMs, 5);
  assert.equal(state.options.retries, 1);
  assert.equal(state.options.maxRecords, 20);
});
