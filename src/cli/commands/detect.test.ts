// `pagescope detect` in-process through main(), on a HAR shaped like Chrome's "Save all as HAR with
// content": pseudo-headers, `_`-prefixed Chrome fields, a base64 body, a non-JSON entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../main.ts';
import type { CliIo } from '../io.ts';

function chromeEntry(
  url: string,
  status: number,
  headers: [string, string][],
  body: string,
  opts: { base64?: boolean; mime?: string } = {},
) {
  const mimeType = opts.mime ?? 'application/json';
  return {
    _initiator: { type: 'script' },
    _priority: 'High',
    _resourceType: 'fetch',
    cache: {},
    connection: '443',
    pageref: 'page_1',
    request: {
      method: 'GET',
      url,
      httpVersion: 'http/2.0',
      headers: [
        { name: ':authority', value: new URL(url).host },
        { name: ':method', value: 'GET' },
        { name: 'accept', value: 'application/json' },
      ],
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: [
        { name: 'content-type', value: `${mimeType}; charset=utf-8` },
        ...headers.map(([name, value]) => ({ name, value })),
      ],
      cookies: [],
      content: {
        size: body.length,
        mimeType,
        ...(opts.base64
          ? { text: Buffer.from(body).toString('base64'), encoding: 'base64' }
          : { text: body }),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: body.length + 300,
      _error: null,
    },
    serverIPAddress: '127.0.0.1',
    startedDateTime: '2024-05-01T10:00:00.000Z',
    time: 42.1,
    timings: {
      blocked: 1,
      dns: -1,
      ssl: -1,
      connect: -1,
      send: 0.1,
      wait: 40,
      receive: 1,
      _blocked_queueing: 0.5,
    },
  };
}

const items = (n: number, from = 1) =>
  JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: from + i })));

function writeHar(entries: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pagescope-detect-'));
  const file = join(dir, 'capture.har');
  writeFileSync(
    file,
    JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [{ id: 'page_1', title: 'x' }],
        entries,
      },
    }),
  );
  return file;
}

function capture(columns?: number) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const io: CliIo = {
    // A width means a terminal; without one, stdout is piped.
    stdout: Object.assign(out, { columns, isTTY: columns !== undefined }),
    stderr: err,
    cwd: process.cwd(),
    env: {},
  };
  return { io, text: () => ({ stdout, stderr }) };
}

const har = () =>
  writeHar([
    chromeEntry(
      'https://gitlab.example.com/api/v4/projects?page=1&per_page=2',
      200,
      [
        ['x-page', '1'],
        ['x-next-page', '2'],
        ['x-per-page', '2'],
        ['x-total', '5'],
        ['x-total-pages', '3'],
      ],
      items(2),
      { base64: true },
    ),
    chromeEntry(
      'https://forum.example.com/api/v2/discussions?page=1&limit=30',
      200,
      [['Paging-Next', '/api/v2/discussions?page=2&limit=30']],
      items(30),
    ),
    chromeEntry('https://example.com/api/me', 200, [], '{"id": 7, "name": "Alice"}'),
    chromeEntry('https://example.com/index.html', 200, [], '<!doctype html><p>hi</p>', { mime: 'text/html' }),
  ]);

test('table: one row per JSON response, truncated to the terminal width', async () => {
  const c = capture(140);
  const code = await main(['detect', har()], c.io);
  const { stdout, stderr } = c.text();
  assert.equal(code, 0, stderr);
  const lines = stdout.trimEnd().split('\n');
  assert.equal(lines.length, 5, stdout);
  assert.match(lines[1], /^GET\s+200\s+gitlab\/page\s+2 5\/3p\s+https:\/\/gitlab\.example\.com/);
  assert.match(lines[1], /next \?page=2&per_page=2/);
  assert.match(lines[2], /vanilla\/page\s+30/);
  assert.match(lines[3], /not paginated/);
  assert.equal(lines[4], '3 JSON responses, 2 paginated');
  for (const l of lines) assert.ok(l.length <= 140, `${l.length}: ${l}`);
  const narrow = capture(80);
  await main(['detect', har()], narrow.io);
  for (const l of narrow.text().stdout.trimEnd().split('\n')) assert.ok(l.length <= 80, `${l.length}: ${l}`);
});

