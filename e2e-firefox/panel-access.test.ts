/**
 * The first crawl of an origin in stock Firefox, refused and then granted through the real flow:
 * the panel waits for access to host:port while the grant window is up, the window's Cancel is a
 * refusal that the panel reports with the way to retry, and its "Grant access" button asks again
 * (Allow in the grant window) before the crawl runs. Run: node --import tsx --test e2e-firefox/panel-access.test.ts
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { recs, startServer, type TestServer } from '../e2e/panel-credentials-servers.ts';
import { byTestid, FirefoxHarness, poll } from './firefox.ts';

const DIST = path.resolve(import.meta.dirname, '../dist/firefox');
const status = `(() => { const s = ${byTestid('crawl-status')}; return s && { phase: s.dataset.phase, problem: s.dataset.problem, text: s.textContent }; })()`;
type Status = { phase: string; problem: string; text: string };

describe('host access in Firefox: refused, then granted', { timeout: 180_000 }, () => {
  let h: FirefoxHarness;
  let api: TestServer;

  before(async () => {
    api = await startServer();
    api.routes.set('/api/items?page=1', { records: recs(1), next: `${api.origin}/api/items?page=2` });
    api.routes.set('/api/items?page=2', { records: recs(3) });
    h = await FirefoxHarness.launch();
    await h.install(DIST);
    await h.navigate('about:blank');
    await h.openPanel();
    await h.panelWait('the panel to be ready', `document.body.dataset.ready === '1'`, 30_000);
  });

  after(async () => {
    await h?.close();
    await api?.close();
  });

  const waitStatus = (what: string, phase: string) =>
    h.panelWait<Status>(
      what,
      `(() => { const s = ${status}; return s?.phase === ${JSON.stringify(phase)} && s; })()`,
    );
  const grantWindow = () => poll('the grant window', () => h.findContext('grant.html'));

  test('a refusal in the grant window stops the crawl with a clear message; Grant access then Allow lets it crawl', async () => {
    await h.navigate(`${api.origin}/`);
    await h.pageEval(`await fetch('/api/items?page=1').then((r) => r.text()); return true;`);
    const url = `${api.origin}/api/items?page=1`;
    await h.openPagination(url);
    const origin = await h.panelWait<string>(
      'the access notice',
      `${byTestid('crawl-access')}?.dataset.origin`,
    );
    assert.equal(origin, api.origin);

    await h.panelClick('[data-testid=crawl-start]');
    const waiting = await waitStatus('the wait for access', 'waiting');
    assert.equal(waiting.text, `Waiting for access to ${api.origin} — answer the browser's prompt`);
    await h.userClickIn(await grantWindow(), '[data-testid=grant-cancel]');
    const refused = await waitStatus('the refusal', 'stopped');
    assert.equal(refused.problem, 'access-refused');
    assert.match(
      refused.text,
      new RegExp(`Access to ${api.origin.replace(/[.]/g, '\\.')} was refused, so nothing was crawled`),
    );
    assert.match(refused.text, /Grant access/);
    assert.deepEqual(await h.grantedOrigins(), []);
    assert.deepEqual(
      api.seen.filter((s) => s.url.startsWith('/api/')).map((s) => s.url),
      ['/api/items?page=1'],
      'nothing crawled',
    );

    await h.panelClick('[data-testid=crawl-grant]');
    await waitStatus('the wait for access again', 'waiting');
    await h.userClickIn(await grantWindow(), '[data-testid=grant-allow]');
    await h.panelWait('the notice to go', `!${byTestid('crawl-access')}`);
    // Firefox's match patterns take no port (MDN; bug 1362809): the whole host is granted.
    assert.deepEqual(await h.grantedOrigins(), ['http://127.0.0.1/*']);

    await h.panelClick('[data-testid=crawl-start]');
    const done = await waitStatus('the crawl', 'done');
    assert.match(done.text, /^done/);
    assert.ok(
      api.seen.some((s) => s.url === '/api/items?page=2'),
      'page 2 crawled',
    );
  });
});
