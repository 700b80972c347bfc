// Runs every src/**/*.test.ts and scripts/*.test.mjs with Node's built-in test runner; Node 20's
// `--test` takes no globs, so the files are listed here. tsx strips the types. Each test gets
// three minutes at most (the built-CLI tests build and spawn many processes on a 2-core box), so a
// hung test fails with its name instead of stalling the whole run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) find(p, out);
    else if (e.name.endsWith('.test.ts') || (dir === 'scripts' && e.name.endsWith('.test.mjs'))) out.push(p);
  }
  return out;
}
const only = process.argv.slice(2);
const files = (only.length ? only : [...find('src'), ...find('scripts')]).sort();
if (!files.length) {
  console.error('no unit test files found');
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=180000', ...files],
  {
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
