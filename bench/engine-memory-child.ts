/**
 * One engine-memory bench run in its own process, so its peak RSS is its own: crawls N records
 * (pages of 100, a Link-header chain with no total, so every page is followed one by one) through
 * crawl() with a fake in-memory fetch and a sink that only counts. The id memory is the variant:
 *   compact     the engine as shipped (src/core/crawl/seen-ids.ts)
 *   set-string  old style: a Set<string> of `n:42` / `s:cus_…` keys
 *   set-mixed   a Set of numbers and exact strings (the engine before seen-ids.ts)
 *   none        no id memory at all (dedup off): the baseline the others are measured against
 * Prints `{"records","ms","liveMb"}` as JSON — liveMb: heap + array buffers after a full GC at the
 * last page, while the crawl's state is alive (needs --expose-gc); the parent reads peak RSS via
 * /usr/bin/time.
 *   node --expose-gc --import tsx bench/engine-memory-child.ts <variant> <records> <number|string>
 */
import { crawl } from '../src/core/crawl/engine.ts';
import { SeenIds, type IdKey } from '../src/core/crawl/seen-ids.ts';
import type { CrawlSink } from '../src/core/crawl/types.ts';
import { detect } from '../src/core/detect/index.ts';
import type { HttpFetch, HttpResponse } from '../src/core/ports.ts';
import { systemClock } from '../src/core/system-clock.ts';

const [variant, countText, idKind] = process.argv.slice(2);
const COUNT = Number(countText);
const PER_PAGE = 100;
const ORIGIN = 'http://api.test/customers';

// Swap the id memory behind SeenIds for the old shapes (same answers, different footprint).
type Swapped = SeenIds & { old?: Set<IdKey> };
const swap = (key: (id: IdKey) => IdKey) => {
  SeenIds.prototype.add = function (this: Swapped, id) {
    const set = (this.old ??= new Set());
    const k = key(id);
    return set.size !== set.add(k).size;
  };
  SeenIds.prototype.has = function (this: Swapped, id) {
    return !!this.old?.has(key(id));
  };
  SeenIds.prototype.delete = function (this: Swapped, id) {
    this.old?.delete(key(id));
  };
};
if (variant === 'set-string') swap((id) => (typeof id === 'number' ? `n:${id}` : `s:${id}`));
else if (variant === 'set-mixed') swap((id) => id);
else if (variant === 'none') SeenIds.prototype.add = () => true;
else if (variant !== 'compact') throw new Error(`unknown variant ${variant}`);

const idOf = (n: number): number | string =>
  idKind === 'string' ? `cus_${n.toString(36).padStart(14, '0')}` : n;

function page(n: number): HttpResponse {
  const data: unknown[] = [];
  for (let i = (n - 1) * PER_PAGE + 1; i <= Math.min(COUNT, n * PER_PAGE); i++)
    data.push({ id: idOf(i), name: `Customer ${i}`, plan: 'pro', active: i % 2 === 0 });
  const headers = [{ name: 'content-type', value: 'application/json' }];
  if (n * PER_PAGE < COUNT) headers.push({ name: 'link', value: `<${ORIGIN}?page=${n + 1}>; rel="next"` });
  return {
    status: 200,
    statusText: 'OK',
    url: `${ORIGIN}?page=${n}`,
    headers,
    bodyText: JSON.stringify(data),
  };
}

const fetch: HttpFetch = async (req) => page(Number(new URL(req.url).searchParams.get('page')));
const clock = systemClock;
let written = 0;
const sink: CrawlSink = { writePage: async (_p, records) => void (written += records.length) };

const first = page(1);
const exchange = {
  request: { method: 'GET', url: `${ORIGIN}?page=1`, headers: [] },
  response: { ...first, mimeType: 'application/json' },
};
const detection = detect(exchange);
if (!detection) throw new Error('bench start page not detected');
const t0 = performance.now();
let liveMb = NaN;
const gc = (globalThis as { gc?: () => void }).gc;
const onProgress = () => {
  if (written < COUNT || !gc) return;
  gc();
  const m = process.memoryUsage();
  liveMb = (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
};
const s = await crawl({ exchange, detection }, { fetch, clock, sink, onProgress });
if (s.stoppedReason !== 'done' || written !== COUNT || s.duplicates !== 0)
  throw new Error(
    `crawl: ${s.stoppedReason} ${s.detail ?? ''}, ${written} written, ${s.duplicates} duplicates`,
  );
console.log(JSON.stringify({ records: written, ms: Math.round(performance.now() - t0), liveMb }));
