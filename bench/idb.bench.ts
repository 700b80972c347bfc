/**
 * IndexedDB write throughput of the panel's store against raw batched puts, in one headless
 * Chromium run: 100 000 records in pages of 100. The store writes, per page and in one
 * transaction, the records (keyed [dataset, seq], indexed by dataset), the page row, the engine's
 * checkpoint and the dataset's counts; the raw baseline writes only the records. Warm-up, then
 * interleaved rounds, medians. Goal: store throughput ≥ 0.8× raw.
 *
 * The page is bundled with esbuild on the fly and served from 127.0.0.1 (bundled-page.ts).
 * IDB_BENCH_RECORDS overrides the record count for a quick look.
 */
import { join } from 'node:path';
import { openBundledPage } from './bundled-page.ts';

const RECORDS = Number(process.env.IDB_BENCH_RECORDS ?? 100_000);
const PAGE_SIZE = 100;
const ROUNDS = 5;
const GOAL = 0.8;

const { page, close } = await openBundledPage(
  join(import.meta.dirname, 'idb-bench-page.ts'),
  'pagescopeIdbBench',
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  type Kind = 'viaStore' | 'viaRaw';
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
  const times: Record<Kind, number[]> = { viaStore: [], viaRaw: [] };
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so drift on a shared machine hits both alike.
    const order: Kind[] = r % 2 ? ['viaRaw', 'viaStore'] : ['viaStore', 'viaRaw'];
    for (const k of order) times[k].push(await run(k, RECORDS));
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
  console.log(
    `  store throughput = ${ratio.toFixed(2)}× raw (goal ≥ ${GOAL}): ${ratio >= GOAL ? 'ok' : 'MISSED'}`,
  );
} finally {
  await close();
}
