// The layer rule as a test: src/core imports nothing from the browser, Node, UI or storage,
// and touches no browser or Node globals, so one engine serves the panel, the CLI and the tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const coreDir = dirname(fileURLToPath(import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const forbiddenImport =
  /from\s+['"](preact[^'"]*|@preact\/[^'"]*|idb|webextension-polyfill|node:[^'"]+|fs|path|http|https|os|url|got|undici)['"]/;
const forbiddenGlobal =
  /\b(window|document|chrome|browser|process|Buffer|require|localStorage|indexedDB)\s*[.([]/;

test('src/core stays pure: no browser, Node, UI or storage imports or globals', () => {
  const files = sources(coreDir);
  assert.ok(files.length > 3, 'core sources found');
  const bad: string[] = [];
  for (const f of files) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (/^\s*(\*|\/\*)/.test(line)) return; // doc comments may name globals
      if (forbiddenImport.test(code) || forbiddenGlobal.test(code)) bad.push(`${f}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(bad, []);
});
