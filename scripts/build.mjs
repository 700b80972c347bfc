// One build for every target: bundles the extension once, then writes it to dist/chrome,
// dist/chrome-e2e and dist/firefox with a manifest generated per browser from manifest.json,
// and bundles the CLI to dist/cli/pagescope.mjs. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { TARGETS, manifestFor, targetHas } from './manifests.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const publicDir = path.join(root, 'public');
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function readManifest() {
  return JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
}

/** Every file under `dir`, relative to it. */
function listFiles(dir, base = dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, base, out);
    else out.push(path.relative(base, p));
  }
  return out;
}

/**
 * Writes each target directory file by file (temp file + rename) and then drops stale files,
 * so a browser loading the extension during a rebuild never finds a half-written or missing
 * manifest: several people and test runs share one dist/.
 */
function writeExtension(outputFiles, bundleDir) {
  const manifest = readManifest();
  const files = new Map(listFiles(publicDir).map((rel) => [rel, fs.readFileSync(path.join(publicDir, rel))]));
  for (const f of outputFiles) files.set(path.relative(bundleDir, f.path), f.contents);
  // panel.html links panel.css; until the panel imports any CSS, keep that link from 404ing.
  if (!files.has('panel.css')) files.set('panel.css', '');
  for (const target of TARGETS) {
    const dir = path.join(dist, target);
    const all = new Map([...files].filter(([rel]) => targetHas(target, rel)));
    all.set('manifest.json', JSON.stringify(manifestFor(target, manifest, pkg.version), null, 2) + '\n');
    for (const [rel, contents] of all) {
      const out = path.join(dir, rel);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(`${out}.${process.pid}.tmp`, contents);
      fs.renameSync(`${out}.${process.pid}.tmp`, out);
    }
    for (const rel of listFiles(dir)) if (!all.has(rel)) fs.rmSync(path.join(dir, rel), { force: true });
  }
}

const bundleDir = path.join(dist, '.extension');

/** esbuild with write:false hands the bundles here, so one bundle fans out to three targets. */
const fanOut = {
  name: 'fan-out',
  setup(build) {
    let started = 0;
    build.onStart(() => {
      started = performance.now();
    });
    build.onEnd((result) => {
      if (result.errors.length) return;
      writeExtension(result.outputFiles ?? [], bundleDir);
      console.log(`extension: dist/{${TARGETS.join(',')}} in ${Math.round(performance.now() - started)} ms`);
    });
  },
};

const extension = await esbuild.context({
  entryPoints: {
    devtools: path.join(root, 'src/extension/devtools/devtools.ts'),
    panel: path.join(root, 'src/extension/panel/main.tsx'),
    background: path.join(root, 'src/extension/background/background.ts'),
    grant: path.join(root, 'src/extension/grant/grant.ts'),
  },
  outdir: bundleDir,
  bundle: true,
  format: 'iife',
  target: ['chrome116', 'firefox128'],
  sourcemap: true,
  minify: !watch,
  write: false,
  logLevel: 'warning',
  plugins: [fanOut],
});

const cli = await esbuild.context({
  entryPoints: [path.join(root, 'src/cli/main.ts')],
  outfile: path.join(dist, 'cli/pagescope.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // main.ts keeps its own `#!/usr/bin/env node`, which esbuild moves to the top of the output.
  // Bundled CommonJS dependencies may call require(); ESM output has none, so provide one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

const started = performance.now();
const results = await Promise.allSettled([extension.rebuild(), cli.rebuild()]);
if (results.some((r) => r.status === 'rejected')) {
  await Promise.all([extension.dispose(), cli.dispose()]);
  process.exit(1);
}
fs.chmodSync(path.join(dist, 'cli/pagescope.mjs'), 0o755);
console.log(`cli: dist/cli/pagescope.mjs; build done in ${Math.round(performance.now() - started)} ms`);

if (watch) {
  await Promise.all([extension.watch(), cli.watch()]);
  // esbuild watches only bundled sources; static files and the manifest are copied on change.
  const copyStatics = () => extension.rebuild().catch(() => {});
  fs.watch(publicDir, { recursive: true }, copyStatics);
  fs.watch(path.join(root, 'manifest.json'), copyStatics);
  console.log('watching for changes (Ctrl+C to stop)');
} else {
  await Promise.all([extension.dispose(), cli.dispose()]);
}
