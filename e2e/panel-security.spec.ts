// Hostile response content must stay text: markup in bodies, keys, headers and URLs shows literally
// in the list, the JSON tree, the headers and the evidence, and no element is ever created from it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CdpFrame } from './devtools-harness.ts';
import { test as base, expect } from './fixtures.ts';
import { panelDom as $ } from './panel-helpers.ts';

const IMG = `<img src=x onerror="document.title='pwned'">`;
const SCRIPT = `<script>document.title='pwned'</script>`;

/** The inspected app: a page that fetches one JSON response full of markup. */
const test = base.extend<{ hostile: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  hostile: async ({}, use) => {
    const server = http.createServer((req, res) => {
      if (req.url!.startsWith('/api/')) {
        res.writeHead(200, {
          'content-type': 'application/json',
          'Paging-Next': `/api/hostile?page=2&q=${IMG}`,
          'X-Note': SCRIPT,
        });
        return res.end(JSON.stringify([{ name: IMG, [SCRIPT]: SCRIPT, nested: { deeper: IMG } }]));
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>hostile app</title><p>fetching…</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.closeAllConnections(); // the browser keeps connections alive; close() alone would wait for them
    await new Promise<void>((r) => server.close(() => r()));
  },
});

/** Nothing was created from the strings: no img, only the panel's own script, title untouched. */
async function expectNoInjection(panel: CdpFrame) {
  expect(
    await panel.eval(`({
      imgs: document.querySelectorAll('img').length,
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
      title: document.title,
      handlers: document.querySelectorAll('[onerror]').length,
    })`),
  ).toEqual({ imgs: 0, scripts: ['panel.js'], title: 'Pagescope', handlers: 0 });
}

const texts = (selector: string) =>
  `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.textContent)`;
/** For waitFor: the texts once there are any (an empty array is truthy, so it would not wait). */
const someTexts = (selector: string) =>
  `(() => { const t = ${texts(selector)}; return t.length > 0 && t; })()`;

test('markup in a captured response shows as literal text everywhere in the panel', async ({
  h,
  hostile,
}) => {
  const panel = await h.openPanel();
  await h.page.goto(`${hostile}/`);
  await h.page.evaluate(() => fetch(`/api/hostile?page=1&q=<b>bold</b>`).then((r) => r.text()));
  // The page itself is listed too (greyed, not JSON); the one analysed row is the API's.
  await panel.waitFor(`document.querySelectorAll('[data-testid=request-row]:not(.unanalysed)').length === 1`);
  expect(
    await panel.eval<string>(
      `document.querySelector('[data-testid=request-row]:not(.unanalysed) [data-testid=request-url]').textContent`,
    ),
  ).toContain('/api/hostile?page=1&q=');

  await $.pickRow(panel, '/api/hostile');
  await $.click(panel, 'detail-tab-pagination');
  await panel.waitFor($.exists('pagination-evidence'));
  const evidence = await panel.eval<string[]>(texts('[data-testid=evidence-item] td.value'));
  expect(evidence.some((v) => v.includes(IMG))).toBe(true);

  await $.click(panel, 'detail-tab-headers');
  const headerValues = await panel.waitFor<string[]>(someTexts('[data-testid=response-headers] .v'));
  expect(headerValues).toContain(SCRIPT);
  expect(headerValues.some((v) => v.includes(IMG))).toBe(true);

  await $.click(panel, 'detail-tab-response');
  await panel.waitFor(`document.querySelector('[data-testid=json-node][data-path="0"]')`);
  await panel.eval(`document.querySelector('[data-testid=json-node][data-path="0"]').click()`);
  await panel.waitFor(`document.querySelector('[data-testid=json-node][data-path="0.name"]')`);
  expect(await panel.eval(texts('[data-testid=json-node][data-path="0.name"] .json-string'))).toEqual([
    JSON.stringify(IMG),
  ]);
  expect(await panel.eval(texts('[data-testid=json-tree] .json-key'))).toContain(SCRIPT);
  await panel.eval(`document.querySelector('[data-testid=json-node][data-path="0.nested"]').click()`);
  expect(
    await panel.waitFor(someTexts('[data-testid=json-node][data-path="0.nested.deeper"] .json-string')),
  ).toEqual([JSON.stringify(IMG)]);
  await expectNoInjection(panel);
  expect(await h.page.title()).toBe('hostile app');
});

test('markup in an imported HAR (URL, status text, body) stays text', async ({ h }) => {
  const panel = await h.openPanel();
  const url = `http://hostile.test/${IMG}?page=1`;
  const har = {
    log: {
      entries: [
        {
          request: { method: 'GET', url, headers: [{ name: SCRIPT, value: IMG }] },
          response: {
            status: 200,
            statusText: SCRIPT,
            headers: [{ name: 'Paging-Next', value: `${url}&next=${SCRIPT}` }],
            content: { mimeType: 'application/json', text: JSON.stringify({ [IMG]: [SCRIPT] }) },
          },
        },
      ],
    },
  };
  await $.drop(panel, `${IMG}.har`, JSON.stringify(har));
  await panel.waitFor(`document.querySelectorAll('[data-testid=request-row]').length === 1`);
  expect(await panel.eval<string>($.text('request-url'))).toBe(url);
  expect(await panel.eval<string>($.text('notice'))).toContain(`${IMG}.har`);
  await $.pickRow(panel, 'hostile.test');
  await $.click(panel, 'detail-tab-headers');
  expect(await panel.waitFor<string[]>(someTexts('[data-testid=request-headers] .k'))).toEqual([SCRIPT]);
  expect(await panel.eval<string[]>(texts('[data-testid=general] .v'))).toContain(`200 ${SCRIPT}`);
  await $.click(panel, 'detail-tab-response');
  expect(await panel.waitFor<string[]>(someTexts('[data-testid=json-tree] .json-key'))).toEqual([IMG]);
  await expectNoInjection(panel);
});
