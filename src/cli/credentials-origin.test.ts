// One credential rule (core's isCredentialHeader) on every path of the CLI: redirects in the HTTP
// client, next links and redirects during a crawl. Two servers on 127.0.0.1 = two origins; the
// other origin must never see a byte of X-Api-Key, Authorization or Cookie.
import { test, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeFetch } from './http.ts';
import { runCli } from './run-in-process.ts';
import { json, recordingServer } from './testing/recording-server.ts';

const SECRETS = ['KEY-s3cr3t-1', 'AUTH-s3cr3t-2', 'COOKIE-s3cr3t-3'];
const CREDS = [
  { name: 'X-Api-Key', value: SECRETS[0] },
  { name: 'Authorization', value: `Bearer ${SECRETS[1]}` },
  { name: 'Cookie', value: `sid=${SECRETS[2]}` },
];
const H = CREDS.flatMap((h) => ['-H', `${h.name}: ${h.value}`]);

/** Three pages of a Link-header chain on `at`: records a1..a3 (prefix = the server's letter). */
function page(prefix: string, n: number) {
  return [1, 2].map((i) => ({ id: `${prefix}${n}-${i}` }));
}

// Origin A: the one the user types. /chain/N pages; /to-b/N answers 302 to B; /slash answers 301 to /slash/.
const b = await recordingServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const n = Number(u.searchParams.get('n') ?? 1);
  if (u.pathname === '/echo') return json(res, [{ id: 'echo' }]);
  if (u.pathname === '/numbered') {
    const p = Number(u.searchParams.get('page') ?? 1);
    return json(res, { data: p <= 3 ? page('b', p) : [], page: p, per_page: 2, total: 6, total_pages: 3 });
  }
  // B's chain: pages n..3, each linking to the next on B.
  const next: Record<string, string> = n < 3 ? { link: `<${b.origin}/chain?n=${n + 1}>; rel="next"` } : {};
  json(res, page('b', n), next);
});
const a = await recordingServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const n = Number(u.searchParams.get('n') ?? 1);
  if (u.pathname === '/slash') return void res.writeHead(301, { location: '/slash/' }).end();
  if (u.pathname === '/slash/') return json(res, [{ id: 'slash', cookie: req.headers.cookie ?? null }]);
  if (u.pathname === '/to-b') return void res.writeHead(302, { location: `${b.origin}/echo` }).end();
  if (u.pathname === '/hop') return void res.writeHead(307, { location: `${b.origin}/chain?n=${n}` }).end();
  if (u.pathname === '/start-away')
    return void res.writeHead(302, { location: `${b.origin}/chain?n=1` }).end();
  if (u.pathname === '/numbered-away')
    return void res.writeHead(302, { location: `${b.origin}/numbered?page=1` }).end();
  // /chain: page 1 on A; its next link goes to B directly (?via=link) or through a redirect on A.
  if (u.pathname === '/chain') {
    const nextUrl =
      u.searchParams.get('via') === 'redirect' ? `${a.origin}/hop?n=2` : `${b.origin}/chain?n=2`;
    return json(res, page('a', n), { link: `<${nextUrl}>; rel="next"` });
  }
  res.writeHead(404).end();
});
const dir = await mkdtemp(join(tmpdir(), 'pagescope-creds-'));
after(async () => {
  await a.close();
  await b.close();
});
beforeEach(() => {
  a.log.length = 0;
  b.log.length = 0;
});

const ids = (ndjson: string) =>
  ndjson
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).id);

test('HTTP client: a same-origin redirect keeps every credential header, a cross-origin one drops them', async () => {
  const fetch = createNodeFetch();
  try {
    const same = await fetch({ method: 'GET', url: `${a.origin}/slash`, headers: CREDS });
    assert.equal(JSON.parse(same.bodyText)[0].cookie, `sid=${SECRETS[2]}`);
    assert.equal(a.log.length, 2);
    for (const r of a.log) {
      assert.equal(r.headers['x-api-key'], SECRETS[0], r.url);
      assert.equal(r.headers.authorization, `Bearer ${SECRETS[1]}`, r.url);
    }
    const away = await fetch({
      method: 'GET',
      url: `${a.origin}/to-b`,
      headers: [...CREDS, { name: 'Accept', value: 'application/json' }],
    });
    assert.equal(away.url, `${b.origin}/echo`);
    assert.equal(b.log.length, 1);
    assert.equal(b.log[0].headers.accept, 'application/json', 'other headers still follow');
    assert.deepEqual(b.leaks(SECRETS), []);
  } finally {
    fetch.close();
  }
});

test('crawl: a next link to another origin gets no credentials; every record is still crawled', async () => {
  const r = await runCli(['crawl', `${a.origin}/chain?n=1`, ...H], dir);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(ids(r.out), ['a1-1', 'a1-2', 'b2-1', 'b2-2', 'b3-1', 'b3-2']);
  assert.equal(b.log.length, 2);
  assert.deepEqual(b.leaks(SECRETS), []);
  assert.equal(a.leaks(SECRETS).length, 1, 'the start page got them');
});

test('crawl: a next link on the same origin that redirects to another origin drops them at the hop', async () => {
  const r = await runCli(['crawl', `${a.origin}/chain?n=1&via=redirect`, ...H], dir);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(ids(r.out), ['a1-1', 'a1-2', 'b2-1', 'b2-2', 'b3-1', 'b3-2']);
  assert.equal(a.log.length, 2);
  assert.equal(a.leaks(SECRETS).length, 2, 'the hop on A still got them (same origin)');
  assert.deepEqual(b.leaks(SECRETS), []);
});

test('crawl: a start URL that redirects to another origin sends -H values to neither that origin nor later pages', async () => {
  const out = join(dir, 'away.ndjson');
  const r = await runCli(['crawl', `${a.origin}/start-away`, ...H, '-o', out], dir);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(ids(await readFile(out, 'utf8')), ['b1-1', 'b1-2', 'b2-1', 'b2-2', 'b3-1', 'b3-2']);
  assert.equal(b.log.length, 3);
  assert.deepEqual(b.leaks(SECRETS), []);
});

test('diagnose URL: the probe past the end follows the same rule', async () => {
  const r = await runCli(['diagnose', `${a.origin}/numbered-away`, ...H, '--json'], dir);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(
    b.log.map((l) => l.url),
    ['/numbered?page=1', '/numbered?page=2', '/numbered?page=3', '/numbered?page=4'],
    'three pages and the probe past the end',
  );
  assert.deepEqual(b.leaks(SECRETS), []);
});
