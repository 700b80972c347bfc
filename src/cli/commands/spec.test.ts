// `pagescope spec`, `crawl --spec`, the override flags and `export-config`, in-process against the demo
// API's in-house endpoint (cursor at meta.continuation sent back as ?from=, unknown parameters → 400)
// and its ordinary styles.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../run-in-process.ts';
import { startDemoServer } from '../../demo/server.ts';
import { INHOUSE_PATH, INHOUSE_TOTAL } from '../../demo/inhouse.ts';

const demo = await startDemoServer();
const dir = await mkdtemp(join(tmpdir(), 'pagescope-spec-'));
after(() => demo.close());

const inhouse = `${demo.origin}${INHOUSE_PATH}?limit=20`;
const events = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { eventId: string }).eventId);

test('crawl of the in-house API: detection alone fails, override flags crawl it exactly once', async () => {
  const plain = await runCli(['crawl', inhouse, '--retries', '0'], dir);
  assert.notEqual(plain.code, 0, 'detection guesses ?continuation= and the API refuses it');
  assert.ok(events(plain.out).length < INHOUSE_TOTAL);
  const r = await runCli(
    ['crawl', inhouse, '--cursor', 'meta.continuation', '--cursor-param', 'from', '--json'],
    dir,
  );
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  const summary = JSON.parse(lines.pop()!);
  const ids = events(lines.join('\n'));
  assert.deepEqual(
    [ids.length, new Set(ids).size, summary.stoppedReason],
    [INHOUSE_TOTAL, INHOUSE_TOTAL, 'done'],
  );
});

test('pagescope spec prints the spec; crawl --spec FILE crawls from it alone', async () => {
  const s = await runCli(['spec', inhouse, '--cursor', 'meta.continuation', '--cursor-param', 'from'], dir);
  assert.equal(s.code, 0, s.err);
  const spec = JSON.parse(s.out);
  assert.equal(spec.version, 1);
  assert.equal(spec.records, 'items');
  assert.deepEqual(spec.next, {
    type: 'cursor',
    from: { in: 'body', path: 'meta.continuation' },
    param: 'from',
    in: 'query',
  });
  const file = join(dir, 'inhouse.spec.json');
  await writeFile(file, s.out);
  const out = join(dir, 'inhouse.ndjson');
  const r = await runCli(['crawl', '--spec', file, '--out', out], dir);
  assert.equal(r.code, 0, r.err);
  const ids = events(await readFile(out, 'utf8'));
  assert.deepEqual([ids.length, new Set(ids).size], [INHOUSE_TOTAL, INHOUSE_TOTAL]);
});

test('a hand-edited spec file with a secret header name asks for it, and bad files are named', async () => {
  const file = join(dir, 'hand.spec.json');
  await writeFile(
    file,
    JSON.stringify({
      version: 1,
      request: { method: 'GET', url: inhouse, supply: ['X-Api-Key'] },
      records: 'items',
      next: { type: 'cursor', from: { in: 'body', path: 'meta.continuation' }, param: 'from', in: 'query' },
      end: { emptyPage: true, shortPage: false },
    }),
  );
  const r = await runCli(['crawl', '--spec', file, '--out', join(dir, 'hand.ndjson')], dir);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /the spec says the API needs X-Api-Key/);
  await writeFile(file, JSON.stringify({ version: 1, request: { url: 'nope' }, next: { type: 'warp' } }));
  const bad = await runCli(['crawl', '--spec', file], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /request\.url is not an absolute URL/);
  assert.match(bad.err, /next\.type must be/);
  const clash = await runCli(
    ['crawl', '--spec', join(dir, 'inhouse.spec.json'), `${demo.origin}/api/items`],
    dir,
  );
  assert.equal(clash.code, 2);
  const two = await runCli(['spec', inhouse, '--next-link', '--cursor', 'x'], dir);
  assert.equal(two.code, 2);
  assert.match(two.err, /--next-link and --cursor each set the next rule/);
});

