// The built CLI (dist/cli/pagescope.mjs) as users run it: a child process against the demo API.
// Every catalog style crawls to NDJSON with exactly its totalRecords unique ids; a dead host and a
// non-JSON first page exit 1 with one line; diagnose exits 1 on a buggy chain and 0 on a clean one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'dist/cli/pagescope.mjs');

type Style = {
  style: string;
  firstPage: string;
  totalRecords: number;
  idField: string;
  request?: { method: string; headers?: Record<string, string>; body?: string };
};

let demo: DemoServer;
let dir: string;
let styles: Style[];

async function newestSource(path: string): Promise<number> {
  let newest = 0;
  for (const e of await readdir(path, { withFileTypes: true })) {
    const p = join(path, e.name);
    newest = Math.max(newest, e.isDirectory() ? await newestSource(p) : (await stat(p)).mtimeMs);
  }
  return newest;
}

/** Runs a command without blocking the event loop (the demo server answers from this process). */
function exec(
  file: string,
  args: string[],
  timeout = 120_000,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(file, args, { cwd: dir, timeout, maxBuffer: 64 * 1024 * 1024 }, (e, out, err) => {
      const code = e ? (typeof e.code === 'number' ? e.code : 1) : 0;
      done({ code, out, err });
    });
  });
}
const cli = (...args: string[]) => exec(process.execPath, [bin, ...args]);

before(async () => {
  // Build only when the bundle is missing or older than the sources it is built from.
  const built = await stat(bin)
    .then((s) => s.mtimeMs)
    .catch(() => 0);
  if (built < (await newestSource(join(root, 'src')))) {
    const b = await exec(process.execPath, [join(root, 'scripts/build.mjs')]);
    assert.equal(b.code, 0, `build failed: ${b.err}`);
  }
  demo = await startDemoServer({});
  dir = await mkdtemp(join(tmpdir(), 'pagescope-cli-'));
  styles = (await (await fetch(`${demo.origin}/api/styles.json`)).json()) as Style[];
});

after(async () => {
  await demo?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('crawl: every demo style to NDJSON holds exactly totalRecords unique ids', async () => {
  assert.ok(styles.length >= 20);
  // Six child processes at a time: each is mostly Node start-up and waiting on the demo.
  const queue = [...styles];
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) await crawlsExactly(s);
    }),
  );
});

async function crawlsExactly(s: Style): Promise<void> {
  {
    // A style read over POST is also served over GET at its firstPage; its headers still matter (PostgREST's Prefer).
    const headers = Object.entries(s.request?.headers ?? {})
      .filter(([k]) => k.toLowerCase() !== 'content-type')
      .flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const out = join(dir, `${s.style}.ndjson`);
    const r = await cli('crawl', new URL(s.firstPage, demo.origin).href, '-o', out, '--json', ...headers);
    assert.equal(r.code, 0, `${s.style}: ${r.err}`);
    const lines = (await readFile(out, 'utf8')).split('\n').filter(Boolean);
    const ids = lines.map((l) => (JSON.parse(l) as Record<string, unknown>)[s.idField]);
    assert.ok(
      ids.every((id) => id !== undefined && id !== null),
      `${s.style}: every record has ${s.idField}`,
    );
    assert.equal(new Set(ids.map(String)).size, s.totalRecords, `${s.style}: unique ids`);
    assert.equal(lines.length, s.totalRecords, `${s.style}: no record twice`);
    const summary = JSON.parse(r.out.trim().split('\n').pop()!) as { records: number; stoppedReason: string };
    assert.deepEqual([summary.records, summary.stoppedReason], [s.totalRecords, 'done'], s.style);
  }
}

test('crawl: a dead host (connection refused) exits 1 with one line', async () => {
  const dead = http.createServer();
  await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
  const port = (dead.address() as AddressInfo).port;
  await new Promise<void>((r) => dead.close(() => r()));
  const r = await cli('crawl', `http://127.0.0.1:${port}/api/items`);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /cannot reach .*connection refused/);
  assert.equal(r.err.trim().split('\n').length, 1, r.err);
  assert.equal(r.out, '');
});

test('crawl: a first page that is not JSON (the demo HTML page) exits 1 with one line', async () => {
  const r = await cli('crawl', `${demo.origin}/`);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /did not return JSON/);
  assert.equal(r.err.trim().split('\n').length, 1, r.err);
  assert.equal(r.out, '');
});

test('diagnose: exit 1 on a buggy chain, 0 on a clean one', async () => {
  const buggy = await cli('diagnose', `${demo.origin}/buggy/drops-filter?status=open&page=1`, '--json');
  assert.equal(buggy.code, 1, buggy.err);
  const report = JSON.parse(buggy.out) as { chains: { findings: { rule: string; severity: string }[] }[] };
  assert.deepEqual(
    report.chains.flatMap((c) => c.findings.map((f) => `${f.rule}/${f.severity}`)),
    ['link-hygiene/error'],
  );
  const clean = await cli('diagnose', `${demo.origin}/api/v2/resources?limit=10&page=1`);
  assert.equal(clean.code, 0, clean.err);
  // No error or warning; an info finding (the API's links over its page numbers) is not a problem.
  assert.match(clean.out, /^0 errors, 0 warnings, \d+ info$/m);
});
