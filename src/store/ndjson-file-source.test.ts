import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ndjsonFileSource } from './ndjson-file-source.ts';

const dir = mkdtempSync(join(tmpdir(), 'pagescope-ndjson-source-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, batchSize?: number) {
  const batches: unknown[][] = [];
  for await (const b of ndjsonFileSource(path, batchSize)()) batches.push([...b]);
  return batches;
}

test('lines cut by the read size, multi-byte text across the cut, CRLF and blank lines', async () => {
  // ~1.2 MB: several reads of 256 KiB, so lines and UTF-8 sequences straddle read boundaries.
  const records = Array.from({ length: 3000 }, (_, i) => ({ id: i, text: `日本 ${'é'.repeat(i % 300)} 🎉` }));
  const path = join(dir, 'big.ndjson');
  const lines = records.map((r, i) => JSON.stringify(r) + (i % 5 === 0 ? '\r\n' : '\n'));
  lines.splice(10, 0, '\n', '\r\n');
  writeFileSync(path, lines.join('') + '{"id":"last, no newline"}');
  const batches = await readAll(path, 1000);
  assert.deepEqual(
    batches.map((b) => b.length),
    [1000, 1000, 1000, 1],
  );
  assert.deepEqual(batches.flat(), [...records, { id: 'last, no newline' }]);
  // Each call reads the file again.
  assert.equal((await readAll(path, 5000)).flat().length, 3001);
});

test('a line that is not JSON is named by its line number', async () => {
  const path = join(dir, 'bad.ndjson');
  writeFileSync(path, '{"a":1}\n\n{"a":2}\n{"a":\n');
  await assert.rejects(readAll(path), new RegExp(`${path.replace(/[.\\]/g, '\\$&')}:4: not a JSON line`));
  const empty = join(dir, 'empty.ndjson');
  writeFileSync(empty, '');
  assert.deepEqual(await readAll(empty), []);
});
