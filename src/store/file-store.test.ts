import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, appendFile, access, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Checkpoint, CrawledPage } from '../core/crawl/types.ts';
import type { ExportFormat } from '../core/export/types.ts';
import { openFileStore } from './file-store.ts';
import { loadCrawlState, type CrawlStateFile } from './crawl-state-file.ts';

const page = (index: number) => ({ index }) as CrawledPage;
const cp = (nextIndex: number) =>
  ({ version: 1, nextIndex, records: nextIndex * 2 }) as unknown as Checkpoint;
const recs = (p: number) => [
  { id: p * 2, name: `r${p}a`, nested: { v: p } },
  { id: p * 2 + 1, name: '=cmd' },
];
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

async function setup(format: ExportFormat) {
  const dir = await mkdtemp(join(tmpdir(), 'pagescope-store-'));
  const out = join(dir, `out.${format}`);
  const statePath = join(dir, 'state.json');
  const stdout = new PassThrough();
  const base = {
    format,
    out,
    statePath,
    stdout,
    startUrl: 'http://127.0.0.1/x',
    headerNames: ['Authorization'],
  };
  return { dir, out, statePath, base };
}

/**
 * Writes pages up to `to` (from where the saved checkpoint says, like the engine) and stops.
 * `killed`: no finish; a half-written page lands after the last checkpoint, as when a process dies.
 */
async function run(
  o: Awaited<ReturnType<typeof setup>>,
  resuming: boolean,
  to: number,
  end: 'complete' | 'stopped' | 'killed',
) {
  const resume = resuming ? await loadCrawlState(o.statePath) : undefined;
  const store = await openFileStore({ ...o.base, resume });
  for (let p = resume?.checkpoint.nextIndex ?? 0; p < to; p++)
    await store.writePage(page(p), recs(p), cp(p + 1));
  if (end === 'killed') {
    await store.sync();
    const s = await loadCrawlState(o.statePath);
    await appendFile(s.recordFile!, '{"id":999,"half written page":true}\n,{"id":998}');
    return;
  }
  await store.finish(cp(to), end === 'complete');
}

const expected = (n: number) => Array.from({ length: n }, (_, p) => recs(p)).flat();

for (const format of ['ndjson', 'json'] as const) {
  test(`${format}: stop, kill and resume give every record exactly once`, async () => {
    const o = await setup(format);
    await run(o, false, 2, 'stopped');
    const partial = await readFile(o.out, 'utf8');
    const parse = (t: string) =>
      format === 'json'
        ? JSON.parse(t)
        : t
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l));
    assert.deepEqual(parse(partial), expected(2), 'a stopped crawl leaves a valid file');
    const state = await loadCrawlState(o.statePath);
    assert.equal(state.records, 4);
    assert.deepEqual(state.headerNames, ['Authorization']);
    assert.ok(!JSON.stringify(state).includes('Bearer'));
    await run(o, true, 3, 'killed');
    await run(o, true, 5, 'complete');
    assert.deepEqual(parse(await readFile(o.out, 'utf8')), expected(5));
    assert.equal(await exists(o.statePath), false, 'a complete crawl removes its state');
  });
}

test('csv: spooled as NDJSON, assembled with the union header, resumable', async () => {
  const o = await setup('csv');
  await run(o, false, 1, 'stopped');
  assert.equal(await readFile(o.out, 'utf8'), "id,name,nested.v\r\n0,r0a,0\r\n1,'=cmd,\r\n");
  await run(o, true, 2, 'killed');
  await run(o, true, 3, 'complete');
  const lines = (await readFile(o.out, 'utf8')).split('\r\n');
  assert.equal(lines.length, 1 + 6 + 1);
  assert.deepEqual(lines.slice(5, 7), ['4,r2a,2', "5,'=cmd,"]);
  assert.equal(await exists(`${o.out}.part.ndjson`), false, 'spool removed when complete');
});

test('csv: columns collected while spooling, and after a resume also those of records spooled before it', async () => {
  const o = await setup('csv');
  const first = await openFileStore(o.base);
  await first.writePage(page(0), [{ id: 0, early: { x: 'only before the resume' } }], cp(1));
  await first.finish(cp(1), false);
  assert.equal(await readFile(o.out, 'utf8'), 'id,early.x\r\n0,only before the resume\r\n');
  const again = await openFileStore({ ...o.base, resume: await loadCrawlState(o.statePath) });
  await again.writePage(page(1), [{ late: true, id: 1 }], cp(2));
  await again.finish(cp(2), true);
  assert.equal(await readFile(o.out, 'utf8'), 'id,early.x,late\r\n0,only before the resume,\r\n1,,true\r\n');
});

