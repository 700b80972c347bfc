// What the panel's crawl replays, and what it keeps: a captured DELETE is never sent again; a
// GraphQL query POST is crawled only after the user confirms it; credential values never reach
// IndexedDB, and a resume after DevTools was closed asks for them instead of crawling without them.
import { test as base, expect } from './fixtures.ts';
import {
  byTestid,
  clickInRow,
  datasetRow,
  selectRequest,
  showView,
  userClick,
  waitForCrawl,
} from './crawl-helpers.ts';
import { panelDom as $ } from './panel-helpers.ts';
import { recs, startServer, type TestServer } from './panel-credentials-servers.ts';

const test = base.extend<{ api: TestServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  api: async ({}, use) => {
    const s = await startServer();
    await use(s);
    await s.close();
  },
});

const status = `(() => { const s = ${byTestid('crawl-status')}; return s && { phase: s.dataset.phase, problem: s.dataset.problem, text: s.textContent }; })()`;
const phaseIs = (phase: string) =>
  `(() => { const s = ${status}; return s?.phase === ${JSON.stringify(phase)} && s; })()`;

test('a captured DELETE is never replayed, and the panel says why; a GraphQL query POST crawls once confirmed', async ({
  h,
  api,
}) => {
  test.setTimeout(90_000);
  api.routes.set('/api/bulk?page=1', { records: recs(1), next: `${api.origin}/api/bulk?page=2` });
  api.routes.set('/api/bulk?page=2', { records: recs(3) });
  api.routes.set('/graphql', (body) => {
    const after = (JSON.parse(body) as { variables?: { after?: string | null } }).variables?.after ?? null;
    const ids = after === null ? [1, 2] : [3, 4];
    return {
      json: {
        data: {
          items: {
            edges: ids.map((id) => ({ node: { id } })),
            pageInfo: { hasNextPage: after === null, endCursor: after === null ? 'c2' : 'c4' },
          },
        },
      },
    };
  });
  const panel = await h.openPanel();
  await h.page.goto(`${api.origin}/`);
  await h.page.evaluate(() =>
    fetch('/api/bulk?page=1', { method: 'DELETE', body: '{"ids":"all"}' }).then((r) => r.text()),
  );
  await selectRequest(panel, `${api.origin}/api/bulk?page=1`);
  await userClick(panel, byTestid('crawl-start'));
  const refused = await panel.waitFor<{ problem: string; text: string }>(phaseIs('stopped'));
  expect(refused.problem).toBe('replay-refused');
  expect(refused.text).toContain('DELETE is not crawled');
  expect(refused.text).toContain('change data on the server');

  const query =
    'query Items($after: String) { items(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';
  await h.page.evaluate(
    (q) =>
      fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q, variables: { after: null } }),
      }).then((r) => r.text()),
    query,
  );
  await selectRequest(panel, `${api.origin}/graphql`);
  await userClick(panel, byTestid('crawl-start'));
  const asked = await panel.waitFor<{ text: string }>(phaseIs('confirm'));
  expect(asked.text).toContain('GraphQL query');
  expect(api.seen.filter((s) => s.url === '/graphql')).toHaveLength(1); // nothing sent before the yes
  await userClick(panel, byTestid('crawl-confirm'));
  const end = await waitForCrawl(panel, 'done');
  expect(end).toMatchObject({ pages: 2, records: 4 });
  const posts = api.seen.filter((s) => s.url === '/graphql');
  expect(posts.map((s) => [s.method, JSON.parse(s.body).variables.after])).toEqual([
    ['POST', null],
    ['POST', 'c2'],
  ]);
  // The DELETE went once, from the page; the crawl never sent one.
  expect(api.seen.filter((s) => s.method === 'DELETE')).toHaveLength(1);
});

const KEY = 'K3Y-at-rest-4711';

/** Every value of every object store of every IndexedDB database of the panel, as text. */
const everythingStored = `(async () => {
  const out = [];
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((res, rej) => { const r = indexedDB.open(name); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    for (const store of db.objectStoreNames) {
      const all = await new Promise((res, rej) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      out.push(store + ':' + JSON.stringify(all));
    }
    db.close();
  }
  return out.join('\\n');
})()`;

test('credential values stay out of IndexedDB; a resume after DevTools was closed asks for them', async ({
  h,
  api,
}) => {
  test.setTimeout(120_000); // two DevTools boots
  for (let p = 1; p <= 6; p++)
    api.routes.set(`/api/items?page=${p}`, {
      records: recs(2 * p - 1),
      ...(p < 6 ? { next: `${api.origin}/api/items?page=${p + 1}` } : {}),
    });
  const panel = await h.openPanel();
  await h.page.goto(`${api.origin}/`);
  await h.page.evaluate(
    (key) => fetch('/api/items?page=1', { headers: { 'X-Api-Key': key } }).then((r) => r.text()),
    KEY,
  );
  await selectRequest(panel, `${api.origin}/api/items?page=1`);
  await $.type(panel, 'crawl-delay', '700');
  await userClick(panel, byTestid('crawl-start'));
  await panel.waitFor(
    `${byTestid('crawl-status')}?.dataset.phase === 'running' && Number(${byTestid('crawl-progress')}?.dataset.pages) >= 2`,
  );
  await userClick(panel, byTestid('crawl-pause'));
  const paused = await waitForCrawl(panel, 'paused');
  const stored = await panel.eval<string>(everythingStored);
  expect(stored).toContain('X-Api-Key'); // the name is kept, so a resume knows what to ask for
  expect(stored).not.toContain(KEY);

  await h.closeDevtools();
  const reopened = await h.openPanel();
  await showView(reopened, 'datasets');
  await datasetRow(reopened, paused.datasetId);
  const sentBefore = api.seen.length; // a page in flight at the pause may have landed after it
  await clickInRow(reopened, paused.datasetId, 'dataset-resume');
  const ask = await reopened.waitFor<{ text: string }>(phaseIs('secrets'));
  expect(ask.text).toContain('X-Api-Key');
  expect(await reopened.eval(`${byTestid('crawl-secret-input')}.dataset.name`)).toBe('X-Api-Key');
  expect(api.seen.length).toBe(sentBefore); // nothing crawled without the key
  await $.type(reopened, 'crawl-secret-input', KEY);
  await userClick(reopened, byTestid('crawl-secrets-resume'));
  const end = await waitForCrawl(reopened, 'done', undefined, 60_000);
  expect(end).toMatchObject({ datasetId: paused.datasetId, records: 12, duplicates: 0 });
  const resumed = api.seen.slice(sentBefore);
  expect(resumed.length).toBeGreaterThan(0);
  for (const s of resumed) expect(s.raw, s.url).toContain(KEY);
  expect(await reopened.eval<string>(everythingStored)).not.toContain(KEY);
});
