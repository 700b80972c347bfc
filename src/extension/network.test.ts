import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Exchange } from '../core/exchange.ts';
import { createNetworkCapture, type DevtoolsNetwork, type DevtoolsRequest } from './network.ts';

type Spec = {
  url: string;
  mime: string;
  body: string | null;
  /** content.size as DevTools reports it. @default 10 */
  size?: number;
  encoding?: string;
  started?: string;
  fail?: boolean;
};

function request(s: Spec, reads: string[]): DevtoolsRequest {
  return {
    startedDateTime: s.started ?? '2024-01-01T00:00:00.000Z',
    time: 12,
    request: { method: 'get', url: s.url, headers: [] },
    response: {
      status: 200,
      headers: [{ name: 'Paging-Next', value: 'x' }],
      content: { mimeType: s.mime, size: s.size ?? 10 },
    },
    async getContent() {
      reads.push(s.url);
      if (s.fail) throw new Error('gone');
      return { content: s.body, encoding: s.encoding };
    },
  };
}

/** A fake devtools.network: `finish()` plays onRequestFinished, `har` is what getHAR returns. */
function fakeNetwork(har: DevtoolsRequest[] = []) {
  const finished = new Set<(r: DevtoolsRequest) => void>();
  const net: DevtoolsNetwork = {
    onRequestFinished(cb) {
      finished.add(cb);
      return () => finished.delete(cb);
    },
    getHAR: async () => har,
    onNavigated: () => () => {},
  };
  return {
    net,
    finish: (r: DevtoolsRequest) => finished.forEach((cb) => cb(r)),
    listeners: () => finished.size,
  };
}

const nextTick = () => new Promise((r) => setTimeout(r, 0));

test('keeps JSON by MIME type and by sniffing, skips assets without reading them', async () => {
  const reads: string[] = [];
  const { net, finish } = fakeNetwork();
  const capture = createNetworkCapture(net, 't');
  const got: Exchange[] = [];
  capture.onExchange((ex) => got.push(ex));
  finish(
    request({ url: 'http://a/api?page=1', mime: 'application/json; charset=utf-8', body: '[1,2]' }, reads),
  );
  finish(request({ url: 'http://a/lying', mime: 'text/html', body: ' {"items":[]}' }, reads));
  finish(request({ url: 'http://a/page', mime: 'text/html', body: '<!doctype html>' }, reads));
  finish(request({ url: 'http://a/logo.png', mime: 'image/png', body: 'x' }, reads));
  finish(request({ url: 'http://a/app.js', mime: 'application/javascript', body: '[]' }, reads));
  finish(request({ url: 'http://a/empty', mime: 'application/json', body: '', size: 0 }, reads));
  finish(request({ url: 'http://a/evicted', mime: 'application/json', body: null, fail: true }, reads));
  await nextTick();
  assert.deepEqual(
    got.map((ex) => [ex.id, ex.request.method, ex.request.url, ex.response.bodyText]),
    [
      ['t-1', 'GET', 'http://a/api?page=1', '[1,2]'],
      ['t-2', 'GET', 'http://a/lying', ' {"items":[]}'],
    ],
  );
  assert.equal(got[0].response.headers[0].name, 'Paging-Next');
  assert.ok(
    !reads.includes('http://a/logo.png') && !reads.includes('http://a/app.js'),
    'assets are skipped unread',
  );
  assert.deepEqual(capture.stats(), {
    kept: 2,
    skipped: { asset: 2, 'not-json': 1, empty: 1, 'no-content': 1, 'too-large': 0 },
  });
});

test('decodes base64 bodies and leaves exchanges structured-cloneable', async () => {
  const { net, finish } = fakeNetwork();
  const capture = createNetworkCapture(net, 'b');
  const got: Exchange[] = [];
  capture.onExchange((ex) => got.push(ex));
  const body = JSON.stringify({ name: 'Zoë' });
  const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(body)));
  finish(request({ url: 'http://a/b64', mime: 'application/json', body: base64, encoding: 'base64' }, []));
  await nextTick();
  assert.equal(got[0].response.bodyText, body);
  assert.deepEqual(structuredClone(got[0]), got[0]);
});

