/**
 * IndexedDB write throughput of the panel's store against raw batched puts, in one headless
 * Chromium run: 100 000 records in pages of 100. The store writes, per page and in one
 * transaction, the page's records as one value (keyed [dataset, first seq]), the page row, the
 * engine's checkpoint and the dataset's counts; the raw baseline writes only the records, one put
 * per record (what storing records in IndexedDB plainly looks like). Warm-up, then
 * interleaved rounds, medians. Goal: store throughput ≥ 0.9× raw in every round (each round's
 * store run against the raw run next to it), by wall clock; the browser's CPU time for the same
 * runs (every Chromium process, /proc) is printed too, as a check that holds on a busy machine.
 *
 * The page is bundled with esbuild on the fly and served from 127.0.0.1 (bundled-page.ts).
 * IDB_BENCH_RECORDS overrides the record count for a quick look.
 */
import { join } from 'node:path';
import { openBundledPage } from './bundled-page.ts';
import { childrenCpuMs } from './proc-cpu.ts';

const RECORDS = Number(process.env.IDB_BENCH_RECORDS ?? 100_000);
const PAGE_SIZE = 100;
const ROUNDS = 5;
const GOAL = 0.9;

const { page, close } = await openBundledPage(
  join(import.meta.dirname, 'idb-bench-page.ts'),
  'pagescopeIdbBench',
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  type Kind = 'viaStore' | 'viaRaw' | 'prepare';
  const run = (kind: Kind, n: number) =>
    page.evaluate(
      ([k, n, size]) =>
        (
          globalThis as unknown as Record<string, Record<string, (n: number, s: number) => Promise<number>>>
        ).pagescopeIdbBench[k](n, size),
      [kind, n, PAGE_SIZE] as const,
    );
  await run('viaStore', 10_000); // warm-up: JIT, IndexedDB backing store
  await run('viaRaw', 10_000);
  await run('prepare', RECORDS); // records and checkpoints built once, outside the measured runs
  type Measured = Exclude<Kind, 'prepare'>;
  const times: Record<Measured, number[]> = { viaStore: [], viaRaw: [] };
  const cpu: Record<Measured, number[]> = { viaStore: [], viaRaw: [] };
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so drift on a shared machine hits both alike.
    const order: Measured[] = r % 2 ? ['viaRaw', 'viaStore'] : ['viaStore', 'viaRaw'];
    for (const k of order) {
      const c0 = childrenCpuMs();
      times[k].push(await run(k, RECORDS));
      cpu[k].push(childrenCpuMs() - c0);
    }
  }
  const store = median(times.viaStore);
  const raw = median(times.viaRaw);
  const rate = (ms: number) => `${Math.round(RECORDS / (ms / 1000)).toLocaleString('en')} records/s`;
  const ratio = raw / store;
  console.log(`${RECORDS} records in pages of ${PAGE_SIZE}, median of ${ROUNDS} interleaved rounds`);
  console.log(
    `  store (createIdbSink): ${store.toFixed(0).padStart(6)} ms  ${rate(store)}   runs: ${times.viaStore.map((t) => t.toFixed(0)).join(', ')}`,
  );
  console.log(
    `  raw batched put:       ${raw.toFixed(0).padStart(6)} ms  ${rate(raw)}   runs: ${times.viaRaw.map((t) => t.toFixed(0)).join(', ')}`,
  );
  const perRound = times.viaRaw.map((raw, i) => raw / times.viaStore[i]);
  const worst = Math.min(...perRound);
  console.log(
    `  store throughput = ${ratio.toFixed(2)}× raw (median); per round ${perRound.map((x) => x.toFixed(2)).join(', ')}; worst ${worst.toFixed(2)} (goal ≥ ${GOAL} in every round): ${worst >= GOAL ? 'ok' : 'MISSED'}`,
  );
  const cpuRatio = median(cpu.viaRaw) / median(cpu.viaStore);
  console.log(
    `  browser CPU (all Chromium processes): store ${median(cpu.viaStore).toFixed(0)} ms, raw ${median(cpu.viaRaw).toFixed(0)} ms: raw/store ${cpuRatio.toFixed(2)}×`,
  );
} finally {
  await close();
}
