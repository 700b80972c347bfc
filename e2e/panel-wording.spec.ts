// Wording in the real panel: a 401 says the request failed and the crawl needs credentials (not "no
// pagination found"); a generic detection's badge and confidence explain what "generic" and the
// number mean, with the evidence that decided it; a record nested 5 000 levels deep shows a "too
// deep" line in the tree instead of breaking the panel.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, expect } from './fixtures.ts';
import { panelDom as $ } from './panel-helpers.ts';

const DEEP = '{"data":[' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + ']}';

const test = base.extend<{ app: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  app: async ({}, use) => {
    const server = http.createServer((req, res) => {
      const path = new URL(req.url!, 'http://x').pathname;
      if (path === '/crm/v3/objects/contacts') {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ status: 'error', message: 'Authentication credentials not found' }));
      }
      if (path === '/api/deals') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify({
            results: [{ id: '1' }, { id: '2' }],
            paging: { next: { after: 'NTI1Cg%3D%3D', link: '/api/deals?after=NTI1Cg%3D%3D' } },
          }),
        );
      }
      if (path === '/api/deep') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(DEEP);
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>wording</title>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  },
});

async function open(panel: Parameters<typeof $.pickRow>[0], path: string, tab: string) {
  await panel.waitFor(
    `[...document.querySelectorAll('[data-testid=request-url]')].some((u) => u.title.endsWith(${JSON.stringify(path)}))`,
  );
  await $.pickRow(panel, path);
  await panel.waitFor($.exists('request-detail'));
  await $.click(panel, `detail-tab-${tab}`);
}

test('a 401 names the failure and the credentials; generic and its confidence are explained; 5000 levels deep is "too deep"', async ({
  h,
  app,
}) => {
  const panel = await h.openPanel();
  await h.page.goto(`${app}/`);
  for (const p of ['/crm/v3/objects/contacts', '/api/deals', '/api/deep'])
    await h.page.evaluate((u) => fetch(u).then((r) => r.text()), p);

  await open(panel, '/crm/v3/objects/contacts', 'pagination');
  const none = await panel.waitFor<string>($.text('pagination-none'));
  expect(none).toContain('the request failed with 401 Unauthorized');
  expect(none).toContain('a crawl needs them too');
  expect(none).not.toContain('no pagination found');

  await open(panel, '/api/deals', 'pagination');
  await panel.waitFor($.exists('pagination-style'));
  const tips = await panel.eval<{ badge: string; confidence: string; style: string }>(`({
    style: document.querySelector('[data-testid=pagination-style]').textContent,
    badge: document.querySelector('[data-testid=pagination-style]').title,
    confidence: document.querySelector('[data-testid=pagination-confidence]').title })`);
  expect(tips.style).toBe('generic');
  expect(tips.badge).toMatch(
    /^generic: no documented API scheme matched; read from common pagination field names/,
  );
  expect(tips.badge).toMatch(
    /confidence \d+%: how sure detection is that this response is one page of a paginated list/,
  );
  expect(tips.badge).toMatch(/Decided by:\n {2}body paging\.next\.after = /);
  expect(tips.confidence).toBe(tips.badge);

  await open(panel, '/api/deep', 'response');
  await panel.waitFor(`!!document.querySelector('[data-testid=json-node][data-path=""]')`);
  // Open the way down, one level per poll (each click re-renders the tree), until the tree stops.
  const deepest = await panel.waitFor<{ depth: string; text: string }>(
    `(() => {
      const deep = document.querySelector('.json-deep');
      if (deep) return { depth: deep.closest('[data-testid=json-node]').getAttribute('aria-level'), text: deep.textContent };
      document.querySelector('[data-testid=json-node][aria-expanded=false]:last-of-type')?.click();
      return null;
    })()`,
    45_000,
  );
  expect(deepest.text).toBe('{…} nested too deep to show (over 200 levels): see the raw body');
  expect(Number(deepest.depth)).toBe(201);
  expect(await panel.eval($.exists('pagescope-app'))).toBe(true);
});
