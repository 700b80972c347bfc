/**
 * Issue 13's question, asked inside crawl.bench.ts's interleaved rounds: does undici's Agent/Pool
 * (bench/undici-fetch.ts) crawl as fast as src/cli/http.ts's own node:http client? Both run under
 * the same engine and file store, a fresh client per crawl as the CLI makes one; the verdict is
 * "within 2%" of wall time (plus client CPU per page, which a busy machine disturbs less).
 */
import { createNodeFetch, type NodeFetch } from '../src/cli/http.ts';
import { engineCrawl } from './crawl-clients.ts';
import { createUndiciFetch } from './undici-fetch.ts';

/** Variant names per section, so the (a) and (b) timings never mix. */
const names = (section: string) => ({
  node: `engine + http.ts (node:http) [${section}]`,
  undici: `engine + undici Agent/Pool [${section}]`,
});

/** The two variants, for measure(): each crawl with its own client, closed afterwards. */
export function clientVariants(
  section: string,
  url: (pages: number) => string,
  out: (pages: number) => string,
  concurrency: number,
) {
  const NAMES = names(section);
  const run = (make: () => NodeFetch) => async (p: number) => {
    const f = make();
    try {
      return await engineCrawl(url(p), out(p), concurrency, f);
    } finally {
      f.close();
    }
  };
  return [
    { name: NAMES.node, run: run(() => createNodeFetch({ maxSockets: Math.max(concurrency, 4) })) },
    { name: NAMES.undici, run: run(() => createUndiciFetch({ maxSockets: Math.max(concurrency, 4) })) },
  ];
}

/** One line: both medians and undici's ratio to http.ts (goal for switching: ≤ 1.02). */
export function printClientComparison(
  section: string,
  medians: Map<string, number>,
  cpu: Map<string, number[]>,
): void {
  const NAMES = names(section);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const n = medians.get(NAMES.node)!;
  const u = medians.get(NAMES.undici)!;
  const cn = med(cpu.get(NAMES.node)!);
  const cu = med(cpu.get(NAMES.undici)!);
  console.log(
    `  http.ts vs undici         ${n.toFixed(0)} ms vs ${u.toFixed(0)} ms: undici ${(u / n).toFixed(3)}× (within 2%: ${u / n <= 1.02 ? 'yes' : 'NO'}); client CPU/page ${cn.toFixed(2)} vs ${cu.toFixed(2)} ms`,
  );
}
