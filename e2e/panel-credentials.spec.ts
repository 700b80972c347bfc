// Credentials never cross origins in the panel's crawl. Two local servers on different ports are
// two origins; the inspected app (on A) sends X-Api-Key, Authorization and its cookie. The crawl
// follows a same-origin redirect (trailing slash), a redirect to B and next links on B; B records
// every header line it receives and must see none of those bytes, while A keeps getting them.
import { test as base, expect } from './fixtures.ts';
import { byTestid, selectRequest, userClick, waitForCrawl } from './crawl-helpers.ts';
import { recs, startServer, type TestServer } from './panel-credentials-servers.ts';

const KEY = 'K3Y-abc123';
const TOKEN = 'T0K3N-xyz789';
const SID = 'S3SS10N-qwe456';

const test = base.extend<{ a: TestServer; b: TestServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  b: async ({}, use) => {
    const s = await startServer();
    await use(s);
    await s.close();
  },
  a: async ({ b }, use) => {
    const s = await startServer(`sid=${SID}; Path=/`);
    await use(s);
    await s.close();
    void b;
  },
});

const secretBytes = (raw: string) => [KEY, TOKEN, SID].filter((v) => raw.includes(v));

test('redirects and next links to another origin carry no X-Api-Key, Authorization or Cookie; the same origin keeps them', async ({
  h,
  a,
  b,
}) => {
  test.setTimeout(90_000);
  // A p1 -> (link) A p2, which redirects to A p2/ (same origin) -> (link) A p3, which redirects
  // to B p3 (another origin) -> (link) B p4 -> (link, from B) back to A p5, the last.
  a.routes.set('/api/items?page=1', { records: recs(1), next: `${a.origin}/api/items?page=2` });
  a.routes.set('/api/items?page=2', { redirect: '/api/items/?page=2' });
  a.routes.set('/api/items/?page=2', { records: recs(3), next: `${a.origin}/api/items?page=3` });
  a.routes.set('/api/items?page=3', { redirect: `${b.origin}/api/items?page=3` });
  b.routes.set('/api/items?page=3', { records: recs(5), next: `${b.origin}/api/items?page=4` });
  b.routes.set('/api/items?page=4', { records: recs(7), next: `${a.origin}/api/items?page=5` });
  a.routes.set('/api/items?page=5', { records: recs(9) });

  const panel = await h.openPanel();
  await h.page.goto(`${a.origin}/`);
  await h.page.evaluate(
    ([key, token]) =>
      fetch('/api/items?page=1', { headers: { 'X-Api-Key': key, Authorization: `Bearer ${token}` } }).then(
        (r) => r.text(),
      ),
    [KEY, TOKEN],
  );
  await selectRequest(panel, `${a.origin}/api/items?page=1`);
  await userClick(panel, byTestid('crawl-start'));
  const end = await waitForCrawl(panel, 'done');
  expect(end).toMatchObject({ pages: 5, records: 10, duplicates: 0 });

  // B: every request it saw, none with a credential byte.
  expect(b.seen.map((s) => s.url)).toEqual(['/api/items?page=3', '/api/items?page=4']);
  for (const s of b.seen) expect(secretBytes(s.raw), `${s.url}\n${s.raw}`).toEqual([]);
  // A: the page's own request and the crawl's, each with the key, the token and the cookie, the
  // same-origin redirect target included; page 3's hop to B was asked without them, and page 5
  // (back on A by a link from B) goes with them again.
  const atA = (url: string) => a.seen.filter((s) => s.url === url);
  for (const url of ['/api/items?page=2', '/api/items/?page=2', '/api/items?page=5'])
    expect(
      atA(url).some((s) => secretBytes(s.raw).length === 3),
      `${url}: ${atA(url)
        .map((s) => s.raw)
        .join(' | ')}`,
    ).toBe(true);
  const hopsToB = atA('/api/items?page=3');
  expect(hopsToB.length).toBeGreaterThan(0);
  expect(hopsToB.some((s) => secretBytes(s.raw).length === 0)).toBe(true);
});

test('Export HAR (sanitised) is the default and holds no credential value; the raw export is a separate choice', async ({
  h,
  a,
}) => {
  a.routes.set('/api/items?page=1', { records: recs(1) });
  const panel = await h.openPanel();
  await h.page.goto(`${a.origin}/`);
  await h.page.evaluate(
    ([key, token]) =>
      fetch('/api/items?page=1', { headers: { 'X-Api-Key': key, Authorization: `Bearer ${token}` } }).then(
        (r) => r.text(),
      ),
    [KEY, TOKEN],
  );
  await panel.waitFor(
    `[...document.querySelectorAll('[data-testid=request-url]')].some((u) => u.title === ${JSON.stringify(`${a.origin}/api/items?page=1`)})`,
  );
  expect(await panel.eval(`${byTestid('har-export')}.textContent`)).toBe('Export HAR (sanitised)');
  const sanitised = h.waitForDownload();
  await userClick(panel, byTestid('har-export'));
  const text = (await sanitised).text();
  const entry = JSON.parse(text).log.entries.find(
    (e: { request: { url: string } }) => e.request.url === `${a.origin}/api/items?page=1`,
  );
  expect(secretBytes(text)).toEqual([]);
  const names = (entry.request.headers as { name: string; value: string }[])
    .filter((x) => /^(x-api-key|authorization|cookie)$/i.test(x.name))
    .map((x) => `${x.name.toLowerCase()}: ${x.value}`)
    .sort();
  expect(names).toEqual(['authorization: [redacted]', 'cookie: [redacted]', 'x-api-key: [redacted]']);

  const raw = h.waitForDownload();
  await userClick(panel, byTestid('har-export-raw'));
  const rawFile = await raw;
  expect(rawFile.suggestedFilename).toMatch(/raw-with-credentials\.har$/);
  expect(secretBytes(rawFile.text()).sort()).toEqual([KEY, SID, TOKEN].sort());
});
