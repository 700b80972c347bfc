/**
 * Peak RSS of the crawl engine's id memory over 1M records: each variant crawls the same chain
 * (bench/engine-memory-child.ts: pages of 100, fake in-memory fetch, counting sink) in its own
 * child process measured by `/usr/bin/time -f %M`, for numeric ids and for Stripe-like string ids.
 * Reported: absolute peak RSS, the id memory's own share (minus the `none` baseline, which crawls
 * without remembering ids), the same for live memory after a full GC at the last page (precise:
 * peak RSS also carries the GC's slack), and the ratio of the old-style Set<string> to the compact
 * table.
 * Peak RSS barely moves run to run: one run per variant unless PAGESCOPE_BENCH_ROUNDS (medians,
 * variants interleaved). Times are for information only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RECORDS = Number(process.env.PAGESCOPE_BENCH_RECORDS) || 1_000_000;
const ROUNDS = Math.max(1, Number(process.env.PAGESCOPE_BENCH_ROUNDS) || 1);
const VARIANTS = ['none', 'compact', 'set-string', 'set-mixed'] as const;
const KINDS = ['number', 'string'] as const;
const dir = mkdtempSync(join(tmpdir(), 'pagescope-engine-memory-'));
const child = join(import.meta.dirname, 'engine-memory-child.ts');

type Run = { rssMb: number; ms: number; liveMb: number };

function runChild(variant: string, kind: string): Run {
  const rssFile = join(dir, `rss-${variant}-${kind}`);
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      '-o',
      rssFile,
      process.execPath,
      '--expose-gc',
      '--import',
      'tsx',
      child,
      variant,
      String(RECORDS),
      kind,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0)
    throw new Error(`${variant}/${kind} child failed: ${r.stderr.trim().split('\n').at(-1)}`);
  const { records, ms, liveMb } = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  if (records !== RECORDS) throw new Error(`${variant}/${kind} crawled ${records} records, not ${RECORDS}`);
  return { rssMb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024, ms, liveMb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  if (!existsSync('/usr/bin/time'))
    throw new Error('/usr/bin/time not found (Debian package `time`): peak RSS unavailable');
  const runs = new Map<string, Run[]>();
  for (let r = 0; r < ROUNDS; r++) {
    for (const k of KINDS)
      for (const v of VARIANTS)
        (runs.get(`${v}/${k}`) ?? runs.set(`${v}/${k}`, []).get(`${v}/${k}`)!).push(runChild(v, k));
  }
  const at = (v: string, k: string) => {
    const xs = runs.get(`${v}/${k}`)!;
    return {
      rss: median(xs.map((x) => x.rssMb)),
      ms: median(xs.map((x) => x.ms)),
      live: median(xs.map((x) => x.liveMb)),
    };
  };
  console.log(
    `crawl engine id memory, ${RECORDS.toLocaleString('en')} records (pages of 100, fake fetch); peak RSS per child (/usr/bin/time %M), ${ROUNDS > 1 ? `medians of ${ROUNDS}` : 'one run each'}`,
  );
  for (const k of KINDS) {
    const base = at('none', k).rss;
    const baseLive = at('none', k).live;
    console.log(`  ${k} ids${k === 'string' ? ' (cus_ + 14 chars)' : ''}:`);
    for (const v of VARIANTS) {
      const { rss, ms, live } = at(v, k);
      const perId = (mb: number) => `${((mb * 1024 * 1024) / RECORDS).toFixed(1)} B/id`;
      const own =
        v === 'none'
          ? ''.padEnd(28)
          : `  +${(rss - base).toFixed(0).padStart(3)} MB (${perId(rss - base)})`.padEnd(28);
      const liveOwn =
        v === 'none' ? '' : `  +${(live - baseLive).toFixed(1).padStart(5)} MB (${perId(live - baseLive)})`;
      console.log(
        `    ${v.padEnd(11)} peak ${rss.toFixed(0).padStart(4)} MB${own} live after GC ${live.toFixed(1).padStart(6)} MB${liveOwn.padEnd(26)}  ${String(ms).padStart(6)} ms`,
      );
    }
    const compact = at('compact', k).rss;
    const old = at('set-string', k).rss;
    const ownLive = (v: string) => at(v, k).live - baseLive;
    console.log(
      `    Set<string> / compact: ${(old / compact).toFixed(2)}× peak RSS; id memory alone ${((old - base) / Math.max(1, compact - base)).toFixed(1)}× at peak, ${(ownLive('set-string') / ownLive('compact')).toFixed(1)}× live`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
