import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createBrokeredPermissions,
  grantPageUrl,
  handleBrokerCall,
  isHostPatternList,
  parseGrantQuery,
  type MessagingPort,
} from './permission-broker.ts';

/**
 * A fake runtime joining panel, background and grant window in one process: sendMessage reaches the
 * background handler (its reply is the promise's value) and every onMessage listener but the sender's.
 */
function fakeRuntime(granted: Set<string>) {
  const listeners = new Set<(m: unknown) => unknown>();
  const opened: string[] = [];
  const deps = {
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
    },
    openGrantWindow: async (url: string) => {
      opened.push(url);
    },
  };
  const port: MessagingPort = {
    async sendMessage(m) {
      for (const l of [...listeners]) l(m);
      return handleBrokerCall(deps, m);
    },
    onMessage: { addListener: (cb) => listeners.add(cb), removeListener: (cb) => listeners.delete(cb) },
  };
  /** What the grant window does after the user's answer. */
  const answer = (url: string, ok: boolean) => {
    const q = parseGrantQuery(url.slice(url.indexOf('?')))!;
    if (ok) for (const o of q.origins) granted.add(o);
    return port.sendMessage({ pagescope: 'grant-result', requestId: q.requestId, granted: ok });
  };
  return { port, opened, answer, listeners };
}

test('contains asks the background, which asks the browser', async () => {
  const rt = fakeRuntime(new Set(['http://127.0.0.1/*']));
  const p = createBrokeredPermissions(rt.port);
  assert.equal(await p.contains({ origins: ['http://127.0.0.1/*'] }), true);
  assert.equal(await p.contains({ origins: ['https://api.example.com/*'] }), false);
});

test('request of an origin already granted resolves true without opening the grant window', async () => {
  const rt = fakeRuntime(new Set(['http://127.0.0.1/*']));
  const p = createBrokeredPermissions(rt.port);
  assert.equal(await p.request({ origins: ['http://127.0.0.1/*'] }), true);
  assert.deepEqual(rt.opened, []);
  assert.equal(rt.listeners.size, 0, 'the answer listener is removed');
});

test("request opens the grant window and resolves with the user's answer to this request only", async () => {
  const rt = fakeRuntime(new Set());
  let n = 0;
  const p = createBrokeredPermissions(rt.port, () => `req-${++n}`);
  const first = p.request({ origins: ['https://api.example.com/*'] });
  const second = p.request({ origins: ['https://other.example/*'] });
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(rt.opened, [
    'grant.html?id=req-1&origin=https%3A%2F%2Fapi.example.com%2F*',
    'grant.html?id=req-2&origin=https%3A%2F%2Fother.example%2F*',
  ]);
  await rt.answer(rt.opened[1], false);
  assert.equal(await second, false);
  await rt.answer(rt.opened[0], true);
  assert.equal(await first, true);
  assert.equal(await p.contains({ origins: ['https://api.example.com/*'] }), true);
  assert.equal(rt.listeners.size, 0);
});

test('a background that fails or gives no answer rejects the request instead of waiting forever', async () => {
  const silent: MessagingPort = {
    sendMessage: async () => undefined,
    onMessage: { addListener() {}, removeListener() {} },
  };
  await assert.rejects(
    createBrokeredPermissions(silent).request({ origins: ['http://a.example/*'] }),
    /did not open/,
  );
  const broken: MessagingPort = {
    ...silent,
    sendMessage: async () => Promise.reject(new Error('no receiver')),
  };
  await assert.rejects(
    createBrokeredPermissions(broken).contains({ origins: ['http://a.example/*'] }),
    /no receiver/,
  );
});

test('the background refuses anything broader than single-host http(s) patterns', async () => {
  const deps = { permissions: { contains: async () => false }, openGrantWindow: async () => {} };
  for (const origins of [['<all_urls>'], ['*://*/*'], ['https://*.example.com/*'], ['file:///*'], [], 'x']) {
    await assert.rejects(
      handleBrokerCall(deps, { pagescope: 'permissions', op: 'request', origins, requestId: 'r' })!,
      /host patterns/,
      JSON.stringify(origins),
    );
  }
  assert.equal(
    handleBrokerCall(deps, { type: 'something else' }),
    undefined,
    'other messages are left alone',
  );
  assert.equal(
    isHostPatternList(['http://127.0.0.1:8787/*', 'https://[::1]/*', 'https://api.example.com/*']),
    true,
  );
});

test('the grant window reads back only valid requests', () => {
  assert.deepEqual(parseGrantQuery(grantPageUrl('abc', ['https://a.example/*']).slice('grant.html'.length)), {
    requestId: 'abc',
    origins: ['https://a.example/*'],
  });
  assert.equal(parseGrantQuery('?id=abc&origin=%3Call_urls%3E'), null);
  assert.equal(parseGrantQuery('?origin=https%3A%2F%2Fa.example%2F*'), null);
});

test('permission changes reach onAdded or onRemoved listeners, and removed listeners hear nothing', async () => {
  const rt = fakeRuntime(new Set());
  const p = createBrokeredPermissions(rt.port);
  const heard: string[] = [];
  const added = () => heard.push('added');
  p.onAdded.addListener(added);
  p.onRemoved.addListener(() => heard.push('removed'));
  await rt.port.sendMessage({ pagescope: 'permissions-changed', change: 'added' });
  await rt.port.sendMessage({ pagescope: 'permissions-changed', change: 'removed' });
  p.onAdded.removeListener(added);
  await rt.port.sendMessage({ pagescope: 'permissions-changed', change: 'added' });
  assert.deepEqual(heard, ['added', 'removed']);
});
