// `npm start`: build, serve the demo API, and — when there is a screen — open Chromium with the
// extension loaded and DevTools open on the demo page. Without a screen it prints how to load the
// extension by hand. The demo API keeps serving until Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');
const extensionDir = path.join(root, 'dist/chrome');

if (spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' }).status !== 0)
  process.exit(1);

register(); // lets this plain .mjs import the TypeScript demo server in-process
const { startDemoServer } = await import('../src/demo/server.ts');
const wanted = Number(process.env.PORT ?? 8787);
async function startDemo() {
  try {
    return await startDemoServer({ port: Number.isInteger(wanted) ? wanted : 8787 });
  } catch (err) {
    if (err?.code !== 'EADDRINUSE') throw err;
    console.log(`Port ${wanted} is taken; using a free port instead.`);
    return startDemoServer({ port: 0 });
  }
}
const demo = await startDemo();

const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, process.platform === 'win32' ? `${name}.exe` : name);
    if (dir && fs.existsSync(file)) return file;
  }
  return undefined;
}

function findChromium() {
  if (process.env.PAGESCOPE_CHROMIUM) return process.env.PAGESCOPE_CHROMIUM;
  const named = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']
    .map(onPath)
    .find(Boolean);
  if (named) return named;
  const known = {
    darwin: [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    win32: [`${process.env['ProgramFiles'] ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`],
  };
  return (known[process.platform] ?? []).find((p) => fs.existsSync(p));
}

const chromium = hasDisplay ? findChromium() : undefined;
let browser;
let profileDir;
if (chromium) {
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagescope-start-'));
  browser = spawn(
    chromium,
    [
      `--user-data-dir=${profileDir}`,
      '--no-first-run',
      '--no-default-browser-check',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // Branded Chrome 137+ ignores --load-extension unless this feature is switched off.
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
      '--auto-open-devtools-for-tabs',
      `${demo.origin}/`,
    ],
    { stdio: 'ignore' },
  );
  browser.on('exit', () => console.log('Chromium closed; the demo API is still serving (Ctrl+C to stop).'));
  console.log(
    `\nOpened ${chromium} with Pagescope on ${demo.origin}/ — pick the "Pagescope" tab in DevTools.`,
  );
} else {
  console.log(`
${hasDisplay ? 'No Chromium or Chrome found (set PAGESCOPE_CHROMIUM).' : 'No display found, so no browser was started.'}
Load the extension by hand:
  Chrome/Chromium: chrome://extensions → Developer mode → Load unpacked → ${path.relative(process.cwd(), extensionDir) || '.'}
  Firefox:         about:debugging → This Firefox → Load Temporary Add-on → ${path.relative(process.cwd(), path.join(root, 'dist/firefox/manifest.json'))}
Then open the demo page, open DevTools and pick the "Pagescope" tab.`);
}
console.log(
  `\nDemo page: ${demo.origin}/   (API catalog: ${demo.origin}/api/styles.json)\nPress Ctrl+C to stop.`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    if (browser && browser.exitCode === null) browser.kill();
    await demo.close();
    if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
    process.exit(0);
  });
}
