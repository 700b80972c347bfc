import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type AccessError, hostPattern, waitForAccess } from './host-access.ts';
import { patternsTakePorts } from './browser-crawl-services.ts';

test('host patterns keep the port where the browser supports it (Chrome), not in Firefox', () => {
  assert.equal(hostPattern('http://127.0.0.1:5173/api/x?page=1'), 'http://127.0.0.1:5173/*');
  assert.equal(hostPattern('https://api.example.com/v1'), 'https://api.example.com/*', 'default port: none');
  assert.equal(hostPattern('https://api.example.com:443/v1'), 'https://api.example.com/*');
  assert.equal(hostPattern('http://127.0.0.1:5173/api', false), 'http://127.0.0.1/*');
  assert.equal(
    patternsTakePorts('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'),
    false,
  );
  assert.equal(
    patternsTakePorts('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36'),
    true,
  );
});

test('the wait asks synchronously and ends when cancelled, though the prompt never answers', async () => {
  let asked = 0;
  const ctrl = new AbortController();
  const waiting = waitForAccess(
    'http://127.0.0.1:8787/api?page=1',
    () => (asked++, new Promise<boolean>(() => {})),
    ctrl.signal,
  );
  assert.equal(asked, 1, 'asked inside the click');
  ctrl.abort();
  await assert.rejects(waiting, (e: AccessError) => {
    assert.equal(e.problem, 'cancelled');
    assert.match(e.message, /Cancelled by you while waiting for access to http:\/\/127\.0\.0\.1:8787/);
    return true;
  });
});

test('a refusal says so, names the origin with its port, and how to retry', async () => {
  await assert.rejects(
    waitForAccess('http://127.0.0.1:8787/x', async () => false),
    (e: AccessError) => {
      assert.equal(e.problem, 'refused');
      assert.equal(e.origin, 'http://127.0.0.1:8787');
      assert.match(e.message, /Access to http:\/\/127\.0\.0\.1:8787 was refused/);
      assert.match(e.message, /Grant access/);
      return true;
    },
  );
  await assert.rejects(
    waitForAccess('http://127.0.0.1:8787/x', () =>
      Promise.reject(new Error('must be called during a user gesture')),
    ),
    /Could not ask for access to http:\/\/127\.0\.0\.1:8787: must be called during a user gesture/,
  );
  await waitForAccess('http://127.0.0.1:8787/x', async () => true);
});