test('spec of a demo style and export-config to dlt, airbyte and pagescope', async () => {
  const url = `${demo.origin}/api/items?offset=0&limit=25`;
  const spec = JSON.parse((await runCli(['spec', url], dir)).out);
  assert.deepEqual(spec.next, { type: 'offset', param: 'offset' });
  const dlt = await runCli(['export-config', url, '--to', 'dlt'], dir);
  assert.equal(dlt.code, 0, dlt.err);
  assert.match(dlt.out, /"type": "offset"/);
  assert.match(dlt.out, /"offset_param": "offset"/);
  const air = await runCli(['export-config', url, '--to', 'airbyte'], dir);
  assert.match(air.out, /type: "OffsetIncrement"/);
  const cmd = await runCli(
    [
      'export-config',
      inhouse,
      '--to',
      'pagescope',
      '--cursor',
      'meta.continuation',
      '--cursor-param',
      'from',
    ],
    dir,
  );
  assert.equal(cmd.code, 0, cmd.err);
  assert.match(cmd.out, /--cursor meta\.continuation/);
  const bad = await runCli(['export-config', url, '--to', 'fivetran'], dir);
  assert.equal(bad.code, 2);
});

test('the exported pagescope command line crawls the in-house API exactly once', async () => {
  const cmd = await runCli(
    [
      'export-config',
      inhouse,
      '--to',
      'pagescope',
      '--cursor',
      'meta.continuation',
      '--cursor-param',
      'from',
    ],
    dir,
  );
  const line = cmd.out
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join(' ')
    .replace(/\\\s+/g, ' ')
    .trim();
  // Split as a shell would for the quoting exportCommand writes (single quotes, no expansions here).
  const argv = [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) =>
    m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2],
  );
  assert.deepEqual(argv.slice(0, 2), ['pagescope', 'crawl']);
  const out = join(dir, 'from-command.ndjson');
  argv[argv.indexOf('--out') + 1] = out;
  const r = await runCli(argv.slice(1), dir);
  assert.equal(r.code, 0, r.err);
  const ids = events(await readFile(out, 'utf8'));
  assert.deepEqual([ids.length, new Set(ids).size], [INHOUSE_TOTAL, INHOUSE_TOTAL]);
});

test('diagnose takes the override flags: the in-house chain is read by the spec', async () => {
  const plain = await runCli(['diagnose', inhouse, '--json'], dir);
  const r = await runCli(
    ['diagnose', inhouse, '--cursor', 'meta.continuation', '--cursor-param', 'from', '--json'],
    dir,
  );
  assert.ok(r.code === 0 || r.code === 1, r.err);
  type Report = { chains: { style: string; pages: number; note?: string }[] };
  const [report] = (JSON.parse(r.out) as Report).chains;
  assert.equal(report.style, 'spec');
  assert.equal(report.pages, 5, 'all five pages of the chain were read');
  assert.equal(report.note, undefined, 'the crawl ended as the chain does');
  const [before] = (JSON.parse(plain.out) as Report).chains;
  assert.ok(
    before.pages < 5 && /HTTP 400/.test(before.note ?? ''),
    'detection alone stops at the refused guess',
  );
  const har = await runCli(['diagnose', join(dir, 'x.har'), '--cursor', 'a'], dir);
  assert.equal(har.code, 2);
});