test('table piped (not a TTY): full URLs, nothing cut', async () => {
  const long = `https://gitlab.example.com/api/v4/projects?page=1&per_page=2&${'q=x&'.repeat(60)}z=1`;
  const file = writeHar([
    chromeEntry(
      long,
      200,
      [
        ['x-next-page', '2'],
        ['x-page', '1'],
        ['x-per-page', '2'],
        ['x-total', '5'],
      ],
      items(2),
    ),
  ]);
  const c = capture();
  assert.equal(await main(['detect', file], c.io), 0);
  const row = c.text().stdout.split('\n')[1];
  assert.ok(row.includes(long), row);
  assert.ok(!row.includes('…'), row);
});

test('table: control characters of a HAR method or URL are escaped, never sent to the terminal', async () => {
  const entry = chromeEntry('https://x.example.com/api?page=1&t=%1B', 200, [], items(2));
  entry.request.method = 'GET\x1b]0;pwned\x07\x1b[2J';
  entry.request.url = 'https://x.example.com/api\x1b[2J?page=1';
  const c = capture(200);
  assert.equal(await main(['detect', writeHar([entry])], c.io), 0);
  const { stdout } = c.text();
  assert.ok(!/[\x00-\x09\x0b-\x1f\x7f-\x9f]/.test(stdout), JSON.stringify(stdout));
  assert.match(stdout, /\\x1b/);
});

test('--json: an array with the documented keys', async () => {
  const c = capture();
  assert.equal(await main(['detect', har(), '--json'], c.io), 0);
  const rows = JSON.parse(c.text().stdout);
  assert.equal(rows.length, 3);
  const [gl, va, me] = rows;
  for (const k of [
    'url',
    'paginated',
    'kind',
    'style',
    'next',
    'prev',
    'totalRecords',
    'totalPages',
    'recordCount',
    'evidence',
  ])
    assert.ok(k in gl, k);
  assert.deepEqual(
    {
      paginated: gl.paginated,
      style: gl.style,
      kind: gl.kind,
      next: gl.next,
      totalRecords: gl.totalRecords,
      totalPages: gl.totalPages,
      recordCount: gl.recordCount,
    },
    {
      paginated: true,
      style: 'gitlab',
      kind: 'page',
      next: 'https://gitlab.example.com/api/v4/projects?page=2&per_page=2',
      totalRecords: 5,
      totalPages: 3,
      recordCount: 2,
    },
  );
  assert.ok(gl.evidence.some((e: { path: string }) => e.path === 'x-total-pages'));
  assert.equal(va.next, 'https://forum.example.com/api/v2/discussions?page=2&limit=30');
  assert.equal(me.paginated, false);
  assert.equal(me.next, null);
});

test('missing, malformed and non-HAR files: one line on stderr, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagescope-bad-'));
  writeFileSync(join(dir, 'broken.har'), '{"log": {"entries": [');
  writeFileSync(join(dir, 'other.json'), '{"hello": "world"}');
  for (const [file, why] of [
    [join(dir, 'nope.har'), /no such file/],
    [join(dir, 'broken.har'), /not valid JSON/],
    [join(dir, 'other.json'), /not a HAR file/],
  ] as const) {
    const c = capture();
    assert.equal(await main(['detect', file], c.io), 2);
    const { stdout, stderr } = c.text();
    assert.equal(stdout, '');
    assert.match(stderr, why);
    assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
  }
});

test('usage errors exit 2', async () => {
  const c = capture();
  assert.equal(await main(['detect'], c.io), 2);
  assert.match(c.text().stderr, /needs a HAR file/);
  const d = capture();
  assert.equal(await main(['detect', 'a.har', '--bogus'], d.io), 2);
});
