/**
 * Cursor traps: chains whose pages are short mid-chain, or whose cursor lives where a page number
 * would not.
 * - vend2-ragged: Vend API 2.0 (seed 001) as its docs describe it: each page holds "0 to n"
 *   resources, the endpoint's own cap (20) is below the asked `page_size` (50), deleted objects
 *   leave holes (pages of 1..20), and only an empty collection ends the list. 216 live records.
 * - relay-get: a REST endpoint speaking Relay over GET: `?first=25` answers
 *   `data.items.pageInfo{hasNextPage,endCursor}`, the next page is `&after=<endCursor>`.
 * - graphql-post: GraphQL over POST, `{operationName, query, variables, extensions}` written with
 *   the client's own spacing; the server answers only bodies whose text, apart from
 *   `variables.after`, is exactly the client's (as a signed or cache-keyed body would), so a crawler
 *   must write the cursor into `variables` without re-serialising the rest.
 */
import { dataset, hash32, uuidFor } from '../data.ts';
import { json, type DemoRequest, type DemoResponse, type Route } from '../http.ts';
import { b64, clampInt, unb64 } from '../params.ts';
import type { TrapEntry } from './shared.ts';

const RAGGED_TOTAL = 216;
/** The endpoint's own cap on a page, whatever `page_size` asks. */
export const RAGGED_CAP = 20;
const RELAY_GET_TOTAL = 110;
const GRAPHQL_TOTAL = 130;

/** Versions 1..V of the collection; about 3 in 10 deleted (holes), never a whole page's worth in a row. */
const versions: { version: number; live: boolean }[] = [];
for (let v = 1, live = 0, run = 0; live < RAGGED_TOTAL; v++) {
  const deleted = hash32(`vend2-ragged-${v}`) % 10 < 3 && run < RAGGED_CAP - 1;
  run = deleted ? run + 1 : 0;
  if (!deleted) live++;
  versions.push({ version: v, live: !deleted });
}
const products = versions
  .filter((x) => x.live)
  .map((x, i) => ({ id: uuidFor('vend2-ragged', i + 1), name: `Product ${i + 1}`, version: x.version }));

function ragged(req: DemoRequest): DemoResponse {
  const after = clampInt(req.query, 'after', 0, 0, Number.MAX_SAFE_INTEGER);
  clampInt(req.query, 'page_size', 50, 1, 10_000);
  // The next RAGGED_CAP versions after `after`; deleted ones are left out (the holes).
  const window = new Set(
    versions
      .filter((x) => x.version > after)
      .slice(0, RAGGED_CAP)
      .map((x) => x.version),
  );
  const data = products.filter((p) => window.has(p.version));
  if (!data.length) return json({ data: [], version: null });
  return json({ data, version: { min: data[0].version, max: data[data.length - 1].version } });
}

const relayRows = dataset('trap-relay-get', RELAY_GET_TOTAL).map(({ id, name }) => ({ id, name }));
const cursorFor = (n: number) => b64(`items:${n}`);
const cursorAt = (c: string | null | undefined): number | undefined => {
  if (c == null) return 0;
  const m = /^items:(\d+)$/.exec(unb64(c) ?? '');
  return m ? Number(m[1]) : undefined;
};

function connection(rows: { id: number; name: string }[], start: number, first: number, edges: boolean) {
  const slice = rows.slice(start, start + first);
  const endCursor = slice.length ? cursorFor(start + slice.length) : null;
  const pageInfo = { hasNextPage: start + first < rows.length, endCursor };
  return edges
    ? {
        totalCount: rows.length,
        pageInfo,
        edges: slice.map((node, i) => ({ cursor: cursorFor(start + i + 1), node })),
      }
    : { totalCount: rows.length, pageInfo, nodes: slice };
}

function relayGet(req: DemoRequest): DemoResponse {
  const first = clampInt(req.query, 'first', 25, 1, 100);
  const start = cursorAt(req.query.get('after'));
  if (start === undefined)
    return json({ errors: [{ message: `invalid cursor ${req.query.get('after')}` }] }, 400);
  return json({ data: { items: connection(relayRows, start, first, true) } });
}

const gqlRows = dataset('trap-graphql', GRAPHQL_TOTAL).map(({ id, name }) => ({ id, name }));
const GRAPHQL_QUERY =
  'query Items($first: Int!, $after: String) { items(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }';
/** The first page's body as a client wrote it: its own spacing and key order. */
export const GRAPHQL_BODY = `{
  "operationName": "Items",
  "query": ${JSON.stringify(GRAPHQL_QUERY)},
  "variables": { "first": 20 },
  "extensions": { "client" : "trap/1.0" }
}`;

/** The body with its `"after": …` member taken out of `variables` (where a crawler writes it). */
function withoutAfter(text: string): string {
  return text.replace(/,\s*"after"\s*:\s*("[^"]*"|null)|"after"\s*:\s*("[^"]*"|null)\s*,?\s*/, '');
}

function graphql(req: DemoRequest): DemoResponse {
  let body: { variables?: { first?: unknown; after?: unknown } };
  try {
    body = JSON.parse(req.body);
  } catch {
    return json({ errors: [{ message: 'Problems parsing JSON' }] }, 400);
  }
  if (withoutAfter(req.body) !== GRAPHQL_BODY)
    return json({ errors: [{ message: 'body does not match the signed request (it was rewritten)' }] }, 400);
  const vars = body.variables ?? {};
  const first = typeof vars.first === 'number' ? vars.first : 20;
  const start = cursorAt(typeof vars.after === 'string' ? vars.after : null);
  if (start === undefined) return json({ errors: [{ message: 'invalid cursor' }] });
  return json({ data: { items: connection(gqlRows, start, first, false) } });
}

export const cursorTraps: TrapEntry[] = [
  {
    trap: 'vend2-ragged',
    title: 'Vend 2.0 after= cursor: cap 20 below page_size 50, holes from deletes, only an empty page ends',
    firstPage: '/traps/vend2/products?page_size=50',
    totalRecords: RAGGED_TOTAL,
    idField: 'id',
  },
  {
    trap: 'relay-get',
    title: 'Relay connection over GET: ?first=25, then &after=<endCursor>',
    firstPage: '/traps/relay/items?first=25',
    totalRecords: RELAY_GET_TOTAL,
    idField: 'id',
  },
  {
    trap: 'graphql-post',
    title: "GraphQL over POST: the cursor goes into variables.after, the rest of the body's text unchanged",
    firstPage: '/traps/graphql',
    totalRecords: GRAPHQL_TOTAL,
    idField: 'id',
    request: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: GRAPHQL_BODY },
  },
];

export const cursorRoutes: Route[] = [
  { path: '/traps/vend2/products', handle: ragged },
  { path: '/traps/relay/items', handle: relayGet },
  { method: 'POST', path: '/traps/graphql', handle: graphql },
];
