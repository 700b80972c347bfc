// The CLI's HTTP client against awkward bodies: raw deflate, stacked codings, a gzip bomb, a trickle.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { formatBytes } from '../core/bytes.ts';
import { DEFAULT_MAX_BODY_BYTES } from '../core/ports.ts';
import { BodyTooLargeError } from './http-body.ts';
import { createNodeFetch } from './http.ts';

const body = JSON.stringify({ data: [{ id: 1, name: 'Zoë' }], text: 'x'.repeat(5000) });
/** 8 MiB of zeros gzipped (~8 KiB); 256 members back to back inflate to 2 GiB from ~2 MB. */
const member = zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024));
let bombBytesSent = 0;
const trickles = new Set<NodeJS.Timeout>();

const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/ae') return res.end(String(req.headers['accept-encoding']));
  if (path === '/raw-deflate')
    return res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateRawSync(body));
  if (path === '/zlib-deflate')
    return res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateSync(body));
  if (path === '/gzip-gzip')
    return res.writeHead(200, { 'content-encoding': 'gzip, gzip' }).end(zlib.gzipSync(zlib.gzipSync(body)));
  if (path === '/gzip-br')
    return res
      .writeHead(200, [
        ['content-encoding', 'gzip'],
        ['content-encoding', 'br'],
      ])
      .end(zlib.brotliCompressSync(zlib.gzipSync(body)));
  if (path === '/bomb') {
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
    let i = 0;
    const more = () => {
      while (i < 256) {
        bombBytesSent += member.length;
        i++;
        if (!res.write(member)) return void res.once('drain', more);
      }
      res.end();
    };
    res.on('error', () => {});
    return more();
  }
  if (path === '/trickle') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":[');
    const t = setInterval(() => res.write(' '), 20);
    trickles.add(t);
    res.on('close', () => (clearInterval(t), trickles.delete(t)));
    return;
  }
  res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const fetch = createNodeFetch();
after(() => {
  fetch.close();
  for (const t of trickles) clearInterval(t);
  server.closeAllConnections();
  server.close();
});
const get = (path: string, signal?: AbortSignal) =>
  fetch({ method: 'GET', url: origin + path, headers: [], signal });

test('Content-Encoding: deflate is read zlib-wrapped or raw, as browsers do', async () => {
  for (const p of ['/raw-deflate', '/zlib-deflate']) assert.equal((await get(p)).bodyText, body, p);
});

test('stacked codings are decoded in reverse order (gzip, gzip; gzip then br)', async () => {
  assert.equal((await get('/gzip-gzip')).bodyText, body);
  assert.equal((await get('/gzip-br')).bodyText, body);
});

test('a gzip bomb fails at the decoded limit with a clear error, not after inflating it all', async () => {
  const small = createNodeFetch({ maxBodyBytes: 8 * 1024 * 1024 });
  const rss0 = process.memoryUsage.rss();
  try {
    await assert.rejects(
      small({ method: 'GET', url: `${origin}/bomb`, headers: [] }),
      (e: Error) => e instanceof BodyTooLargeError && /larger than 8 MiB once decoded/.test(e.message),
    );
  } finally {
    small.close();
  }
  // Memory stays far below the 2 GiB the bomb inflates to.
  const grown = process.memoryUsage.rss() - rss0;
  assert.ok(grown < 256 * 1024 * 1024, `rss grew by ${formatBytes(grown)}`);
  assert.ok(bombBytesSent > 0);
  assert.equal(DEFAULT_MAX_BODY_BYTES, 256 * 1024 * 1024);
});

test('a body that trickles past the timeout rejects as an abort (a timeout), not as a reset', async () => {
  await assert.rejects(get('/trickle', AbortSignal.timeout(150)), { name: 'AbortError' });
});

test('asks only for the codings it decodes, whatever the request said', async () => {
  const r = await fetch({
    method: 'GET',
    url: `${origin}/ae`,
    headers: [{ name: 'Accept-Encoding', value: 'gzip, deflate, br, zstd' }],
  });
  assert.equal(r.bodyText, 'gzip, deflate, br');
});

test('formatBytes', () => {
  assert.equal(formatBytes(256 * 1024 * 1024), '256 MiB');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(12), '12 bytes');
});