test('csv: the state keeps the columns of the records it covers; a resume goes on from them', async () => {
  const o = await setup('csv');
  const store = await openFileStore(o.base);
  await store.writePage(page(0), [{ id: 0, a: { 'x.y': 1 } }], cp(1));
  await store.sync();
  const lagging = await readFile(o.statePath, 'utf8');
  assert.deepEqual(JSON.parse(lagging).columns, ['id', 'a.x\\.y']);
  // Killed after a page with a new column reached the spool but before its state did.
  await store.writePage(page(1), [{ id: 1, lost: true }], cp(2));
  await store.sync();
  assert.deepEqual((await loadCrawlState(o.statePath)).columns, ['id', 'a.x\\.y', 'lost']);
  await writeFile(o.statePath, lagging);
  const again = await openFileStore({ ...o.base, resume: await loadCrawlState(o.statePath) });
  await again.writePage(page(1), [{ id: 1, b: 'x' }], cp(2));
  await again.finish(cp(2), true);
  assert.equal(await readFile(o.out, 'utf8'), 'id,a.x.y,b\r\n0,1,\r\n1,,x\r\n');
});

/** One CSV page stopped, its saved state changed by `edit`, then a resume that adds a page: the CSV. */
async function csvResumedWith(edit: (state: CrawlStateFile) => void): Promise<string> {
  const o = await setup('csv');
  const first = await openFileStore(o.base);
  await first.writePage(page(0), [{ id: 0, early: 1 }], cp(1));
  await first.finish(cp(1), false);
  const state = await loadCrawlState(o.statePath);
  edit(state);
  const again = await openFileStore({ ...o.base, resume: state });
  await again.writePage(page(1), [{ id: 1, late: 2 }], cp(2));
  await again.finish(cp(2), true);
  return readFile(o.out, 'utf8');
}

test("csv: a resume takes the spooled records' columns from the state, not from a read of the spool", async () => {
  // The order a first pass over the spool would find is id, early; the state's order shows it was used.
  const csv = await csvResumedWith((state) => (state.columns = ['early', 'id']));
  assert.equal(csv, 'early,id,late\r\n1,0,\r\n,1,2\r\n');
});

test('csv: a state written before states kept columns still resumes (the spool is read for them)', async () => {
  const csv = await csvResumedWith((state) => delete state.columns);
  assert.equal(csv, 'id,early,late\r\n0,1,\r\n1,,2\r\n');
});

test('records on disk ahead of the saved state are cut back and fetched again, exactly once', async () => {
  const o = await setup('ndjson');
  const store = await openFileStore(o.base);
  for (let p = 0; p < 3; p++) await store.writePage(page(p), recs(p), cp(p + 1));
  await store.sync();
  const lagging = await readFile(o.statePath, 'utf8');
  for (let p = 3; p < 6; p++) await store.writePage(page(p), recs(p), cp(p + 1));
  await store.sync();
  // Killed after the records of pages 3–5 reached the file but before their state did.
  await writeFile(o.statePath, lagging);
  await run(o, true, 8, 'complete');
  const ids = (await readFile(o.out, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).id);
  assert.deepEqual(
    ids,
    expected(8).map((r) => r.id),
  );
});

test('records wait in memory for the next state save, which writes them first: one disk write per save', async () => {
  const o = await setup('ndjson');
  const store = await openFileStore({ ...o.base, stateIntervalMs: 60_000 });
  const lines = async () => (await readFile(o.out, 'utf8')).split('\n').filter(Boolean).length;
  await store.writePage(page(0), recs(0), cp(1));
  await store.sync();
  assert.equal(await lines(), 2);
  for (let p = 1; p < 4; p++) await store.writePage(page(p), recs(p), cp(p + 1));
  // Let every pending turn of the event loop and of the thread pool run (no fixed sleep): a save
  // started now would have written by then.
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setImmediate(r));
    await lines();
  }
  assert.equal(await lines(), 2, 'pages 1–3 are held: the next save is a minute away');
  assert.equal((await loadCrawlState(o.statePath)).checkpoint.nextIndex, 1);
  await store.sync();
  const state = await loadCrawlState(o.statePath);
  assert.equal(await lines(), 8);
  assert.deepEqual([state.checkpoint.nextIndex, state.records], [4, 8]);
  assert.equal(state.recordBytes, (await readFile(o.out)).length, 'the state counts exactly what is on disk');
  await store.finish(cp(4), true);
});

test('resume refuses a record file that shrank', async () => {
  const o = await setup('ndjson');
  await run(o, false, 2, 'stopped');
  await writeFile(o.out, '');
  await assert.rejects(run(o, true, 3, 'complete'), /shorter than the state says/);
});

test('stdout output: records stream to the given stream; unwritable file is a one-line error', async () => {
  const o = await setup('ndjson');
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (c) => (text += c));
  const store = await openFileStore({ ...o.base, out: null, stdout });
  await store.writePage(page(0), recs(0), cp(1));
  await store.finish(cp(1), true);
  assert.deepEqual(
    text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
    recs(0),
  );
  await assert.rejects(
    openFileStore({ ...o.base, out: join(o.dir, 'no/such/dir/x.ndjson') }),
    /cannot write .*ENOENT/,
  );
});
