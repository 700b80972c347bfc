import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BodyTooLargeError, createExtensionFetch } from './extension-fetch.ts';

const HOME = 'https://api.example.com';
const OTHER = 'https://evil.example.net';
const SECRETS = [
  { name: 'Authorization', value: 'Bearer T0K3N' },
  { name: 'X-Api-Key', value: 'K3Y' },
  { name: 'Accept', value: 'application/json' },
];

type Sent = { url: string; headers: Record<string, string>; credentials?: string; redirect?: string };

/**
 * A browser-like fetch over a redirect table: with `redirect: 'manual'` a 3xx comes back opaque (no
 * Location, as browsers give extension pages); with 'follow' the hops are walked, each recorded with
 * the headers it carried (browsers keep custom headers across hops).
 */
function browserFetch(redirects: Record<string, string>, sent: Sent[]) {
  return (async (input: string, init: RequestInit) => {
    let url = input;
    for (let hop = 0; hop < 10; hop++) {
      const headers: Record<string, string> = {};
      (init.headers as Headers).forEach((v, k) => (headers[k] = v));
      sent.push({ url, headers, credentials: init.credentials, redirect: init.redirect });
      const to = redirects[url];
      if (!to) {
        const res = new Response(JSON.stringify({ url }), {
          headers: { 'content-type': 'application/json' },
        });
        Object.defineProperty(res, 'url', { value: url });
        Object.defineProperty(res, 'redirected', { value: hop > 0 });
        return res;
      }
      if (init.redirect === 'manual') {
        const res = new Response(null, { status: 200 });
        Object.defineProperty(res, 'type', { value: 'opaqueredirect' });
        Object.defineProperty(res, 'status', { value: 0 });
        return res;
      }
      url = new URL(to, url).href;
    }
    throw new TypeError('too many redirects');
  }) as unknown as typeof fetch;
}

const credentialBytes = (s: Sent) =>
  Object.keys(s.headers).filter((k) => k === 'authorization' || k === 'x-api-key').length +
  (s.credentials === 'include' ? 1 : 0);

test('a redirect to another origin reaches it without Authorization, X-Api-Key or cookies', async () => {
  const sent: Sent[] = [];
  const f = createExtensionFetch({
    credentialOrigin: HOME,
    fetchImpl: browserFetch({ [`${HOME}/items?page=2`]: `${OTHER}/steal?page=2` }, sent),
  });
  const res = await f({ method: 'GET', url: `${HOME}/items?page=2`, headers: SECRETS });
  assert.equal(res.url, `${OTHER}/steal?page=2`);
  assert.equal(JSON.parse(res.bodyText).url, `${OTHER}/steal?page=2`);
  const atOther = sent.filter((s) => s.url.startsWith(OTHER));
  assert.ok(atOther.length > 0);
  for (const s of atOther) assert.equal(credentialBytes(s), 0, JSON.stringify(s));
  assert.equal(atOther[0].headers.accept, 'application/json', 'other headers still go');
  // The first try carried the credentials to their own origin, without following.
  assert.deepEqual(
    [sent[0].url, sent[0].redirect, sent[0].credentials, sent[0].headers['x-api-key']],
    [`${HOME}/items?page=2`, 'manual', 'include', 'K3Y'],
  );
});

test('a same-origin redirect (trailing slash) keeps the credentials on the final URL', async () => {
  const sent: Sent[] = [];
  const f = createExtensionFetch({
    credentialOrigin: HOME,
    fetchImpl: browserFetch({ [`${HOME}/items`]: '/items/' }, sent),
  });
  const res = await f({ method: 'GET', url: `${HOME}/items`, headers: SECRETS });
  assert.equal(res.url, `${HOME}/items/`);
  const last = sent.at(-1)!;
  assert.equal(last.url, `${HOME}/items/`);
  assert.equal(last.headers.authorization, 'Bearer T0K3N');
  assert.equal(last.headers['x-api-key'], 'K3Y');
  assert.equal(last.credentials, 'include');
});

test('a same-origin hop that then leaves the origin: nothing secret reaches the other one', async () => {
  const sent: Sent[] = [];
  const f = createExtensionFetch({
    credentialOrigin: HOME,
    fetchImpl: browserFetch({ [`${HOME}/a`]: '/b', [`${HOME}/b`]: `${OTHER}/c` }, sent),
  });
  const res = await f({ method: 'GET', url: `${HOME}/a`, headers: SECRETS });
  assert.equal(res.url, `${OTHER}/c`);
  for (const s of sent.filter((x) => x.url.startsWith(OTHER))) assert.equal(credentialBytes(s), 0);
});

test('requests to another origin go without credentials at all', async () => {
  const sent: Sent[] = [];
  const f = createExtensionFetch({ credentialOrigin: HOME, fetchImpl: browserFetch({}, sent) });
  await f({ method: 'GET', url: `${OTHER}/x`, headers: SECRETS });
  assert.equal(credentialBytes(sent[0]), 0);
  assert.equal(sent[0].redirect, 'follow');
});

test('a redirect shown only to credentialed requests is an error, not a guess', async () => {
  const sent: Sent[] = [];
  const base = browserFetch({ [`${HOME}/secret`]: `${OTHER}/x` }, sent);
  // Without credentials the server answers 401 instead of redirecting.
  const fetchImpl = (async (u: string, init: RequestInit) =>
    init.credentials === 'omit' ? new Response('{}', { status: 401 }) : base(u, init)) as typeof fetch;
  const f = createExtensionFetch({ credentialOrigin: HOME, fetchImpl });
  await assert.rejects(
    f({ method: 'GET', url: `${HOME}/secret`, headers: SECRETS }),
    /redirects only when sent the credentials/,
  );
});

test('bodies are read up to the limit, decoded; past it the read stops with a clear error', async () => {
  const chunk = new Uint8Array(1024).fill(0x61);
  let pulled = 0;
  const big = () =>
    new Response(
      new ReadableStream({
        pull(c) {
          pulled++;
          c.enqueue(chunk);
          if (pulled > 10_000) c.close();
        },
      }),
    );
  const f = createExtensionFetch({
    credentialOrigin: HOME,
    fetchImpl: (async () => big()) as unknown as typeof fetch,
    maxBodyBytes: 8 * 1024,
  });
  await assert.rejects(f({ method: 'GET', url: `${OTHER}/huge`, headers: [] }), (e: Error) => {
    assert.ok(e instanceof BodyTooLargeError);
    assert.match(e.message, /larger than 0 MiB|larger than/);
    assert.match(e.message, /CLI/);
    return true;
  });
  assert.ok(pulled < 20, `stopped reading early (${pulled} chunks)`);
  const ok = createExtensionFetch({
    credentialOrigin: HOME,
    fetchImpl: (async () => new Response('{"name":"Zoë 😀"}')) as unknown as typeof fetch,
    maxBodyBytes: 64,
  });
  assert.equal((await ok({ method: 'GET', url: `${OTHER}/x`, headers: [] })).bodyText, '{"name":"Zoë 😀"}');
});
