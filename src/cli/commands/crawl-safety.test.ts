// `pagescope crawl` against awkward and hostile servers on 127.0.0.1: secrets in the URL, resumes
// that cannot fit, start URLs whose redirect target changes, bombs, trickles, signals, full disks
// and terminal escapes. Each test runs the CLI in-process.
import { test, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import zlib from 'node:zlib';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { main } from '../main.ts';
import { runCli } from '../run-in-process.ts';
import { json, recordingServer } from '../testing/recording-server.ts';

/** A 10-page cursor chain (3 records a page); `signalAt` makes page N's request raise a signal. */
let signalAt: { page: number; sig: NodeJS.Signals } | undefined;
let sig = 0;
const member = zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024));
const api = await recordingServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/bomb') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.on('error', () => {});
    for (let i = 0; i < 64; i++) res.write(member);
    return void res.end();
  }
  if (u.pathname === '/huge') {
    // Valid JSON past the detector's 64 MiB: one record and a lot of whitespace.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":[{"id":1}]');
    res.write(Buffer.alloc(64 * 1024 * 1024 + 16, ' '));
    return void res.end('}');
  }
  if (u.pathname === '/grows' && u.searchParams.get('cursor') === '2')
    // Page 3 is over a 1 MiB --max-body: the same answer every time, so no retry can help.
    return json(res, { data: [{ id: 6, blob: 'x'.repeat(1536 * 1024) }], next_cursor: '3' });
  if (u.pathname === '/trickle') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":[');
    const t = setInterval(() => res.write(' '), 20);
    return void res.on('close', () => clearInterval(t));
  }
  // A presigned-like start: every request is sent to a new signature.
  if (u.pathname === '/signed') return void res.writeHead(302, { location: `/data?sig=${++sig}` }).end();
  const at = Number(u.searchParams.get('cursor') ?? 0);
  if (signalAt?.page === at) process.emit(signalAt.sig, signalAt.sig);
  json(res, {
    data: [0, 1, 2].map((i) => ({ id: at * 3 + i })),
    next_cursor: at < 9 ? String(at + 1) : null,
    has_more: at < 9,
  });
});
const dir = await mkdtemp(join(tmpdir(), 'pagescope-safety-'));
after(() => api.close());
beforeEach(() => {
  api.log.length = 0;
  signalAt = undefined;
});
const ids = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).id);
const cli = (...argv: string[]) => runCli(['crawl', ...argv], dir);

test('user:password@ in the URL: Basic auth on every page, never in the state file or the resume hint', async () => {
  const withUser = api.origin.replace('//', '//me:pa%24%24word@') + '/chain';
  const out = join(dir, 'user.ndjson');
  const r = await cli(withUser, '-o', out, '--max-pages', '4');
  assert.equal(r.code, 0, r.err);
  const basic = `Basic ${Buffer.from('me:pa$$word').toString('base64')}`;
  assert.equal(api.log.length, 4);
  for (const l of api.log) assert.equal(l.headers.authorization, basic, l.url);
  const stateText = await readFile(`${out}.state.json`, 'utf8');
  for (const secret of ['pa%24%24word', 'pa$$word', basic.slice(6), 'me:'])
    assert.ok(!stateText.includes(secret), `state holds ${secret}`);
  assert.equal((await stat(`${out}.state.json`)).mode & 0o777, 0o600);
  assert.ok(!r.err.includes('word'), r.err);
  assert.match(r.err, /resume with: .* -H 'Authorization: …'/);
  // The resume takes the same URL (userinfo and all) and goes on with the password.
  api.log.length = 0;
  const more = await cli(withUser, '--resume', `${out}.state.json`);
  assert.equal(more.code, 0, more.err);
  assert.deepEqual(ids(await readFile(out, 'utf8')), [...Array(30).keys()]);
  for (const l of api.log) assert.equal(l.headers.authorization, basic, l.url);
});

test('a resume whose checkpoint does not fit leaves the state file untouched and exits 1', async () => {
  const out = join(dir, 'fit.ndjson');
  assert.equal((await cli(`${api.origin}/chain`, '-o', out, '--max-pages', '3')).code, 0);
  const state = JSON.parse(await readFile(`${out}.state.json`, 'utf8'));
  state.checkpoint.version = 99;
  const text = JSON.stringify(state);
  await writeFile(`${out}.state.json`, text);
  const r = await cli('--resume', `${out}.state.json`);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /cannot resume: .* the state file is left as it was/);
  assert.equal(await readFile(`${out}.state.json`, 'utf8'), text, 'state untouched');
  assert.equal(ids(await readFile(out, 'utf8')).length, 9, 'records untouched');
});

test('a start URL whose redirect target changes (presigned) still resumes: the URL asked for counts', async () => {
  const out = join(dir, 'signed.ndjson');
  const first = await cli(`${api.origin}/signed`, '-o', out, '--max-pages', '2');
  assert.equal(first.code, 0, first.err);
  const more = await cli('--resume', `${out}.state.json`);
  assert.equal(more.code, 0, more.err);
  assert.deepEqual(ids(await readFile(out, 'utf8')), [...Array(30).keys()]);
});

