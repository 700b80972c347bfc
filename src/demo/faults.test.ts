import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { createFaultState, parseFaultSpec } from './faults.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import type { StyleInfo } from './http.ts';
import { parseLink, walkStyle } from './walkers.ts';

let server: DemoServer;
before(async () => {
  server = await startDemoServer();
});
after(() => server.close());

test('parseFaultSpec reads every switch and rejects nonsense', () => {
  const r = parseFaultSpec(
    'latency=20,fail=0.2,mode=500|429|reset|truncate|timeout,retryAfter=2,seed=7,failFirst=1',
  );
  assert.ok(r.ok);
  assert.deepEqual(r.spec, {
    latencyMs: 20,
    fail: 0.2,
    failFirst: 1,
    modes: [500, 429, 'reset', 'truncate', 'timeout'],
    retryAfter: 2,
    seed: 7,
  });
  for (const bad of ['fail=1.5', 'mode=explode', 'latency=-1', 'what=1', 'seed=x'])
    assert.equal(parseFaultSpec(bad).ok, false, bad);
});

test('decisions are seeded: same spec and URL sequence, same outcome; retries can succeed', () => {
  const spec = parseFaultSpec('fail=0.5,seed=7').ok && (parseFaultSpec('fail=0.5,seed=7') as any).spec;
  const run = () => {
    const s = createFaultState();
    return Array.from({ length: 40 }, (_, i) => s.decide('x', spec, `/p?page=${i % 10}`) ?? 'ok');
  };
  const a = run();
  assert.deepEqual(a, run());
  assert.ok(a.includes(500) && a.includes('ok'));
});

test('a seeded 500 happens and the links the endpoint builds keep the fault prefix', async () => {
  const prefix = '/_faults/fail=0.3,seed=7';
  const statuses: number[] = [];
  let url = `${server.origin}${prefix}/repos/pagescope/demo/issues?per_page=30`;
  for (let guard = 0; url && guard < 40; guard++) {
    const res = await fetch(url);
    statuses.push(res.status);
    if (res.status !== 200) continue; // retry the same URL: the next attempt is a new roll
    await res.arrayBuffer();
    const next = parseLink(res.headers.get('link')).next;
    if (next) assert.ok(new URL(next).pathname.startsWith(prefix), next);
    url = next ?? '';
  }
  assert.equal(url, '', 'reached the last page');
  assert.ok(statuses.includes(500), `some attempt failed: ${statuses}`);
  const vanilla = await fetch(`${server.origin}${prefix.replace('0.3', '0')}/api/v2/discussions?page=2`);
  assert.match(
    vanilla.headers.get('paging-next')!,
    /^\/_faults\/fail=0,seed=7\/api\/v2\/discussions\?page=3/,
  );
});

test('429 sends Retry-After; failFirst fails exactly the first attempt', async () => {
  const u = `${server.origin}/_faults/failFirst=1,mode=429,retryAfter=3/api/items?offset=0`;
  const r1 = await fetch(u);
  assert.deepEqual(
    [r1.status, r1.headers.get('retry-after'), (await r1.json()).error],
    [429, '3', 'rate_limited'],
  );
  assert.equal((await fetch(u)).status, 200);
});

test('reset and truncate break the connection; timeout holds it until the client gives up', async () => {
  await assert.rejects(fetch(`${server.origin}/_faults/fail=1,mode=reset/api/items`));
  await assert.rejects(
    fetch(`${server.origin}/_faults/fail=1,mode=truncate/api/items`).then((r) => r.text()),
  );
  const started = Date.now();
  await assert.rejects(
    fetch(`${server.origin}/_faults/fail=1,mode=timeout/api/items`, { signal: AbortSignal.timeout(300) }),
  );
  assert.ok(Date.now() - started >= 250);
});

test('close() ends even with a request hanging in timeout mode, dropping that request', async () => {
  const s = await startDemoServer();
  const req = request(`${s.origin}/_faults/fail=1,mode=timeout/api/items`);
  const outcome = new Promise<string>((resolve) => {
    req.on('response', (res) => resolve(`response ${res.statusCode}`));
    req.on('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code ?? e.message}`));
  });
  req.end();
  await once(req, 'finish'); // the request is written: the server holds it (timeout mode)
  await s.close();
  assert.match(await outcome, /^error /, 'the held request is dropped, never answered');
});

test('every style crawls completely under a fault prefix, its links staying inside the prefix', async () => {
  const styles: StyleInfo[] = await (await fetch(`${server.origin}/api/styles.json`)).json();
  const prefix = '/_faults/latency=0,seed=3';
  for (const style of styles) {
    const walk = await walkStyle(server.origin + prefix, style);
    assert.equal(new Set(walk.ids).size, style.totalRecords, style.style);
    for (const p of walk.pages.slice(1))
      assert.ok(new URL(p.url).pathname.startsWith(prefix), `${style.style}: ${p.url}`);
  }
});