test('backfill returns earlier JSON once; a live duplicate of it is dropped; ids stay unique', async () => {
  const early = {
    url: 'http://a/api?page=1',
    mime: 'application/json',
    body: '[1]',
    started: '2024-01-01T00:00:01.000Z',
  };
  const { net, finish } = fakeNetwork([
    request(early, []),
    request({ ...early, url: 'http://a/x.css', mime: 'text/css' }, []),
  ]);
  const capture = createNetworkCapture(net, 'd');
  const live: Exchange[] = [];
  capture.onExchange((ex) => live.push(ex));
  const back = await capture.backfill();
  finish(request(early, [])); // the same entry reported live too
  finish(request({ ...early, url: 'http://a/api?page=2' }, []));
  await nextTick();
  assert.deepEqual(
    back.map((ex) => ex.request.url),
    ['http://a/api?page=1'],
  );
  assert.deepEqual(
    live.map((ex) => ex.request.url),
    ['http://a/api?page=2'],
  );
  assert.equal(new Set([...back, ...live].map((ex) => ex.id)).size, 2);
});

test('unsubscribe and stop detach listeners', async () => {
  const { net, finish, listeners } = fakeNetwork();
  const capture = createNetworkCapture(net, 'u');
  const got: Exchange[] = [];
  const off = capture.onExchange((ex) => got.push(ex));
  off();
  finish(request({ url: 'http://a/1', mime: 'application/json', body: '{}' }, []));
  await nextTick();
  assert.equal(got.length, 0);
  assert.equal(listeners(), 1);
  capture.stop();
  assert.equal(listeners(), 0);
});

test('every request but assets is listed: not JSON, empty, body unavailable, too large — with the reason', async () => {
  const { net, finish } = fakeNetwork();
  const capture = createNetworkCapture(net, 's', { autoLimit: 50, maxBody: 1000 });
  const kept: Exchange[] = [];
  const skipped: { url: string; reason: string; size?: number; body: string | null; id?: string }[] = [];
  capture.onExchange((ex) => kept.push(ex));
  capture.onSkipped((s) =>
    skipped.push({
      url: s.exchange.request.url,
      reason: s.reason,
      size: s.size,
      body: s.exchange.response.bodyText,
      id: s.exchange.id,
    }),
  );
  const big = JSON.stringify({ items: Array.from({ length: 30 }, (_, i) => i) });
  const huge = JSON.stringify({ items: 'x'.repeat(2000) });
  finish(request({ url: 'http://a/page', mime: 'text/html', body: '<!doctype html>' }, []));
  finish(request({ url: 'http://a/logo.png', mime: 'image/png', body: 'x' }, []));
  finish(request({ url: 'http://a/204', mime: '', body: '', size: 0 }, []));
  // Chrome answers null for a body it did not keep (over ~10 MB) while the HAR gives its size.
  finish(request({ url: 'http://a/20mb', mime: 'application/json', body: null, size: 20_000_000 }, []));
  finish(request({ url: 'http://a/gone', mime: 'application/json', body: null, fail: true }, []));
  finish(request({ url: 'http://a/big', mime: 'application/json', body: big }, []));
  finish(request({ url: 'http://a/huge', mime: 'application/json', body: huge }, []));
  finish(request({ url: 'http://a/ok', mime: 'application/json', body: '[1]' }, []));
  await nextTick();
  assert.deepEqual(
    kept.map((ex) => ex.request.url),
    ['http://a/ok'],
  );
  assert.deepEqual(
    skipped.map(({ url, reason, size }) => [url, reason, size]),
    [
      ['http://a/page', 'not-json', 15],
      ['http://a/204', 'empty', undefined],
      ['http://a/20mb', 'no-content', 20_000_000],
      ['http://a/gone', 'no-content', 10],
      ['http://a/big', 'too-large', big.length],
      ['http://a/huge', 'too-large', huge.length],
    ],
  );
  // Only a too-large body under maxBody is kept (to analyse on demand); ids stay unique.
  assert.deepEqual(
    skipped.map((s) => s.body),
    [null, null, null, null, big, null],
  );
  assert.equal(new Set([...skipped.map((s) => s.id), ...kept.map((k) => k.id)]).size, 7);
  assert.deepEqual(capture.stats().skipped, {
    asset: 1,
    'not-json': 1,
    empty: 1,
    'no-content': 2,
    'too-large': 2,
  });
});

test('backfill lists what it did not analyse too, once', async () => {
  const entry = { url: 'http://a/20mb', mime: 'application/json', body: null, size: 20_000_000 };
  const { net, finish } = fakeNetwork([request(entry, [])]);
  const capture = createNetworkCapture(net, 'k');
  const skipped: string[] = [];
  capture.onSkipped((s) => skipped.push(`${s.reason} ${s.exchange.request.url}`));
  assert.deepEqual(await capture.backfill(), []);
  finish(request(entry, []));
  await nextTick();
  assert.deepEqual(skipped, ['no-content http://a/20mb']);
});
