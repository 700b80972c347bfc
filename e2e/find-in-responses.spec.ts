// Find in responses in the real panel: Ctrl+F opens the box, text and /regex/ search every captured
// body, the hits are listed by request, Enter steps through them and each opens its request's
// Response tab with the node revealed (inside a 5 000-item array too). Bodies are text, never HTML.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CdpFrame } from './devtools-harness.ts';
import { test as base, expect } from './fixtures.ts';
import { panelDom as $ } from './panel-helpers.ts';

const EVIL = '<img src=x onerror="window.__pwned=1">needle';
const BODIES: Record<string, unknown> = {
  '/api/users': {
    data: [
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Grace Needle' },
    ],
  },
  '/api/big': {
    rows: Array.from({ length: 5000 }, (_, i) => ({ id: i, tag: i === 4321 ? 'needle-4321' : `t${i}` })),
  },
  '/api/evil': { [EVIL]: EVIL },
  '/api/none': { nothing: 'here' },
};

const test = base.extend<{ app: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  app: async ({}, use) => {
    const server = http.createServer((req, res) => {
      const body = BODIES[new URL(req.url!, 'http://x').pathname];
      res.writeHead(200, { 'content-type': body ? 'application/json' : 'text/html' });
      res.end(body ? JSON.stringify(body) : '<!doctype html><title>find app</title>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  },
});

/** A real key press in the panel frame (CDP input), with modifiers (2 = Ctrl, 8 = Shift). */
async function press(panel: CdpFrame, key: string, code: string, vk: number, modifiers = 0) {
  for (const type of ['rawKeyDown', 'keyUp'])
    await panel.send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: vk, modifiers });
}
const typeText = (panel: CdpFrame, text: string) => panel.send('Input.insertText', { text });

const found = `(() => {
  const n = document.querySelector('[data-testid=json-node][data-found=true]');
  const sel = document.querySelector('[data-testid=request-row][aria-selected=true] [data-testid=request-url]');
  if (!n || !sel) return null;
  const r = n.getBoundingClientRect();
  return { path: n.dataset.path, text: n.textContent, url: sel.title, inView: r.top >= 0 && r.bottom <= innerHeight };
})()`;
type Found = { path: string; text: string; url: string; inView: boolean };

test('Ctrl+F finds text and /regex/ in every body, lists hits by request, jumps into the JSON tree', async ({
  h,
  app,
}) => {
  const panel = await h.openPanel();
  await h.page.goto(`${app}/`);
  for (const p of Object.keys(BODIES)) await h.page.evaluate((u) => fetch(u).then((r) => r.text()), p);
  await panel.waitFor(`document.querySelectorAll('[data-testid=request-row]').length >= 5`);

  // Ctrl+F from the list opens the box with focus in it.
  await panel.eval(`document.querySelector('[data-testid=request-list]').focus()`);
  await press(panel, 'f', 'KeyF', 70, 2);
  await panel.waitFor(`document.activeElement?.dataset.testid === 'find-input'`);
  await typeText(panel, 'needle');
  // The search runs after a pause in typing.
  await panel.waitFor(`(${$.text('find-count')}) === '4 hits in 3 requests'`);
  // The focus stayed in the box (DevTools did not take Ctrl+F for its own search).
  expect(await panel.eval(`document.activeElement?.dataset.testid`)).toBe('find-input');
  const listed = await panel.eval<{ requests: string[]; hits: string[] }>(`({
    requests: [...document.querySelectorAll('[data-testid=find-request]')].map((r) => new URL(r.title).pathname),
    hits: [...document.querySelectorAll('[data-testid=find-hit]')].map((b) => b.dataset.path),
  })`);
  expect(listed).toEqual({
    requests: ['/api/users', '/api/big', '/api/evil'],
    hits: ['data.1.name', 'rows.4321.tag', EVIL, EVIL], // the evil key, then its value
  });
  // The hostile key and value are shown as text: no element made, no script run.
  expect(await panel.eval(`document.querySelectorAll('[data-testid=find-results] img').length`)).toBe(0);

  // Enter: the first hit, in its request's Response tab.
  await press(panel, 'Enter', 'Enter', 13);
  let f = await panel.waitFor<Found>(found);
  expect(f).toMatchObject({ path: 'data.1.name', text: 'name: "Grace Needle"', url: `${app}/api/users` });
  expect(await panel.eval($.text('find-count'))).toBe('1 / 4 hits in 3 requests');
  expect(await panel.eval(`document.activeElement?.dataset.testid`)).toBe('find-input');
  // Enter again: inside a 5 000-item array, its ranges opened on the way, scrolled into view.
  await press(panel, 'Enter', 'Enter', 13);
  f = await panel.waitFor<Found>(
    `(() => { const f = ${found}; return f && f.path === 'rows.4321.tag' && f; })()`,
  );
  expect(f).toMatchObject({ text: 'tag: "needle-4321"', url: `${app}/api/big`, inView: true });
  await h.screenshotDevtools(test.info().outputPath('find-big.png'));
  await press(panel, 'Enter', 'Enter', 13);
  f = await panel.waitFor<Found>(
    `(() => { const f = ${found}; return f && f.url.endsWith('/api/evil') && f; })()`,
  );
  expect(f.text).toBe(`${EVIL}: ${JSON.stringify(EVIL)}`);
  expect(await panel.eval(`window.__pwned ?? null`)).toBe(null);
  expect(await panel.eval(`document.querySelectorAll('[data-testid=json-tree] img').length`)).toBe(0);
  // Shift+Enter goes back; from the first, it wraps to the last.
  await press(panel, 'Enter', 'Enter', 13, 8);
  await panel.waitFor(`(() => { const f = ${found}; return f && f.path === 'rows.4321.tag'; })()`);

  // A regex; a bad one says why; a click on a listed hit jumps there.
  await panel.eval(`document.querySelector('[data-testid=find-input]').select()`);
  await typeText(panel, '/^Ad[a-z]$/');
  await panel.waitFor(`(${$.text('find-count')}) === '1 hit in 1 request'`);
  await panel.eval(`document.querySelector('[data-testid=find-input]').select()`);
  await typeText(panel, '/(/');
  await panel.waitFor(`(${$.text('find-count')})?.startsWith('Invalid regular expression')`);
  expect(
    await panel.eval(`document.querySelector('[data-testid=find-input]').getAttribute('aria-invalid')`),
  ).toBe('true');
  await panel.eval(`document.querySelector('[data-testid=find-input]').select()`);
  await typeText(panel, 'ada');
  await panel.waitFor(`(${$.text('find-count')}) === '1 hit in 1 request'`);
  await panel.eval(`document.querySelector('[data-testid=find-hit]').click()`);
  f = await panel.waitFor<Found>(
    `(() => { const f = ${found}; return f && f.path === 'data.0.name' && f; })()`,
  );
  expect(f.url).toBe(`${app}/api/users`);

  // Esc closes the box, the detail stays.
  await panel.eval(`document.querySelector('[data-testid=find-input]').focus()`);
  await press(panel, 'Escape', 'Escape', 27);
  await panel.waitFor(`!${$.exists('find-bar')}`);
  expect(await panel.eval($.exists('request-detail'))).toBe(true);
});
