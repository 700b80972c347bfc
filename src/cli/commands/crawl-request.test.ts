// `crawl` and `diagnose` with curl-style requests: -X, -d/--data-raw, --curl (DevTools' Copy as cURL),
// in-process against a small GraphQL server on 127.0.0.1.
import { test, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../run-in-process.ts';
import { json, recordingServer } from '../testing/recording-server.ts';

/** 7 items, 2 per page, Relay-style over POST {query, variables}; anything else is a 400. */
const ITEMS = Array.from({ length: 7 }, (_, i) => ({ id: `it${i + 1}` }));
const gql = await recordingServer((req, res) => {
  if (req.method !== 'POST') return void res.writeHead(405).end();
  if (!req.headers['content-type']?.startsWith('application/json')) return void res.writeHead(415).end();
  let q: { query?: string; variables?: { first?: number; after?: string | null } };
  try {
    q = JSON.parse(req.body);
  } catch {
    return void res.writeHead(400).end('bad json');
  }
  const from = q.variables?.after ? Number(q.variables.after.slice(1)) : 0;
  const first = q.variables?.first ?? 2;
  const slice = ITEMS.slice(from, from + first);
  const end = from + slice.length;
  json(res, {
    data: {
      items: {
        edges: slice.map((node, i) => ({ cursor: `c${from + i + 1}`, node })),
        pageInfo: { hasNextPage: end < ITEMS.length, endCursor: slice.length ? `c${end}` : null },
      },
    },
  });
});
const dir = await mkdtemp(join(tmpdir(), 'pagescope-request-'));
after(() => gql.close());
beforeEach(() => void (gql.log.length = 0));

// Odd spacing and key order on purpose: the text must be sent as given, only the cursor changes.
const BODY = `{"variables":{"first":2,"after":null},  "query":"query Items($first:Int,$after:String){ items(first:$first, after:$after){ edges{ node{ id } } pageInfo{ hasNextPage endCursor } } }"}`;
const ids = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).id);

test('-d alone makes a POST; a GraphQL crawl writes the cursor into variables and reaches the end', async () => {
  const r = await runCli(['crawl', `${gql.origin}/graphql`, '-d', BODY], dir);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(
    ids(r.out),
    ITEMS.map((i) => i.id),
  );
  assert.deepEqual(
    gql.log.map((l) => l.method),
    ['POST', 'POST', 'POST', 'POST'],
  );
  assert.equal(gql.log[0].body, BODY, 'the first body is sent exactly as given');
  assert.equal(gql.log[0].headers['content-type'], 'application/json');
  assert.equal(gql.log[1].body, BODY.replace('"after":null', '"after":"c2"'), 'only the cursor changed');
});

test("--curl takes DevTools' Copy as cURL (bash): headers, cookies, $'…' body, continuations", async () => {
  const copied = `curl '${gql.origin}/graphql' \\
  -H 'accept: application/json' \\
  -H 'content-type: application/json' \\
  -b 'sid=s1' \\
  --data-raw $'${BODY.replace(/'/g, "\\'")}' \\
  --compressed`;
  const out = join(dir, 'gql.ndjson');
  const r = await runCli(['crawl', '--curl', copied, '-o', out], dir);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(
    ids(await readFile(out, 'utf8')),
    ITEMS.map((i) => i.id),
  );
  for (const l of gql.log) {
    assert.equal(l.headers.cookie, 'sid=s1');
    assert.equal(l.headers.accept, 'application/json');
  }
  assert.equal(gql.log[0].body, BODY);
});

test('-X GET with -d, and a stopped POST crawl resumes as a POST with the same body', async () => {
  const out = join(dir, 'two.ndjson');
  const first = await runCli(
    [
      'crawl',
      `${gql.origin}/graphql`,
      '--data-raw',
      BODY,
      '-o',
      out,
      '--max-pages',
      '2',
      '-b',
      'sid=SECRET9',
    ],
    dir,
  );
  assert.equal(first.code, 0, first.err);
  assert.equal(ids(await readFile(out, 'utf8')).length, 4);
  const state = JSON.parse(await readFile(`${out}.state.json`, 'utf8'));
  assert.deepEqual(state.request, { method: 'POST', body: BODY });
  assert.deepEqual(
    state.headers,
    [{ name: 'Content-Type', value: 'application/json' }],
    'harmless headers kept',
  );
  assert.deepEqual(state.headerNames, ['Cookie'], 'the cookie by name only');
  assert.ok(!JSON.stringify(state).includes('SECRET9'));
  assert.match(first.err, /resume with: .* -H 'Cookie: …'$/m);
  assert.equal((await stat(`${out}.state.json`)).mode & 0o777, 0o600, 'state file is 0600');
  gql.log.length = 0;
  const more = await runCli(['crawl', '--resume', `${out}.state.json`], dir);
  assert.equal(more.code, 0, more.err);
  assert.deepEqual(
    ids(await readFile(out, 'utf8')),
    ITEMS.map((i) => i.id),
  );
  assert.ok(gql.log.every((l) => l.method === 'POST' && l.headers['content-type'] === 'application/json'));
  assert.equal(gql.log[0].body, BODY, 'the start page again, with its body');
  assert.match(more.err, /the stopped crawl sent Cookie; pass the same -H again/);
  const get = await runCli(['crawl', `${gql.origin}/graphql`, '-X', 'GET'], dir);
  assert.equal(get.code, 1);
  assert.match(get.err, /answered HTTP 405/);
});

test('diagnose URL takes the same request options', async () => {
  const r = await runCli(['diagnose', `${gql.origin}/graphql`, '-d', BODY, '--json'], dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).chains[0].pages, 4);
  assert.ok(gql.log.every((l) => l.method === 'POST'));
});

test('bad request options: one line, exit 2', async () => {
  for (const [argv, message] of [
    [['--curl', `curl '${gql.origin}/x' -F a=1`], /unsupported curl option -F/],
    [['--curl', `curl '${gql.origin}/x'`, 'http://other/'], /give no other URL/],
    [[`${gql.origin}/x`, '-X', 'G T'], /-X takes an HTTP method/],
    [[`${gql.origin}/x`, '-b', 'cookies.txt'], /-b takes cookies/],
  ] as const) {
    const r = await runCli(['crawl', ...argv], dir);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, message);
  }
});
