// pagescope diagnose, in-process through main(), against a local node:http server.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { runCli, type CliRun } from '../run-in-process.ts';
import * as api from '../../core/diagnose/fixtures/api.ts';

const routes: Record<string, api.Handler> = {
  '/clean/users': api.laravel(api.records(23)),
  '/buggy/tickets': api.laravel(api.records(23), { dropInNext: ['status'] }),
  '/buggy/customers': api.vend(api.records(23), { clamp: true }),
  '/plain': () => ({ body: { hello: 'world' } }),
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const handler = routes[url.pathname];
  if (!handler) return void res.writeHead(404).end();
  const reply = handler(url);
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
  res.end(JSON.stringify(reply.body));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => server.close());

function cli(...argv: string[]): Promise<CliRun> {
  return runCli(['diagnose', ...argv]);
}

test('diagnose URL: a clean chain → no findings, exit 0', async () => {
  const r = await cli(`${base}/clean/users?per_page=5`);
  assert.equal(r.code, 0, r.err + r.out);
  assert.match(r.out, /GET \/clean\/users {2}\(laravel, page\) {2}5 pages/);
  assert.match(r.out, /no findings/);
});

test('diagnose URL: next links dropping a filter → error finding, exit 1; --json carries it', async () => {
  const r = await cli(`${base}/buggy/tickets?per_page=5&status=open`);
  assert.equal(r.code, 1, r.err + r.out);
  assert.match(r.out, /error {3}link-hygiene: The next link of page 1 drops status=open/);
  assert.match(r.out, /fix: /);
  const j = await cli(`${base}/buggy/tickets?per_page=5&status=open`, '--json');
  assert.equal(j.code, 1);
  const doc = JSON.parse(j.out);
  assert.equal(doc.chains.length, 1);
  assert.ok(
    doc.chains[0].findings.some(
      (f: { rule: string; severity: string }) => f.rule === 'link-hygiene' && f.severity === 'error',
    ),
  );
  assert.ok(doc.summary.error >= 1);
});

test('diagnose URL: a clamped last page is found by probing past the end (warning only → exit 0)', async () => {
  const r = await cli(`${base}/buggy/customers?page_size=5`, '--json');
  assert.equal(r.code, 0, r.err);
  const rules = JSON.parse(r.out).chains[0].findings.map((f: { rule: string }) => f.rule);
  assert.deepEqual(rules, ['repeated-last-page']);
});

test('diagnose URL: --max-pages bounds the crawl', async () => {
  const r = await cli(`${base}/clean/users?per_page=5`, '--max-pages', '2', '--json');
  assert.equal(r.code, 0);
  assert.equal(JSON.parse(r.out).chains[0].pages, 2);
});

test('diagnose FILE.har: every chain in the file, exit 1 on an error', async () => {
  const exchanges = [
    ...api.walk('https://api.test/v1/users?per_page=5', api.laravel(api.records(23))),
    ...api.walk(
      'https://api.test/v1/tickets?per_page=5&status=open',
      api.laravel(api.records(23), { dropInNext: ['status'] }),
    ),
  ];
  const har = {
    log: {
      version: '1.2',
      entries: exchanges.map((e) => ({
        request: { method: 'GET', url: e.request.url, headers: [] },
        response: {
          status: 200,
          headers: e.response.headers,
          content: { mimeType: 'application/json', text: e.response.bodyText },
        },
      })),
    },
  };
  const dir = mkdtempSync(join(tmpdir(), 'pagescope-diagnose-'));
  writeFileSync(join(dir, 'capture.har'), JSON.stringify(har));
  const r = await cli(join(dir, 'capture.har'), '--json');
  assert.equal(r.code, 1, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.chains.length, 2);
  const byTitle = Object.fromEntries(
    doc.chains.map((c: { title: string; findings: { rule: string }[] }) => [
      c.title,
      c.findings.map((f) => f.rule),
    ]),
  );
  assert.deepEqual(byTitle['GET /v1/users'], []);
  assert.ok(byTitle['GET /v1/tickets'].includes('link-hygiene'));
});

test('diagnose: bad input exits 2', async () => {
  assert.equal((await cli()).code, 2);
  assert.equal((await cli('/no/such/file.har')).code, 2);
  assert.equal((await cli(`${base}/missing`)).code, 2);
  assert.equal((await cli(`${base}/plain`)).code, 2);
  assert.equal((await cli(`${base}/clean/users`, '-H', 'nonsense')).code, 2);
});
