/**
 * The clients the crawl bench compares: pagescope's CLI path, the engine over global fetch
 * (undici), got's paginate, and a floor client (raw node:http keep-alive, no framework at all).
 */
import http from 'node:http';
import { PassThrough } from 'node:stream';
import got from 'got';
import { main } from '../src/cli/main.ts';
import { crawl } from '../src/core/crawl/engine.ts';
import type { HttpFetch } from '../src/core/ports.ts';
import { fetchStart } from '../src/core/crawl/start-page.ts';
import { systemClock } from '../src/core/system-clock.ts';
import { openFileStore } from '../src/store/file-store.ts';

/** `pagescope crawl URL --out FILE` in-process, exactly as a user runs it. */
export async function cliCrawl(url: string, out: string, concurrency: number): Promise<number> {
  const sink = () => Object.assign(new PassThrough().resume(), { isTTY: false });
  const stderr = sink();
  let said = '';
  stderr.on('data', (c: Buffer) => (said += c));
  const code = await main(['crawl', url, '--out', out, '--concurrency', String(concurrency), '--json'], {
    stdout: sink(),
    stderr,
    cwd: process.cwd(),
    env: {},
  });
  if (code !== 0) throw new Error(`pagescope crawl exited ${code}: ${said.trim()}`);
  return 0;
}

/** HttpFetch over Node's global fetch (undici). */
const globalFetch: HttpFetch = async (req) => {
  const r = await fetch(req.url, {
    method: req.method,
    headers: req.headers.map((h) => [h.name, h.value] as [string, string]),
    body: req.body,
    signal: req.signal,
  });
  const bodyText = await r.text();
  return {
    status: r.status,
    statusText: r.statusText,
    url: r.url,
    headers: [...r.headers].map(([name, value]) => ({ name, value })),
    bodyText,
  };
};

/** The engine and file store with global fetch instead of the node:http adapter. */
export async function engineCrawl(
  url: string,
  out: string,
  concurrency: number,
  fetchImpl: HttpFetch = globalFetch,
): Promise<number> {
  const start = await fetchStart(
    fetchImpl,
    { method: 'GET', url, headers: [] },
    { clock: systemClock, timeoutMs: 30_000 },
  );
  if (!start.ok) throw new Error(start.message);
  if (!start.detection) throw new Error(`bench start page not detected: ${start.why}`);
  const store = await openFileStore({
    format: 'ndjson',
    out,
    stdout: process.stdout,
    statePath: `${out}.state.json`,
    startUrl: url,
  });
  const s = await crawl(
    { exchange: start.exchange, detection: start.detection },
    { fetch: fetchImpl, clock: systemClock, sink: store, concurrency },
  );
  await store.finish(s.checkpoint, s.stoppedReason === 'done');
  if (s.stoppedReason !== 'done') throw new Error(`engine stopped: ${s.stoppedReason} ${s.detail ?? ''}`);
  return s.records;
}

type Body = { data: unknown[]; links: { next: string | null }; meta: { last_page?: number } };

/** got's paginate following links.next, with a keep-alive agent like ours. */
export async function gotCrawl(url: string, agent: http.Agent): Promise<number> {
  let n = 0;
  const pages = got.paginate<unknown, Body>(url, {
    agent: { http: agent },
    responseType: 'json',
    pagination: {
      transform: (res) => res.body.data,
      paginate: ({ response }) =>
        response.body.links.next ? { url: new URL(response.body.links.next) } : false,
    },
  });
  for await (const _ of pages) n++;
  return n;
}

function get(url: string, agent: http.Agent): Promise<Body> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Floor, numbered pages: page 1, then pages 2..last by `concurrency` workers. Parses every body. */
export async function floorNumbered(url: string, agent: http.Agent, concurrency: number): Promise<number> {
  const first = await get(url, agent);
  const last = first.meta.last_page ?? 1;
  let next = 2;
  let n = first.data.length;
  const worker = async () => {
    while (next <= last) {
      const u = new URL(url);
      u.searchParams.set('page', String(next++));
      n += (await get(u.href, agent)).data.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return n;
}

/** Floor, cursor chain: one request after another, following links.next. */
export async function floorChain(url: string, agent: http.Agent): Promise<number> {
  let n = 0;
  for (let u: string | null = url; u;) {
    const b = await get(u, agent);
    n += b.data.length;
    u = b.links.next;
  }
  return n;
}
