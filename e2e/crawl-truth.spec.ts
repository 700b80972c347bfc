// Crawl truth in the real panel: the demo server's traps (src/demo/traps) are fetched by the page as
// an app would, the panel's one-click crawl harvests them, and the NDJSON download holds exactly
// every record once — the ragged Vend 2.0 cursor (short pages and holes mid-chain, only the empty
// page ends), the snapshot token carried by next links (a guessed ?page=N without it reads a
// shifted listing) and the GraphQL POST (the cursor goes into variables; the server refuses a
// rewritten body).
import { test, expect } from './fixtures.ts';
import { byTestid, exportNdjson, selectRequest, showView, userClick, waitForCrawl } from './crawl-helpers.ts';

type Trap = {
  trap: string;
  firstPage: string;
  totalRecords: number;
  idField: string;
  request?: { method: string; headers?: Record<string, string>; body?: string };
};

/** The button that confirms replaying a read-shaped POST. */
const CONFIRM = `document.querySelector('[data-testid=crawl-confirm], [data-testid=crawl-confirm-post]')`;

const TRAPS: Record<string, string> = {
  'vend2-ragged': 'vend-2',
  snapshot: 'laravel',
  'graphql-post': 'relay',
};

test('traps: ragged Vend 2.0, snapshot-token links and a GraphQL POST crawl to exactly every record', async ({
  h,
  demo,
}) => {
  test.setTimeout(120_000);
  const catalog = (await (await fetch(`${demo}/traps/catalog.json`)).json()) as Trap[];
  const panel = await h.openPanel();
  await h.page.goto(`${demo}/`);
  let lastId = -1;
  for (const [name, detected] of Object.entries(TRAPS)) {
    await test.step(name, async () => {
      const t = catalog.find((x) => x.trap === name)!;
      expect(t, `catalog lists ${name}`).toBeTruthy();
      await showView(panel, 'requests');
      // The page asks for the first page itself, as the user's app would.
      await h.page.evaluate(
        async ({ url, req }) => {
          const res = await fetch(
            url,
            req ? { method: req.method, headers: req.headers, body: req.body } : {},
          );
          await res.text();
        },
        { url: `${demo}${t.firstPage}`, req: t.request ?? null },
      );
      await selectRequest(panel, `${demo}${t.firstPage}`);
      expect(await panel.eval(`${byTestid('pagination-style')}.textContent`)).toBe(detected);
      await panel.waitFor(`!!${byTestid('crawl-start')} && !${byTestid('crawl-start')}.disabled`);
      await userClick(panel, byTestid('crawl-start'));
      if (t.request?.method === 'POST') {
        // A read-shaped POST (a GraphQL query) is replayed once the user confirms (issue 15 item 9).
        const phase = await panel.waitFor<string>(
          `(() => { const s = ${byTestid('crawl-status')}; return s && ['confirm', 'done', 'stopped'].includes(s.dataset.phase) && s.dataset.phase; })()`,
        );
        if (phase === 'confirm') await userClick(panel, CONFIRM);
      }
      const end = await waitForCrawl(panel, 'done', lastId).catch(async (e: Error) => {
        const shown = await panel.eval<string>(`${byTestid('crawl-status')}?.textContent ?? ''`);
        throw new Error(`${name}: ${e.message.slice(0, 80)}… the panel says: ${shown}`);
      });
      lastId = end.datasetId;
      expect(end, `${name}: ${end.text}`).toMatchObject({
        reason: 'done',
        records: t.totalRecords,
        duplicates: 0,
      });
      await showView(panel, 'datasets');
      const out = await exportNdjson(h, panel, end.datasetId);
      const ids = out.records.map((r) => r[t.idField]);
      expect(ids.every((id) => id !== undefined && id !== null)).toBe(true);
      expect(new Set(ids).size).toBe(t.totalRecords);
      expect(out.records.length).toBe(t.totalRecords);
      // Before: the captured POST crawled page 2 and stopped ("no next link").
      if (name === 'graphql-post') expect(end.pages).toBe(7);
      if (name === 'snapshot')
        expect(
          ids.every((id) => Number(id) < 100_000),
          'no record of the shifted live listing',
        ).toBe(true);
    });
  }
});
