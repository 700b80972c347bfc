// `npm run test:package` (after the build; npm test runs it): the store zips and the CLI tarball as
// a user and a store reviewer get them.
// - npm run package twice, with a rebuild between, gives identical bytes; the extension zips hold the
//   store manifest at their root and no source maps; the source zip rebuilds the same Firefox zip.
// - npm pack gives a tarball that installs with no warning into a fresh --prefix, and the installed
//   `pagescope` prints package.json's version and crawls the demo API.
// - web-ext lint finds no error in dist/firefox.
// Run with tsx (the demo server is TypeScript): node --import tsx --test scripts/check-package.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemoServer } from '../src/demo/server.ts';
import { manifestFor } from './manifests.mjs';
import { unzip, zipFiles } from './zip.mjs';
import { extensionFiles } from './package.mjs';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const source = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pagescope-package-'));
const kinds = ['chrome', 'firefox', 'source'];
const zipName = (kind) => `pagescope-${pkg.version}-${kind}.zip`;

// Children get a clean npm environment: `npm test` exports npm_config_* (prefix, global…) to scripts.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env, ...opts });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}
const node = (...args) => run(process.execPath, args);

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

let zips = {};
before(() => {
  node('scripts/package.mjs', '--out', path.join(tmp, 'a'));
  node('scripts/build.mjs'); // a second build from the same sources
  node('scripts/package.mjs', '--out', path.join(tmp, 'b'));
  zips = Object.fromEntries(kinds.map((k) => [k, fs.readFileSync(path.join(tmp, 'a', zipName(k)))]));
});

test('npm run package: two runs from the same sources give byte-identical zips', () => {
  for (const kind of kinds) {
    const b = fs.readFileSync(path.join(tmp, 'b', zipName(kind)));
    assert.ok(zips[kind].equals(b), `${zipName(kind)} differs between runs`);
  }
});

test('the extension zips: the store manifest at the root, no source maps, no test-only host access', () => {
  for (const target of ['chrome', 'firefox']) {
    const files = unzip(zips[target]);
    const manifest = JSON.parse(files.get('manifest.json').toString('utf8'));
    assert.deepEqual(manifest, manifestFor(target, source, pkg.version), target);
    assert.equal(manifest.host_permissions, undefined, `${target}: no host granted at install`);
    for (const [name, data] of files) {
      assert.ok(!name.endsWith('.map'), `${target}: ${name}`);
      assert.ok(!data.includes('sourceMappingURL'), `${target}: ${name} points at a source map`);
    }
    for (const name of ['devtools.html', 'devtools.js', 'panel.html', 'panel.js', 'icons/icon-128.png'])
      assert.ok(files.has(name), `${target} has ${name}`);
    assert.equal(files.has('grant.js'), target === 'firefox', `${target}: grant.js only in Firefox`);
  }
});

test('the source zip holds what a reviewer needs and rebuilds the same Firefox zip', () => {
  const files = unzip(zips.source);
  const top = `pagescope-${pkg.version}/`;
  for (const name of ['BUILD.md', 'package.json', 'package-lock.json', 'manifest.json', 'scripts/build.mjs'])
    assert.ok(files.has(top + name), name);
  assert.ok(files.has(`${top}src/extension/panel/main.tsx`));
  assert.ok(
    ![...files.keys()].some((n) => /\/(node_modules|dist)\//.test(n)),
    'no dependencies or build output',
  );
  assert.match(
    files.get(`${top}BUILD.md`).toString('utf8'),
    /npm ci[\s\S]*npm run build[\s\S]*npm run package/,
  );

  // Unpack, build there (with this checkout's node_modules), and zip its dist/firefox.
  const dir = path.join(tmp, 'review');
  for (const [name, data] of files) {
    const out = path.join(dir, name);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, data);
  }
  const tree = path.join(dir, top);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
  run(process.execPath, ['scripts/build.mjs'], { cwd: tree });
  const rebuilt = zipFiles(extensionFiles('firefox', path.join(tree, 'dist')));
  assert.ok(rebuilt.equals(zips.firefox), 'the source zip builds a different Firefox package');
});

test('npm pack → npm install -g into a fresh prefix: a working pagescope, installed without warnings', async () => {
  const packDir = path.join(tmp, 'pack');
  fs.mkdirSync(packDir);
  run('npm', ['pack', '--pack-destination', packDir]);
  const tarball = path.join(packDir, `pagescope-${pkg.version}.tgz`);
  assert.ok(fs.existsSync(tarball), 'npm pack wrote the tarball');

  const prefix = path.join(tmp, 'prefix');
  const install = run('npm', ['install', '-g', '--prefix', prefix, tarball], { cwd: packDir });
  const said = `${install.stdout}\n${install.stderr}`;
  assert.doesNotMatch(said, /\bwarn|\bERR/i, said);
  const installed = path.join(prefix, 'lib/node_modules/pagescope');
  assert.ok(fs.existsSync(path.join(installed, 'dist/cli/pagescope.mjs')), 'the built CLI is in the tarball');
  assert.ok(!fs.existsSync(path.join(installed, 'node_modules')), 'nothing else is needed at run time');

  const bin = path.join(prefix, 'bin/pagescope');
  assert.equal(run(bin, ['--version'], { cwd: packDir }).stdout, `pagescope ${pkg.version}\n`);

  const demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
  try {
    const styles = await (await fetch(`${demo.origin}/api/styles.json`)).json();
    const info = styles.find((s) => s.style === 'laravel');
    const out = path.join(packDir, 'laravel.ndjson');
    // The crawl must not block this process's event loop: the demo server answers from it.
    const child = spawn(bin, ['crawl', `${demo.origin}${info.firstPage}`, '--out', out, '--json'], {
      cwd: packDir,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((r) => child.once('exit', r));
    assert.equal(code, 0, stderr);
    const records = fs
      .readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(records.length, info.totalRecords);
    assert.equal(new Set(records.map((r) => r[info.idField])).size, info.totalRecords);
    console.log(stdout.trim().split('\n').at(-1));
  } finally {
    await demo.close();
  }
});

test('web-ext lint (the linter addons.mozilla.org runs): no errors; the one warning is explained in README', () => {
  const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json'], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.errors, [], JSON.stringify(report.errors));
  // Preact's renderer assigns innerHTML for dangerouslySetInnerHTML, which Pagescope never uses.
  assert.deepEqual(
    report.warnings.map((w) => `${w.code} ${w.file}`),
    ['UNSAFE_VAR_ASSIGNMENT panel.js'],
    JSON.stringify(report.warnings),
  );
  assert.equal(r.status, 0);
});
