// The convention as a test (as refined-github does for its features), with every list derived from
// the code, so nothing hand-kept can silently miss a detector: each detector file is registered,
// names the docs it follows and the fixtures that test it, fits a screen or two; each registered
// detector (header ones too) has at least one fixture expecting its style; and every fixture set is
// run by some test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { detectors } from './detectors.ts';
import { createContext } from './index.ts';
import { exchangeOf } from './fixtures/body-fixture.ts';
import { headerExchange, type HeaderFixture } from './fixtures/headers-fixture.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixturesDir = join(here, 'fixtures');

/** Detector name → the file that declares it (`export const x: Detector = { name: '…'`). */
function detectorFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(here)) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
    const src = readFileSync(join(here, f), 'utf8');
    for (const m of src.matchAll(/export const \w+: Detector = \{\s*name: '([^']+)'/g)) out.set(m[1], f);
  }
  return out;
}

/** Every exported array of fixtures under fixtures/, by export name. */
async function fixtureSets(): Promise<Map<string, { file: string; items: unknown[] }>> {
  const out = new Map<string, { file: string; items: unknown[] }>();
  for (const f of readdirSync(fixturesDir)) {
    if (!f.endsWith('.ts')) continue;
    const mod = (await import(pathToFileURL(join(fixturesDir, f)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (Array.isArray(value) && value.length && typeof value[0] === 'object')
        out.set(name, { file: f, items: value });
  }
  return out;
}

/** A fixture's exchange: header fixtures list `[name, value]` pairs, body fixtures `{ name, value }`. */
function exchangeOfAny(f: unknown) {
  const headers = (f as { headers?: unknown[] }).headers;
  return Array.isArray(headers?.[0])
    ? headerExchange(f as HeaderFixture)
    : exchangeOf(f as Parameters<typeof exchangeOf>[0]);
}

test('every detector file is registered, and every registered detector has its file', () => {
  const files = detectorFiles();
  const registered = detectors.map((d) => d.name);
  assert.ok(registered.length >= 30, `detectors registered: ${registered.length}`);
  assert.deepEqual(
    [...files.keys()].filter((n) => !registered.includes(n)),
    [],
    'declared but not registered',
  );
  assert.deepEqual(
    registered.filter((n) => !files.has(n)),
    [],
    'registered without a file of its own',
  );
  assert.equal(registered.indexOf('generic'), registered.length - 1, 'generic runs last');
});

test('every detector file names its docs and existing fixture files, and stays short', () => {
  for (const [name, file] of detectorFiles()) {
    const src = readFileSync(join(here, file), 'utf8');
    assert.ok(/Docs:/.test(src), `${file} names its docs`);
    assert.ok(/Fixtures:/.test(src), `${file} names its fixtures`);
    const named = [...src.matchAll(/fixtures\/([a-z0-9-]+\.ts)/g)].map((m) => m[1]);
    assert.ok(named.length > 0, `${file} names at least one fixtures/ file`);
    for (const n of named)
      assert.ok(existsSync(join(fixturesDir, n)), `${file} names fixtures/${n}, which exists`);
    assert.ok(src.split('\n').length <= 160, `${name}: ${file} fits on a screen or two`);
  }
});

test('every registered detector answers at least one positive fixture', async () => {
  const answered = new Set<string>();
  for (const { items } of (await fixtureSets()).values())
    for (const f of items) {
      if (!(f as { expect?: unknown }).expect) continue; // negatives: nothing may answer them
      const c = createContext(exchangeOfAny(f));
      if (!c.ok) continue;
      for (const d of detectors) if (!answered.has(d.name) && d.detect(c.ctx)) answered.add(d.name);
    }
  assert.deepEqual(
    detectors.map((d) => d.name).filter((n) => !answered.has(n)),
    [],
    'detectors that no fixture exercises',
  );
});

test('every fixture set is imported by a test', async () => {
  const tests = readdirSync(here)
    .filter((f) => f.endsWith('.test.ts') && f !== 'registry.test.ts')
    .map((f) => readFileSync(join(here, f), 'utf8'))
    .join('\n');
  const namespaced = (file: string) =>
    new RegExp(`import \\* as \\w+ from '\\./fixtures/${file}'`).test(tests);
  const unused = [...(await fixtureSets()).entries()]
    .filter(([name, { file }]) => !new RegExp(`\\b${name}\\b`).test(tests) && !namespaced(file))
    .map(([name, { file }]) => `${file}: ${name}`);
  assert.deepEqual(unused, []);
});
