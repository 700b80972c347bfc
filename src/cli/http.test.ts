import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { getEventListeners, once } from 'node:events';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { createNodeFetch } from './http.ts';

let connections = 0;
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const body = JSON.stringify({
    path: url.pathname,
    auth: req.headers.authorization ?? null,
    text: 'Zoë 日本',
  });
  if (url.pathname === '/gzip') res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(body));
  else if (url.pathname === '/br')
    res.writeHead(200, { 'content-encoding': 'br' }).end(zlib.brotliCompressSync(body));
  else if (url.pathname === '/deflate')
    res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateSync(body));
  else if (url.pathname === '/redirect') res.writeHead(302, { location: '/plain' }).end();
  else if (url.pathname === '/away') res.writeHead(307, { location: `${other}/plain` }).end();
  else if (url.pathname === '/slow') {
    server.emit('slow-request'); // tests abort once the request is in, not after a fixed sleep
    setTimeout(() => res.end(body), 2000).unref();
  } else if (url.pathname === '/multi')
    res
      .writeHead(200, [
        ['x-a', '1'],
        ['x-a', '2'],
      ])
      .end(body);
  else
    res.writeHead(url.pathname === '/missing' ? 404 : 200, { 'content-type': 'application/json' }).end(body);
});
server.on('connection', () => connections++);
const otherServer = http.createServer((req, res) =>
  res.end(JSON.stringify({ auth: req.headers.authorization ?? null })),
);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
await new Promise<void>((r) => otherServer.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const other = `http://127.0.0.1:${(otherServer.address() as AddressInfo).port}`;
const fetch = createNodeFetch();
after(() => {
  fetch.close();
  server.close();
  otherServer.close();
});

const get = (path: string, headers = [{ name: 'Authorization', value: 'Bearer t' }], signal?: AbortSignal) =>
  fetch({ method: 'GET', url: origin + path, headers, signal });

test('decodes gzip, deflate and br to UTF-8 text', async () => {
  for (const p of ['/gzip', '/deflate', '/br', '/plain']) {
    const r = await get(p);
    assert.equal(r.status, 200);
    assert.equal(JSON.parse(r.bodyText).text, 'Zoë 日本', p);
  }
});

test('keeps one keep-alive connection for sequential requests', async () => {
  const before = connections;
  for (let i = 0; i < 5; i++) await get('/plain');
  assert.ok(connections - before <= 1, `opened ${connections - before} connections`);
});

test('HTTP errors are responses; repeated headers are kept', async () => {
  const r = await get('/missing');
  assert.equal(r.status, 404);
  const m = await get('/multi');
  assert.deepEqual(
    m.headers.filter((h) => h.name === 'x-a').map((h) => h.value),
    ['1', '2'],
  );
});

test('follows redirects; credentials do not follow to another origin', async () => {
  const same = await get('/redirect');
  assert.equal(same.url, `${origin}/plain`);
  assert.equal(JSON.parse(same.bodyText).auth, 'Bearer t');
  const away = await get('/away');
  assert.equal(away.url, `${other}/plain`);
  assert.equal(JSON.parse(away.bodyText).auth, null);
});

test('rejects when aborted and when nothing listens', async () => {
  const ac = new AbortController();
  const arrived = once(server, 'slow-request');
  const p = get('/slow', [], ac.signal);
  await arrived;
  ac.abort(new Error('stop'));
  await assert.rejects(p);
  const dead = http.createServer();
  await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
  const port = (dead.address() as AddressInfo).port;
  await new Promise<void>((r) => dead.close(() => r()));
  await assert.rejects(
    fetch({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: [] }),
    /ECONNREFUSED/,
  );
});

test('an abort is an AbortError, before the request and while waiting; no listener is left behind', async () => {
  const early = new AbortController();
  early.abort(new Error('early'));
  await assert.rejects(get('/plain', [], early.signal), { name: 'AbortError' });
  const waiting = new AbortController();
  const arrived = once(server, 'slow-request');
  const p = get('/slow', [], waiting.signal);
  await arrived;
  waiting.abort(new Error('stop'));
  await assert.rejects(p, { name: 'AbortError' });
  const kept = new AbortController();
  for (let i = 0; i < 3; i++) await get('/gzip', [], kept.signal);
  assert.equal(getEventListeners(kept.signal, 'abort').length, 0, 'no listener left behind');
});

test('an abort while the request still waits for a connection rejects at once, and the queue goes on', async () => {
  const one = createNodeFetch({ maxSockets: 1 });
  try {
    const holder = new AbortController();
    const arrived = once(server, 'slow-request');
    const busy = one({ method: 'GET', url: origin + '/slow', headers: [], signal: holder.signal });
    await arrived; // the only connection is taken
    const queued = new AbortController();
    const p = one({ method: 'GET', url: origin + '/plain', headers: [], signal: queued.signal });
    queued.abort(new Error('stop'));
    await assert.rejects(p, { name: 'AbortError' });
    holder.abort(new Error('done'));
    await assert.rejects(busy, { name: 'AbortError' });
    const r = await one({ method: 'GET', url: origin + '/plain', headers: [] });
    assert.equal(JSON.parse(r.bodyText).path, '/plain');
  } finally {
    one.close();
  }
});

test('credentials in the URL become Basic auth, as with a URL given to http.request', async () => {
  const r = await fetch({ method: 'GET', url: origin.replace('//', '//u:p%40ss@') + '/plain', headers: [] });
  assert.equal(JSON.parse(r.bodyText).auth, `Basic ${Buffer.from('u:p@ss').toString('base64')}`);
});

test("hop-by-hop headers a pasted curl command may carry (Connection, Keep-Alive) are the client's business, not an error", async () => {
  const r = await get('/plain', [
    { name: 'Connection', value: 'keep-alive' },
    { name: 'Keep-Alive', value: 'timeout=5' },
    { name: 'Authorization', value: 'Bearer t' },
  ]);
  assert.equal(r.status, 200);
  assert.equal(JSON.parse(r.bodyText).auth, 'Bearer t');
});
