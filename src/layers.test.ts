// The one-way rule as a test: data flows capture → detect → chain → crawl → store → export, so the
// import graph of src/ has no cycles (type-only imports count: they couple files as much) and no
// layer imports one above it (core ← store ← extension, core ← store ← cli; extension and cli never
// import each other; demo is a test server over core only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const srcDir = dirname(fileURLToPath(import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Relative specifiers of static imports, re-exports and dynamic `import('…')` in one file. */
function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of sources(srcDir)) {
    const rel = relative(srcDir, f);
    const deps = importsOf(readFileSync(f, 'utf8')).map((s) => relative(srcDir, resolve(dirname(f), s)));
    g.set(rel, deps);
  }
  return g;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (g.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const layerOf = (file: string) => file.split('/')[0];
/** Which top-level folders each layer may import from (itself always). */
const ALLOWED: Record<string, string[]> = {
  core: [],
  store: ['core'],
  extension: ['core', 'store'],
  cli: ['core', 'store'],
  demo: ['core'],
};

test('the import graph of src/ has no cycles', () => {
  const found = cycles(graph());
  assert.deepEqual(
    found.map((c) => c.join(' <-> ')),
    [],
  );
});

test('shipped code imports only downward: core ← store ← extension / cli; demo over core', () => {
  const bad: string[] = [];
  for (const [file, deps] of graph()) {
    const from = layerOf(file);
    const allowed = ALLOWED[from];
    if (!allowed) continue; // top-level files (this test) are not a layer
    if (file.endsWith('.test.ts')) continue; // a test may start the demo server as its fixture
    for (const d of deps) {
      if (d === '../package.json' && from === 'cli') continue; // `pagescope --version` reads it
      const to = layerOf(d);
      if (to !== from && !allowed.includes(to)) bad.push(`${file} imports ${d}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the cycle finder itself finds a cycle and a self-import', () => {
  const g = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['d.ts']],
    ['e.ts', ['a.ts']],
  ]);
  assert.deepEqual(cycles(g), [['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
});
