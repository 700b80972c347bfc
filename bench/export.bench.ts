/**
 * Peak RSS of exporting 1M records to a file (NDJSON, JSON, CSV two-pass, CSV from the CLI's
 * NDJSON spool), each in its own child process measured by `/usr/bin/time -f %M`, against a
 * baseline child that only generates the same records. Goal: every export < 200 MB peak RSS.
 * Peak RSS barely moves run to run, so one run per mode is the default (PAGESCOPE_BENCH_ROUNDS=3
 * for medians of 3, modes interleaved); times are printed for information only, not as a goal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RECORDS = 1_000_000;
const ROUNDS = Math.max(1, Number(process.env.PAGESCOPE_BENCH_ROUNDS) || 1);
const GOAL_MB = 200;
const MODES = ['baseline', 'ndjson', 'json', 'csv', 'csv-spool'] as const;
const dir = mkdtempSync(join(tmpdir(), 'pagescope-export-bench-'));
const child = join(import.meta.dirname, 'export-child.ts');
const hasTime = existsSync('/usr/bin/time');

type Run = { rssMb: number; ms: number; bytes: number };

function runChild(mode: string): Run {
  const out = join(dir, `out-${mode}`);
  const rssFile = join(dir, `rss-${mode}`);
  const node = [process.execPath, '--import', 'tsx', child, mode, String(RECORDS), out];
  const cmd = hasTime ? ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...node] : node;
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${mode} child failed: ${r.stderr.trim().split('\n').at(-1)}`);
  const { records, ms } = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  if (records !== RECORDS) throw new Error(`${mode} exported ${records} records, not ${RECORDS}`);
  const rssKb = hasTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : NaN;
  const bytes = existsSync(out) ? statSync(out).size : 0;
  rmSync(out, { force: true });
  rmSync(`${out}.part.ndjson`, { force: true });
  return { rssMb: rssKb / 1024, ms, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  if (!hasTime) console.log('  /usr/bin/time not found: peak RSS unavailable');
  const runs = new Map<string, Run[]>(MODES.map((m) => [m, []]));
  for (let r = 0; r < ROUNDS; r++) for (const m of MODES) runs.get(m)!.push(runChild(m));
  const base = runs.get('baseline')!;
  const baseRss = median(base.map((x) => x.rssMb));
  const baseMs = median(base.map((x) => x.ms));
  console.log(
    `export of ${RECORDS.toLocaleString('en')} records to a file; peak RSS per child (/usr/bin/time %M), ${ROUNDS > 1 ? `medians of ${ROUNDS}` : 'one run each'}`,
  );
  console.log(
    `  baseline (generate only)   ${baseRss.toFixed(0).padStart(4)} MB  ${String(baseMs).padStart(6)} ms`,
  );
  for (const m of MODES.slice(1)) {
    const xs = runs.get(m)!;
    const rss = median(xs.map((x) => x.rssMb));
    const ms = median(xs.map((x) => x.ms));
    const ok = rss < GOAL_MB ? 'ok' : 'MISSED';
    const size = (xs[0].bytes / 1024 / 1024).toFixed(0);
    console.log(
      `  ${m.padEnd(26)} ${rss.toFixed(0).padStart(4)} MB  ${String(ms).padStart(6)} ms  ${(rss / baseRss).toFixed(2)}× baseline RSS (goal < ${GOAL_MB} MB: ${ok})  +${(ms - baseMs).toFixed(0)} ms over generating; ${size} MB file`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
