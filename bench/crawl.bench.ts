/**
 * Crawl speed against its limits and baselines, all on one bench server (own process, 20 ms held
 * precisely per response) in the same run: warm-up, then interleaved rounds, medians of 3.
 * (a) 200 numbered pages with a known total at concurrency 4: vs a floor client (raw node:http
 *     keep-alive, same concurrency; goal ≤ 1.08× its time) and got.paginate (goal ≥ 3× faster);
 *     pages×latency/concurrency, the limit no client reaches on loopback here, is printed too.
 * (b) a 200-page cursor chain, sequential: vs the floor client (goal ≤ 1.03× its time) and the limit.
 * The goals are judged net of the floor (issue 14): loopback alone costs the leanest client 1–2 ms
 * a request on this machine, which no crawler can win back.
 * Also prints client CPU per page, which still means something when the machine is busy (a floor
 * client far above its own limit says the wall-clock ratios are measuring the machine, not us).
 */
import http from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { cliCrawl, engineCrawl, floorChain, floorNumbered, gotCrawl } from './crawl-clients.ts';

const PAGES = 200;
const LATENCY = 20;
const CONCURRENCY = 4;
const ROUNDS = 5;

const server = spawn(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, 'bench-server.ts'), String(LATENCY)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const [line] = (await once(server.stdout!, 'data')) as [Buffer];
const origin = String(line).trim();
const dir = mkdtempSync(join(tmpdir(), 'pagescope-bench-'));
const agent = () => new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

type Variant = { name: string; run(pages: number): Promise<unknown> };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Client CPU ms per page (server runs in another process): robust when the machine is busy. */
const cpuPerPage = new Map<string, number[]>();

async function measure(variants: Variant[]): Promise<Map<string, number>> {
  for (const v of variants) await v.run(20); // warm-up: JIT, sockets, module loading
  const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const v of variants) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await v.run(PAGES);
      times.get(v.name)!.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      (cpuPerPage.get(v.name) ?? cpuPerPage.set(v.name, []).get(v.name)!).push(
        (c.user + c.system) / 1000 / PAGES,
      );
    }
  }
  return new Map([...times].map(([k, xs]) => [k, median(xs)]));
}

function printCpu(variants: Map<string, number>) {
  const parts = [...variants.keys()].map(
    (k) => `${k.split(' (')[0]} ${median(cpuPerPage.get(k)!).toFixed(2)} ms`,
  );
  console.log(`  client CPU per page (medians): ${parts.join(' · ')}`);
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const out = (p: number) => join(dir, `out-${p}-${Math.random().toString(36).slice(2)}.ndjson`);

try {
  const numbered = (p: number) => `${origin}/numbered?pages=${p}&page=1`;
  const a = await measure([
    { name: 'pagescope crawl (CLI, undici)', run: (p) => cliCrawl(numbered(p), out(p), CONCURRENCY) },
    { name: 'engine + global fetch (undici)', run: (p) => engineCrawl(numbered(p), out(p), CONCURRENCY) },
    { name: 'got.paginate (its only mode: sequential)', run: (p) => gotCrawl(numbered(p), agent()) },
    {
      name: 'floor: raw node:http keep-alive ×4',
      run: (p) => floorNumbered(numbered(p), agent(), CONCURRENCY),
    },
  ]);
  const limitA = (PAGES * LATENCY) / CONCURRENCY;
  const [cliA, undiciA, gotA, floorA] = [...a.values()];
  console.log(
    `(a) numbered pages, known total: ${PAGES} pages × ${LATENCY} ms, concurrency ${CONCURRENCY}; limit ${limitA} ms; medians of ${ROUNDS}`,
  );
  console.log(
    `  pagescope crawl (CLI)     ${fmt(cliA)}  ${(cliA / limitA).toFixed(3)}× limit  ${(cliA / floorA).toFixed(3)}× floor (goal ≤ 1.08: ${verdict(cliA / floorA <= 1.08)})`,
  );
  console.log(
    `  engine + global fetch     ${fmt(undiciA)}  ${(undiciA / limitA).toFixed(3)}× limit  ${(undiciA / floorA).toFixed(3)}× floor  (CLI adapter ${(undiciA / cliA).toFixed(2)}× faster)`,
  );
  console.log(
    `  got.paginate              ${fmt(gotA)}  pagescope is ${(gotA / cliA).toFixed(2)}× faster (goal ≥ 3×: ${verdict(gotA / cliA >= 3)})`,
  );
  console.log(`  floor client              ${fmt(floorA)}  ${(floorA / limitA).toFixed(3)}× limit`);
  printCpu(a);

  const chain = (p: number) => `${origin}/cursor?pages=${p}`;
  const b = await measure([
    { name: 'pagescope crawl (CLI, undici)', run: (p) => cliCrawl(chain(p), out(p), CONCURRENCY) },
    { name: 'engine + global fetch (undici)', run: (p) => engineCrawl(chain(p), out(p), CONCURRENCY) },
    { name: 'floor: raw node:http keep-alive, sequential', run: (p) => floorChain(chain(p), agent()) },
  ]);
  const limitB = PAGES * LATENCY;
  const [cliB, undiciB, floorB] = [...b.values()];
  console.log(
    `(b) cursor chain: ${PAGES} pages × ${LATENCY} ms, sequential; limit ${limitB} ms; medians of ${ROUNDS}`,
  );
  console.log(
    `  pagescope crawl (CLI)     ${fmt(cliB)}  ${(cliB / limitB).toFixed(3)}× limit  ${(cliB / floorB).toFixed(3)}× floor (goal ≤ 1.03: ${verdict(cliB / floorB <= 1.03)})`,
  );
  console.log(
    `  engine + global fetch     ${fmt(undiciB)}  ${(undiciB / limitB).toFixed(3)}× limit  ${(undiciB / floorB).toFixed(3)}× floor  (CLI adapter ${(undiciB / cliB).toFixed(2)}× faster)`,
  );
  console.log(`  floor client              ${fmt(floorB)}  ${(floorB / limitB).toFixed(3)}× limit`);
  printCpu(b);
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
