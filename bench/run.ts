/**
 * npm run bench: runs every bench/*.bench.ts in its own process, one after another (2-core machine:
 * never two benches at once), and prints their lines. Each bench measures its own baseline in the
 * same run and prints ratios; see ../shared perf notes. `npm run bench -- crawl` runs matching files only.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter.length || filter.some((w) => f.includes(w))))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(dir, f)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    failed++;
    console.log(`!! ${f} exited with ${r.status ?? r.signal}`);
  }
}
console.log(`\n${files.length - failed} benches ran, ${failed} failed`);
process.exit(failed ? 1 : 0);
