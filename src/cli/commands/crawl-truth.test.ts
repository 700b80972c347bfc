// `pagescope crawl` on the demo traps (src/demo/traps): the API's links win over page numbers, and
// the summary line and --json say where they disagreed; every record exactly once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../run-in-process.ts';
import { startDemoServer } from '../../demo/server.ts';
import { trapCatalog } from '../../demo/traps/index.ts';

const demo = await startDemoServer();
const dir = await mkdtemp(join(tmpdir(), 'pagescope-truth-'));
after(() => demo.close());

async function crawlTrap(name: string, ...more: string[]) {
  const t = trapCatalog.find((x) => x.trap === name)!;
  const out = join(dir, `${name}.ndjson`);
  const r = await runCli(['crawl', demo.origin + t.firstPage, '--out', out, '--json', ...more], dir);
  const ids = (await readFile(out, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { id: unknown }).id);
  const summary = JSON.parse(r.out.trim().split('\n').at(-1)!) as { notes?: string[]; errors: number };
  return { r, ids, summary, t };
}

test('crawl: a next link to another path — every record once, the note in the line and in --json', async () => {
  const { r, ids, summary, t } = await crawlTrap('hop');
  assert.equal(r.code, 0, r.err);
  assert.equal(ids.length, t.totalRecords);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(summary.errors, 0);
  assert.match(summary.notes?.[0] ?? '', /links and page numbers disagreed at page 3/);
  assert.match(r.err + r.out, /done; note: links and page numbers disagreed at page 3/);
});

test('crawl: ragged Vend 2.0 pages go on to the empty page (216 records)', async () => {
  const { r, ids, t } = await crawlTrap('vend2-ragged');
  assert.equal(r.code, 0, r.err);
  assert.equal(ids.length, t.totalRecords);
  assert.equal(new Set(ids).size, ids.length);
});
