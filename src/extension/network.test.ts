import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Exchange } from '../core/exchange.ts';
import { createNetworkCapture, type DevtoolsNetwork, type DevtoolsRequest } from './network.ts';

type Spec = {
  url: string;
  mime: string;
  body: string | null;
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
      content: { mimeType: s.mime, size: 10 },
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
  finish(request({ url: 'http://a/empty', mime: 'application/json', body: '' }, reads));
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
  assert.deepEqual(capture.stats(), { kept: 2, skipped: { 'not-json': 3, empty: 1, 'no-content': 1 } });
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