test('a gzip bomb on the first page fails fast with a clear message (--max-body)', async () => {
  const r = await cli(`${api.origin}/bomb`, '--max-body', '2MiB');
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /response body larger than 2 MiB once decoded \(raise the limit with --max-body\)/);
  const bad = await cli(`${api.origin}/bomb`, '--max-body', 'lots');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--max-body takes a size/);
});

test('a body over --max-body on a later page is final: asked once, not retried as a network error', async () => {
  const out = join(dir, 'grows.ndjson');
  const r = await cli(`${api.origin}/grows`, '-o', out, '--max-body', '1MiB', '--retries', '3');
  assert.equal(r.code, 1, r.err);
  assert.match(
    r.err,
    /stopped on an error \(response body larger than 1 MiB once decoded \(raise the limit with --max-body\): http:\/\/127\.0\.0\.1:\d+\/grows\?cursor=2\)/,
  );
  assert.doesNotMatch(r.err, /network error|gave up after|[1-9]\d* retr/);
  assert.equal(api.log.filter((l) => l.url === '/grows?cursor=2').length, 1, 'page 3 asked once');
  assert.deepEqual(ids(await readFile(out, 'utf8')), [0, 1, 2, 3, 4, 5], 'pages 1 and 2 kept');
});

test('a body past the detection limit is called too large, not "no JSON body"', async () => {
  const out = join(dir, 'huge.ndjson');
  const r = await cli(`${api.origin}/huge`, '-o', out);
  assert.equal(r.code, 0, r.err);
  assert.match(
    r.err,
    /not paginated \(the body is too large to detect pagination in \(64\.0 MiB of text, over 64 MiB\)\)/,
  );
  assert.doesNotMatch(r.err, /no JSON body/);
  assert.deepEqual(ids(await readFile(out, 'utf8')), [1]);
});

test('a first page that trickles past --timeout is reported as a timeout', async () => {
  const r = await cli(`${api.origin}/trickle`, '--timeout', '200');
  assert.equal(r.code, 1);
  assert.match(r.err, /cannot reach .*\/trickle: timed out/);
});

for (const name of ['SIGTERM', 'SIGHUP'] as const) {
  test(`${name} ends a crawl like Ctrl+C: output terminated, state saved, resume hint`, async () => {
    const out = join(dir, `${name}.json`);
    signalAt = { page: 4, sig: name };
    const r = await cli(`${api.origin}/chain`, '-o', out, '--json');
    assert.equal(r.code, 130, r.err);
    assert.match(r.err, /interrupted/);
    assert.match(r.err, /resume with: pagescope crawl --resume /);
    assert.equal(JSON.parse(r.out.trim().split('\n').at(-1)!).stoppedReason, 'aborted');
    const part = JSON.parse(await readFile(out, 'utf8')) as { id: number }[];
    assert.ok(part.length >= 3 && part.length < 30, 'a terminated JSON array');
    signalAt = undefined;
    const more = await cli('--resume', `${out}.state.json`);
    assert.equal(more.code, 0, more.err);
    assert.deepEqual(
      (JSON.parse(await readFile(out, 'utf8')) as { id: number }[]).map((x) => x.id),
      [...Array(30).keys()],
    );
  });
}

test('a full disk (ENOSPC) is a clean error, no temp state file left behind', async () => {
  const sub = await mkdtemp(join(dir, 'full-'));
  const r = await cli(`${api.origin}/chain`, '-o', '/dev/full', '--state', join(sub, 'full.state.json'));
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /cannot write the output: ENOSPC/);
  assert.match(r.err, /run the crawl again|resume with/);
  assert.deepEqual(
    (await readdir(sub)).filter((f) => f.endsWith('.tmp')),
    [],
  );
});

test('server text reaches the terminal with its control characters escaped', async () => {
  const evil = net.createServer((c) =>
    c.once('data', () =>
      c.end(
        c.remoteAddress && evilBody
          ? `HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: ${evilBody.length}\r\n\r\n${evilBody}`
          : 'HTTP/1.1 503 Busy\x1b]0;pwned\x07\x1b[2J\r\ncontent-length: 0\r\n\r\n',
      ),
    ),
  );
  let evilBody = '';
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  try {
    const status = await cli(`${origin}/x`);
    assert.equal(status.code, 1);
    assert.match(status.err, /answered HTTP 503 Busy\\x1b\]0;pwned\\x07\\x1b\[2J/);
    evilBody = '\x1b]0;title\x07\x1b[2Jnot json';
    const body = await cli(`${origin}/x`);
    assert.equal(body.code, 1);
    assert.ok(!/[\x00-\x09\x0b-\x1f\x7f-\x9f]/.test(status.err + body.err), JSON.stringify(body.err));
  } finally {
    evil.close();
  }
});

test('stdout closed under the crawl (EPIPE): a clean error, not an unhandled error event', async () => {
  let writes = 0;
  const stdout = new Writable({
    write(_chunk, _enc, cb) {
      if (++writes < 3) return cb();
      const e = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      cb(e);
    },
  });
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (c) => (err += c));
  const code = await main(['crawl', `${api.origin}/chain`, '--state', join(dir, 'pipe.state.json')], {
    stdout,
    stderr,
    cwd: dir,
    env: {},
  });
  assert.equal(code, 1, err);
  assert.match(err, /EPIPE/);
  assert.match(err, /resume with: pagescope crawl --resume .*pipe\.state\.json|run the crawl again/);
});
