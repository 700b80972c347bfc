/**
 * Exporting 1M records to a file (NDJSON, JSON, CSV two-pass, CSV from the CLI's NDJSON spool),
 * each in its own child process, against a baseline child that only generates the same records.
 * - Peak RSS by `/usr/bin/time -f %M`; goal < 100 MiB for every export. The child is bundled by
 *   esbuild and run by plain node, as the CLI ships (dist/cli is an esbuild bundle): under tsx, its
 *   loader thread alone adds ~25 MiB that no user ever pays.
 * - Speed: CSV vs NDJSON export of the same records, as records/s; goal ≥ 0.7×. CSV as both
 *   products export it: the columns were kept while the crawl wrote (the panel's dataset row, the
 *   CLI's spool), so the export reads the records once; the child collects them before its clock
 *   starts (its peak RSS includes that pass). csv-2pass (a dataset stored before columns were kept:
 *   pass 1 learns them) is printed for information. Judged on the children's own CPU time
 *   (user+system), which a machine shared with other work does not inflate; wall-clock ratios are
 *   printed next to it.
 * - csv-spool is what `pagescope crawl --format csv` does: write the NDJSON spool while collecting
 *   the columns, then read it once for the rows. Its ratio to NDJSON is printed for information: it
 *   contains a whole NDJSON export plus a parse, so it cannot reach the two-pass CSV's speed.
 * Modes interleaved, medians of PAGESCOPE_BENCH_ROUNDS (default 5); speed ratios are the median of
 * each round's pair (the two children ran next to each other, so machine drift hits both alike).
 * Peak RSS ranges are printed too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const RECORDS = 1_000_000;
const ROUNDS = Math.max(1, Number(process.env.PAGESCOPE_BENCH_ROUNDS) || 5);
const RSS_GOAL_MIB = 100;
const SPEED_GOAL = 0.7;
const MODES = ['baseline', 'ndjson', 'json', 'csv', 'csv-2pass', 'csv-spool'] as const;
const dir = mkdtempSync(join(tmpdir(), 'pagescope-export-bench-'));
const child = join(dir, 'export-child.mjs');
const hasTime = existsSync('/usr/bin/time');

type Run = { rssMib: number; ms: number; cpuMs: number; bytes: number };

function runChild(mode: string): Run {
  const out = join(dir, `out-${mode}`);
  const rssFile = join(dir, `rss-${mode}`);
  const node = [process.execPath, child, mode, String(RECORDS), out];
  const cmd = hasTime ? ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...node] : node;
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${mode} child failed: ${r.stderr.trim().split('\n').at(-1)}`);
  const { records, ms, cpuMs } = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  if (records !== RECORDS) throw new Error(`${mode} exported ${records} records, not ${RECORDS}`);
  const rssKb = hasTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : NaN;
  const bytes = existsSync(out) ? statSync(out).size : 0;
  rmSync(out, { force: true });
  rmSync(`${out}.part.ndjson`, { force: true });
  return { rssMib: rssKb / 1024, ms, cpuMs, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
try {
  await build({
    entryPoints: [join(import.meta.dirname, 'export-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    logLevel: 'warning',
  });
  if (!hasTime) console.log('  /usr/bin/time not found: peak RSS unavailable');
  const runs = new Map<string, Run[]>(MODES.map((m) => [m, []]));
  for (let r = 0; r < ROUNDS; r++) for (const m of MODES) runs.get(m)!.push(runChild(m));
  const med = (m: string, k: keyof Run) => median(runs.get(m)!.map((x) => x[k]));
  const range = (m: string) => {
    const xs = runs.get(m)!.map((x) => x.rssMib);
    return `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  };
  console.log(
    `export of ${RECORDS.toLocaleString('en')} records to a file, bundled child; peak RSS (/usr/bin/time %M), medians of ${ROUNDS} interleaved runs`,
  );
  console.log(
    `  baseline (generate only)  ${med('baseline', 'rssMib').toFixed(0).padStart(4)} MiB (${range('baseline')})  ${String(med('baseline', 'ms')).padStart(6)} ms  cpu ${med('baseline', 'cpuMs')} ms`,
  );
  for (const m of MODES.slice(1)) {
    const rss = med(m, 'rssMib');
    const rate = Math.round(RECORDS / (med(m, 'ms') / 1000));
    console.log(
      `  ${m.padEnd(25)} ${rss.toFixed(0).padStart(4)} MiB (${range(m)}; goal < ${RSS_GOAL_MIB}: ${verdict(rss < RSS_GOAL_MIB)}; +${(rss - med('baseline', 'rssMib')).toFixed(0)} over baseline)  ${String(med(m, 'ms')).padStart(6)} ms  ${rate.toLocaleString('en')} records/s  cpu ${med(m, 'cpuMs')} ms  ${(runs.get(m)![0].bytes / 1048576).toFixed(0)} MiB file`,
    );
  }
  const speed = (m: string, k: 'ms' | 'cpuMs') =>
    median(runs.get(m)!.map((x, i) => runs.get('ndjson')![i][k] / x[k]));
  console.log(
    `  CSV (kept columns, one read) vs NDJSON speed: ${speed('csv', 'cpuMs').toFixed(2)}× by CPU time (goal ≥ ${SPEED_GOAL}: ${verdict(speed('csv', 'cpuMs') >= SPEED_GOAL)}), ${speed('csv', 'ms').toFixed(2)}× by wall clock`,
  );
  console.log(
    `  csv-2pass (no kept columns: two reads) vs NDJSON: ${speed('csv-2pass', 'cpuMs').toFixed(2)}× by CPU time, ${speed('csv-2pass', 'ms').toFixed(2)}× by wall clock (information)`,
  );
  console.log(
    `  csv-spool (CLI: spool + one read) vs NDJSON: ${speed('csv-spool', 'cpuMs').toFixed(2)}× by CPU time, ${speed('csv-spool', 'ms').toFixed(2)}× by wall clock (information)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
