// Panel polish in real DevTools: the Response tab's JSON tree shows integers beyond 2^53 with their
// exact digits (as text) and is driven from the keyboard as a WAI-ARIA tree; the list/detail split
// has a splitter that drags, answers arrow keys and is remembered.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CdpFrame } from './devtools-harness.ts';
import { test as base, expect } from './fixtures.ts';
import { panelDom as $ } from './panel-helpers.ts';

/** Raw JSON text: JSON.stringify could not write these integers. */
const BIG_BODY = `{"data":[{"id":9007199254740993,"id_str":"9007199254740993","name":"<b>bold</b>","score":0.5},{"id":12}],"meta":{"total":18446744073709551616,"neg":-9007199254740993}}`;
/** 50 000 records: the tree must stay small however much of it exists. */
const HUGE_BODY = JSON.stringify({ rows: Array.from({ length: 50_000 }, (_, i) => ({ id: i, v: `r${i}` })) });

/** The inspected app: a page, and two JSON endpoints it fetches. */
const test = base.extend<{ app: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  app: async ({}, use) => {
    const server = http.createServer((req, res) => {
      const body = req.url === '/api/big' ? BIG_BODY : req.url === '/api/huge' ? HUGE_BODY : null;
      res.writeHead(200, { 'content-type': body ? 'application/json' : 'text/html' });
      res.end(body ?? '<!doctype html><title>polish app</title><p>app</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  },
});

const node = (path: string) => `document.querySelector('[data-testid=json-node][data-path="${path}"]')`;
/** data-path of the focused tree row, or null when focus is elsewhere. */
const focusedPath = `document.activeElement?.getAttribute('role') === 'treeitem' ? document.activeElement.dataset.path : null`;

/** A real key press (CDP input), delivered to the focused element of the panel frame. */
async function press(panel: CdpFrame, key: string, shift = false) {
  const codes: Record<string, [string, number]> = {
    ArrowUp: ['ArrowUp', 38],
    ArrowDown: ['ArrowDown', 40],
    ArrowLeft: ['ArrowLeft', 37],
    ArrowRight: ['ArrowRight', 39],
    Home: ['Home', 36],
    End: ['End', 35],
    Enter: ['Enter', 13],
  };
  const [code, vk] = codes[key];
  for (const type of ['rawKeyDown', 'keyUp']) {
    await panel.send('Input.dispatchKeyEvent', {
      type,
      key,
      code,
      windowsVirtualKeyCode: vk,
      modifiers: shift ? 8 : 0,
    });
  }
}

/** Opens the Response tab of the request whose URL contains `part`. */
async function openResponse(panel: CdpFrame, part: string) {
  await panel.waitFor(
    `[...document.querySelectorAll('[data-testid=request-url]')].some((u) => u.textContent.includes(${JSON.stringify(part)}))`,
  );
  await $.pickRow(panel, part);
  await panel.waitFor($.exists('request-detail'));
  await $.click(panel, 'detail-tab-response');
  await panel.waitFor(`!!${node('')}`);
}

test('integers beyond 2^53 show their exact digits in the Response tab, as text', async ({ h, app }) => {
  const panel = await h.openPanel();
  await h.page.goto(`${app}/`);
  await h.page.evaluate(() => fetch('/api/big').then((r) => r.text()));
  await openResponse(panel, '/api/big');
  for (const path of ['data', 'data.0', 'meta']) {
    await panel.waitFor(`!!${node(path)}`);
    await panel.eval(`${node(path)}.getAttribute('aria-expanded') === 'true' || ${node(path)}.click()`);
  }
  await panel.waitFor(`!!${node('data.0.id')} && !!${node('meta.total')}`);
  const value = (path: string) =>
    panel.eval<{ text: string; cls: string; exact: string | null }>(`(() => {
      const v = ${node(path)}.lastElementChild;
      return { text: v.textContent, cls: v.className, exact: v.dataset.exact ?? null };
    })()`);
  expect(await value('data.0.id')).toEqual({ text: '9007199254740993', cls: 'json-number', exact: 'true' });
  expect(await value('meta.total')).toEqual({
    text: '18446744073709551616',
    cls: 'json-number',
    exact: 'true',
  });
  expect(await value('meta.neg')).toEqual({ text: '-9007199254740993', cls: 'json-number', exact: 'true' });
  // A string of digits stays a (quoted) string; small numbers and floats are untouched.
  expect(await value('data.0.id_str')).toEqual({
    text: '"9007199254740993"',
    cls: 'json-string',
    exact: null,
  });
  expect(await value('data.0.score')).toEqual({ text: '0.5', cls: 'json-number', exact: null });
  // Text only: the markup in the body made no element.
  expect(await value('data.0.name')).toEqual({ text: '"<b>bold</b>"', cls: 'json-string', exact: null });
  expect(await panel.eval(`document.querySelectorAll('[data-testid=json-tree] b').length`)).toBe(0);
  await h.screenshotDevtools(test.info().outputPath('exact-integers.png'));
});

test('JSON tree keyboard: arrows move, open and close; one tab stop; ARIA tree roles', async ({ h, app }) => {
  const panel = await h.openPanel();
  await h.page.goto(`${app}/`);
  await h.page.evaluate(() => fetch('/api/big').then((r) => r.text()));
  await openResponse(panel, '/api/big');
  expect(
    await panel.eval(`(() => {
      const t = document.querySelector('[data-testid=json-tree]');
      const rows = [...t.querySelectorAll('[data-testid=json-node]')];
      return { role: t.getAttribute('role'), items: rows.every((r) => r.getAttribute('role') === 'treeitem'),
        stops: rows.filter((r) => r.tabIndex === 0).map((r) => r.dataset.path),
        root: [${node('')}.getAttribute('aria-level'), ${node('')}.getAttribute('aria-expanded')],
        data: [${node('data')}.getAttribute('aria-level'), ${node('data')}.getAttribute('aria-posinset'), ${node('data')}.getAttribute('aria-setsize'), ${node('data')}.getAttribute('aria-expanded')] };
    })()`),
  ).toEqual({
    role: 'tree',
    items: true,
    stops: [''],
    root: ['1', 'true'],
    data: ['2', '1', '2', 'false'],
  });

  await panel.eval(`${node('')}.focus()`);
  const expectFocus = (path: string | null) => expect.poll(() => panel.eval(focusedPath)).toBe(path);
  await press(panel, 'ArrowDown');
  await expectFocus('data');
  await press(panel, 'ArrowRight'); // opens data, focus stays
  await panel.waitFor(`${node('data')}.getAttribute('aria-expanded') === 'true'`);
  await expectFocus('data');
  await press(panel, 'ArrowRight'); // to the first child
  await expectFocus('data.0');
  await press(panel, 'ArrowRight');
  await press(panel, 'ArrowRight');
  await expectFocus('data.0.id');
  expect(await panel.eval(`document.activeElement.textContent`)).toBe('id: 9007199254740993');
  await press(panel, 'ArrowDown');
  await expectFocus('data.0.id_str');
  await press(panel, 'ArrowLeft'); // a leaf: to its parent
  await expectFocus('data.0');
  await press(panel, 'ArrowLeft'); // open: closes
  await panel.waitFor(`${node('data.0')}.getAttribute('aria-expanded') === 'false'`);
  expect(await panel.eval(`!!${node('data.0.id')}`)).toBe(false);
  await press(panel, 'ArrowDown'); // past the closed node's children
  await expectFocus('data.1');
  await press(panel, 'End');
  await expectFocus('meta');
  await press(panel, 'Enter');
  await panel.waitFor(`${node('meta')}.getAttribute('aria-expanded') === 'true'`);
  await press(panel, 'ArrowUp');
  await expectFocus('data.1');
  await press(panel, 'Home');
  await expectFocus('');
  await press(panel, 'ArrowUp');
  await expectFocus('');

  // Roving tabindex: one tab stop, the focused row; it stays there when focus leaves and returns.
  await press(panel, 'ArrowDown');
  await expectFocus('data');
  await panel.eval(`document.querySelector('[data-testid=request-list]').focus()`);
  expect(
    await panel.eval(
      `[...document.querySelectorAll('[data-testid=json-node]')].filter((r) => r.tabIndex === 0).map((r) => r.dataset.path)`,
    ),
  ).toEqual(['data']);
  // A click focuses the row it opens.
  await panel.eval(`${node('data.0')}.click()`);
  await expectFocus('data.0');
  await panel.waitFor(`${node('data.0')}.getAttribute('aria-expanded') === 'true'`);
  await h.screenshotDevtools(test.info().outputPath('tree-keyboard.png'));
});

test('a 50 000-record body: the tree shows ranges, no level over 100 rows, and is driven by keys', async ({
  h,
  app,
}) => {
  const panel = await h.openPanel();
  await h.page.goto(`${app}/`);
  await h.page.evaluate(() => fetch('/api/huge').then((r) => r.text()));
  await openResponse(panel, '/api/huge');
  const domRows = () => panel.eval<number>(`document.querySelectorAll('[data-testid=json-node]').length`);
  expect(await domRows()).toBe(2); // root and rows
  await panel.eval(`${node('')}.focus()`);
  await press(panel, 'ArrowDown');
  await press(panel, 'ArrowRight'); // opens rows: 5 ranges of 10 000
  await press(panel, 'ArrowRight'); // to [0 … 9999]
  await press(panel, 'ArrowRight'); // opens it: 100 ranges of 100 (no level has more than 100)
  await panel.waitFor(`document.activeElement?.getAttribute('aria-expanded') === 'true'`);
  expect(await panel.eval(`document.activeElement.textContent`)).toBe('▾[0 … 9999]');
  expect(await domRows()).toBe(2 + 5 + 100);
  await press(panel, 'End');
  await expect.poll(() => panel.eval(`document.activeElement?.textContent`)).toBe('▸[40000 … 49999]');
});

/** The splitter's state and what the user sees: its value and the list's and detail's widths. */
const split = `(() => {
  const s = document.querySelector('[data-testid=split-handle]');
  const list = document.querySelector('#' + s.getAttribute('aria-controls'));
  const detail = document.querySelector('[data-testid=request-detail]');
  return { now: +s.getAttribute('aria-valuenow'), min: +s.getAttribute('aria-valuemin'),
    max: +s.getAttribute('aria-valuemax'), list: Math.round(list.getBoundingClientRect().width),
    detail: Math.round(detail.getBoundingClientRect().width), role: s.getAttribute('role'),
    stored: localStorage.getItem('pagescope.listWidth') };
})()`;
type Split = { now: number; min: number; max: number; list: number; detail: number; stored: string | null };

test('the list/detail splitter drags, answers arrow keys, keeps minimums and is remembered', async ({
  h,
  app,
}) => {
  const panel = await h.openPanel();
  await h.page.goto(`${app}/`);
  await h.page.evaluate(() => fetch('/api/big').then((r) => r.text()));
  await openResponse(panel, '/api/big');
  await panel.waitFor($.exists('split-handle'));
  const start = await panel.eval<Split>(split);
  expect(start).toMatchObject({ role: 'separator', min: 200, list: start.now, stored: null });
  expect(start.max).toBeGreaterThan(260);

  // Keyboard on the focused splitter (DevTools docked beside the page leaves the panel ~550 px).
  await panel.eval(`document.querySelector('[data-testid=split-handle]').focus()`);
  await press(panel, 'Home');
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: 200, list: 200, stored: '200' });
  await press(panel, 'ArrowRight');
  await press(panel, 'ArrowRight');
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: 220, list: 220 });
  await press(panel, 'ArrowLeft', true); // Shift: 50 px, but not below the minimum
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: 200, list: 200 });
  await press(panel, 'ArrowRight', true);
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: 250, list: 250, stored: '250' });
  await press(panel, 'End');
  const end = await panel.eval<Split>(split);
  expect(end).toMatchObject({ now: end.max, list: end.max });
  expect(end.detail).toBe(280);

  // A pointer drag: press on the splitter, move, release (real CDP mouse input in the panel frame).
  await press(panel, 'Home');
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: 200 });
  const at = await panel.eval<{ x: number; y: number }>(`(() => {
    const r = document.querySelector('[data-testid=split-handle]').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`);
  const mouse = (type: string, x: number, buttons: number) =>
    panel.send('Input.dispatchMouseEvent', { type, x, y: at.y, button: 'left', buttons, clickCount: 1 });
  await mouse('mousePressed', at.x, 1);
  for (const dx of [20, 40, 60]) await mouse('mouseMoved', at.x + dx, 1);
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: 260, list: 260, stored: '200' });
  await mouse('mouseMoved', at.x + 2000, 1); // past the detail's minimum: stops there
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: end.max, detail: 280 });
  await mouse('mouseMoved', at.x + 40, 1);
  await mouse('mouseReleased', at.x + 40, 0);
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: 240, list: 240, stored: '240' });
  await h.screenshotDevtools(test.info().outputPath('splitter.png'));

  // Remembered: closing and reopening the detail, and reloading the panel, keep the width.
  await panel.eval(`document.querySelector('[data-testid=request-list]').focus()`);
  await $.key(panel, 'Escape');
  await panel.waitFor(`!${$.exists('split-handle')}`);
  await $.pickRow(panel, '/api/big');
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: 240, list: 240 });
  await panel.eval(`location.reload()`);
  await panel.waitFor(`document.body?.dataset.ready === '1'`);
  await openResponse(panel, '/api/big');
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: 240, list: 240 });

  // Double-click: back to the default width, forgotten.
  await panel.eval(
    `document.querySelector('[data-testid=split-handle]').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }))`,
  );
  await expect.poll(() => panel.eval<Split>(split)).toMatchObject({ now: start.now, stored: null });
});