test('spec and export-config read a HAR file: the first paginated JSON response, or --entry N', async () => {
  const entry = (url: string, body: unknown) => ({
    request: { method: 'GET', url, headers: [{ name: 'Authorization', value: 'Bearer t0ken' }] },
    response: {
      status: 200,
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      content: { mimeType: 'application/json', text: JSON.stringify(body) },
    },
  });
  const har = {
    log: {
      entries: [
        entry('https://api.example.com/me', { id: 1, name: 'me' }),
        entry('https://api.example.com/drf/snippets/?page=1', {
          count: 3,
          next: 'https://api.example.com/drf/snippets/?page=2',
          previous: null,
          results: [{ id: 1 }, { id: 2 }],
        }),
      ],
    },
  };
  const file = join(dir, 'capture.har');
  await writeFile(file, JSON.stringify(har));
  const r = await runCli(['spec', file], dir);
  assert.equal(r.code, 0, r.err);
  const spec = JSON.parse(r.out);
  assert.equal(spec.request.url, 'https://api.example.com/drf/snippets/?page=1');
  assert.deepEqual(spec.request.supply, ['Authorization']);
  assert.ok(!r.out.includes('t0ken'), 'no secret value');
  assert.deepEqual(spec.next, { type: 'next-url', from: { in: 'body', path: 'next' } });
  const first = JSON.parse((await runCli(['spec', file, '--entry', '0'], dir)).out);
  assert.deepEqual(first.next, { type: 'none' });
  const dlt = await runCli(['export-config', file, '--to', 'dlt'], dir);
  assert.match(dlt.out, /"type": "json_link",\n\s+"next_url_path": "next"/);
  assert.match(dlt.out, /"Authorization": dlt\.secrets\["sources\.pagescope\.authorization"\]/);
  const missing = await runCli(['spec', join(dir, 'nope.har')], dir);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no such file/);
});

test('crawl --page-size asks for more per page from page 2 on: fewer requests, the same records', async () => {
  const r = await runCli(
    [
      'crawl',
      inhouse,
      '--cursor',
      'meta.continuation',
      '--cursor-param',
      'from',
      '--page-size',
      '50',
      '--json',
    ],
    dir,
  );
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  const summary = JSON.parse(lines.pop()!);
  const ids = events(lines.join('\n'));
  assert.deepEqual([ids.length, new Set(ids).size, summary.pages], [INHOUSE_TOTAL, INHOUSE_TOTAL, 3]);
  const bad = await runCli(['crawl', inhouse, '--page-size', 'lots'], dir);
  assert.equal(bad.code, 2);
});

test('a GraphQL POST: spec -d, then crawl --spec writes the cursor into variables.after to the end', async () => {
  const { RELAY_QUERY } = await import('../../demo/styles/relay.ts');
  const body = JSON.stringify({ query: RELAY_QUERY, variables: { first: 50 } });
  const s = await runCli(['spec', `${demo.origin}/graphql`, '-d', body], dir);
  assert.equal(s.code, 0, s.err);
  const spec = JSON.parse(s.out);
  assert.equal(spec.request.body, body, 'the body exactly as sent');
  assert.deepEqual(spec.next.param, 'variables.after');
  const file = join(dir, 'gql.spec.json');
  await writeFile(file, s.out);
  const out = join(dir, 'gql.ndjson');
  const r = await runCli(['crawl', '--spec', file, '--out', out], dir);
  assert.equal(r.code, 0, r.err);
  const ids = (await readFile(out, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: string }).id);
  assert.deepEqual([ids.length, new Set(ids).size], [189, 189]);
});

test('a crawl by the spec that stops early says to pass the spec again, and resumes by it', async () => {
  const out = join(dir, 'stopped.ndjson');
  const flags = ['--cursor', 'meta.continuation', '--cursor-param', 'from'];
  const r = await runCli(['crawl', inhouse, ...flags, '--max-pages', '2', '--out', out], dir);
  assert.equal(r.code, 0, r.err); // a limit reached is not a failure
  assert.match(r.err, /pass the same --spec or override flags when resuming/);
  const again = await runCli(['crawl', '--resume', `${out}.state.json`, ...flags], dir);
  assert.equal(again.code, 0, again.err);
  const ids = events(await readFile(out, 'utf8'));
  assert.deepEqual([ids.length, new Set(ids).size], [INHOUSE_TOTAL, INHOUSE_TOTAL]);
});

test('diagnose --spec FILE reads the chain by the spec file', async () => {
  const file = join(dir, 'inhouse.spec.json');
  const s = await runCli(['spec', inhouse, '--cursor', 'meta.continuation', '--cursor-param', 'from'], dir);
  await writeFile(file, s.out);
  const r = await runCli(['diagnose', '--spec', file, '--json'], dir);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  const [chain] = (JSON.parse(r.out) as { chains: { style: string; pages: number; note?: string }[] }).chains;
  assert.deepEqual([chain.style, chain.pages, chain.note], ['spec', 5, undefined]);
});
