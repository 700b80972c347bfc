import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCrawlState, saveCrawlState, type CrawlStateFile } from './crawl-state-file.ts';

const state: CrawlStateFile = {
  tool: 'pagescope-crawl',
  version: 1,
  startUrl: 'http://127.0.0.1:1/x',
  format: 'ndjson',
  out: null,
  recordFile: null,
  recordBytes: null,
  records: 0,
  headerNames: ['Authorization'],
  checkpoint: {
    version: 1,
    startUrl: 'http://127.0.0.1:1/x',
    style: 'link-header',
    kind: 'link',
    nextIndex: 1,
    next: null,
    pages: 1,
    records: 0,
    duplicates: 0,
    seenIds: [],
    seenUrls: [],
    seenCursors: [],
    pageHashes: [],
    errors: 0,
    retries: 0,
  },
  updatedAt: new Date(0).toISOString(),
};

test('a state file is written 0600, even over an older 0644 one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pagescope-state-'));
  const path = join(dir, 's.json');
  await writeFile(path, '{}', { mode: 0o644 });
  await saveCrawlState(path, state);
  assert.equal((await stat(path)).mode & 0o777, 0o600);
  assert.deepEqual(await loadCrawlState(path), state);
});

test('a failed save leaves the previous state and no temp file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pagescope-state-'));
  const path = join(dir, 'busy');
  await mkdir(path);
  await writeFile(join(path, 'keep'), 'x'); // rename onto a non-empty directory fails
  await assert.rejects(saveCrawlState(path, state));
  assert.deepEqual((await readdir(dir)).sort(), ['busy']);
});
