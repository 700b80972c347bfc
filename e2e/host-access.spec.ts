// The crawl route: requests are made from the panel page itself. The e2e build lists
// http://127.0.0.1/* in host_permissions, so a panel fetch reaches an API that sends no CORS
// headers at all; the store build asks for hosts only at run time.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test, expect, EXTENSION_DIR } from './fixtures.ts';

test('the panel fetches a 127.0.0.1 API without CORS headers and reads every header', async ({ h }) => {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '42' }); // no Access-Control-*
    res.end('[{"id":1}]');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/items?page=1`;
    const panel = await h.openPanel();
    const got = await panel.eval<{
      granted: boolean;
      status: number;
      total: string | null;
      body: unknown;
    }>(`(async () => {
      const granted = await chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] });
      const r = await fetch(${JSON.stringify(url)});
      return { granted, status: r.status, total: r.headers.get('x-total-count'), body: await r.json() };
    })()`);
    expect(got).toEqual({ granted: true, status: 200, total: '42', body: [{ id: 1 }] });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('the store build asks for hosts at run time and never lists <all_urls>', () => {
  const read = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  for (const target of ['chrome', 'firefox']) {
    const m = read(path.resolve(EXTENSION_DIR, '..', target));
    expect(m.manifest_version).toBe(3);
    expect(m.host_permissions).toBeUndefined();
    expect(m.permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(JSON.stringify(m)).not.toContain('<all_urls>');
  }
  expect(read(path.resolve(EXTENSION_DIR, '../firefox')).browser_specific_settings.gecko.id).toBeTruthy();
  expect(read(path.resolve(EXTENSION_DIR, '../chrome')).browser_specific_settings).toBeUndefined();
});
