// `npm run package` (after a build): the store packages in dist/packages/ —
//   pagescope-<version>-chrome.zip   dist/chrome, manifest.json at the root
//   pagescope-<version>-firefox.zip  dist/firefox, likewise
//   pagescope-<version>-source.zip   the sources (git's view, no ignored files) plus BUILD.md, for reviewers
// No source maps and no test-only permissions in the extension zips (refused, not just skipped).
// Reproducible: the same sources give the same bytes (scripts/zip.mjs).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { STORE_TARGETS, manifestFor } from './manifests.mjs';
import { zipFiles } from './zip.mjs';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Every file under `dir`, relative to it, with `/` separators. */
function listFiles(dir, base = dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, base, out);
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}

const SOURCE_MAP_COMMENT = /\n?(\/\/# sourceMappingURL=\S+|\/\*# sourceMappingURL=\S+ \*\/)\s*$/;

/**
 * The files of one store zip, from the built `dist/<target>`: no `.map` files and no comment
 * pointing at one. Throws when the build's manifest is not exactly the store manifest.
 */
export function extensionFiles(target, distDir = path.join(root, 'dist')) {
  const dir = path.join(distDir, target);
  if (!fs.existsSync(path.join(dir, 'manifest.json')))
    throw new Error(`no ${dir}/manifest.json: run npm run build`);
  const source = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  const expected = manifestFor(target, source, pkg.version);
  const built = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  if (JSON.stringify(built) !== JSON.stringify(expected))
    throw new Error(`dist/${target}/manifest.json is not the store manifest (stale build?)`);
  if (built.host_permissions || JSON.stringify(built).includes('<all_urls>'))
    throw new Error(`dist/${target}/manifest.json grants hosts at install; the store build must not`);
  return listFiles(dir)
    .filter((rel) => !rel.endsWith('.map'))
    .map((name) => {
      let data = fs.readFileSync(path.join(dir, name));
      if (/\.(js|css)$/.test(name))
        data = Buffer.from(data.toString('utf8').replace(SOURCE_MAP_COMMENT, '\n'));
      return { name, data };
    });
}

/** What a store reviewer needs to rebuild the extension zips from the source zip. */
function buildInstructions() {
  return `# Building Pagescope ${pkg.version} from this source

Requirements: Node.js ${pkg.engines?.node ?? '>=20'} with npm (any OS; tested on Debian with Node 20).
No other tool, and nothing is downloaded but the npm packages pinned in package-lock.json.

\`\`\`sh
npm ci               # exactly the locked dependencies (esbuild bundles; nothing is minified by hand)
npm run build        # dist/chrome, dist/firefox (and dist/chrome-e2e, dist/cli for the tests)
npm run package      # dist/packages/pagescope-${pkg.version}-{chrome,firefox,source}.zip
\`\`\`

The Firefox package is \`dist/packages/pagescope-${pkg.version}-firefox.zip\`, the contents of
\`dist/firefox\` without source maps. Its scripts are bundled by esbuild from:

- \`src/extension/devtools/devtools.ts\` → \`devtools.js\` (registers the DevTools panel)
- \`src/extension/panel/main.tsx\` → \`panel.js\`, \`panel.css\` (the panel, Preact)
- \`src/extension/background/background.ts\` → \`background.js\` (Firefox: host-permission calls for the panel)
- \`src/extension/grant/grant.ts\` → \`grant.js\` (Firefox: the window that asks for a site's access)

Third-party code in the bundles comes from npm: preact, @preact/signals, idb, webextension-polyfill
(versions in package-lock.json). The build is reproducible: the same sources and lock file give the
same bytes. \`scripts/build.mjs\` is the whole build configuration; \`scripts/manifests.mjs\` writes
each browser's manifest from \`manifest.json\`.
`;
}

/**
 * The source zip's files: everything git would commit (tracked files and new ones it does not ignore),
 * as they are in the working tree, so the source zip matches the extension zips built from it; plus BUILD.md.
 */
export function sourceFiles() {
  let tracked;
  try {
    tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean);
  } catch {
    throw new Error('the source package lists the files under version control: run it in a git checkout');
  }
  const files = tracked
    // Regular files only (a deleted file or a symlinked node_modules is not a source), never dependencies or builds.
    .filter((rel) => !/^(node_modules|dist)(\/|$)/.test(rel))
    .filter((rel) => fs.lstatSync(path.join(root, rel), { throwIfNoEntry: false })?.isFile())
    .map((name) => ({
      name: `pagescope-${pkg.version}/${name}`,
      data: fs.readFileSync(path.join(root, name)),
    }));
  files.push({ name: `pagescope-${pkg.version}/BUILD.md`, data: buildInstructions() });
  return files;
}

/** Writes the three zips to `outDir`; returns their paths. */
export function writePackages(outDir = path.join(root, 'dist/packages'), distDir = path.join(root, 'dist')) {
  fs.mkdirSync(outDir, { recursive: true });
  const zips = Object.fromEntries([
    ...STORE_TARGETS.map((t) => [t, zipFiles(extensionFiles(t, distDir))]),
    ['source', zipFiles(sourceFiles())],
  ]);
  const out = {};
  for (const [kind, bytes] of Object.entries(zips)) {
    const file = path.join(outDir, `pagescope-${pkg.version}-${kind}.zip`);
    fs.writeFileSync(file, bytes);
    out[kind] = file;
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const outArg = process.argv.indexOf('--out');
  const written = writePackages(outArg > 0 ? path.resolve(process.argv[outArg + 1]) : undefined);
  for (const file of Object.values(written)) {
    const bytes = fs.readFileSync(file);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    console.log(`${path.relative(root, file)}  ${(bytes.length / 1024).toFixed(0)} KiB  sha256 ${sha}`);
  }
}
