/**
 * An in-house API no detector knows (issue 12): `GET /inhouse/events?limit=N`, records under `items`,
 * the next page's token at `meta.continuation`, sent back as `?from=<token>`; any other query
 * parameter is refused with 400, as strict in-house gateways do. Only a spec (override flags, a spec
 * file or the panel's Edit form) crawls it.
 */
import { dataset } from './data.ts';
import { json, type DemoRequest, type DemoResponse, type Route } from './http.ts';
import { b64, readInt, unb64 } from './params.ts';

export const INHOUSE_PATH = '/inhouse/events';
export const INHOUSE_TOTAL = 95;
const ALLOWED = new Set(['limit', 'from']);

function events(req: DemoRequest): DemoResponse {
  for (const name of req.query.keys())
    if (!ALLOWED.has(name))
      return json(
        { error: 'unknown_parameter', message: `unknown query parameter ${JSON.stringify(name)}` },
        400,
      );
  const limit = readInt(req.query, 'limit', 20, 1, 100);
  if (!limit.ok) return json({ error: 'bad_limit', message: 'limit is a whole number from 1 to 100' }, 400);
  let start = 0;
  const from = req.query.get('from');
  if (from !== null) {
    const m = /^ev:(\d+)$/.exec(unb64(from) ?? '');
    if (!m) return json({ error: 'bad_token', message: 'from is not a continuation token' }, 400);
    start = Number(m[1]);
  }
  const rows = dataset('inhouse-events', INHOUSE_TOTAL);
  const items = rows.slice(start, start + limit.value).map((r) => ({
    eventId: `evt-${r.id}`,
    kind: r.name.split(' ')[0].toLowerCase(),
    at: r.created_at,
  }));
  const end = start + items.length;
  return json({ items, meta: { continuation: end < INHOUSE_TOTAL ? b64(`ev:${end}`) : null } });
}

export const inhouseRoutes: Map<string, Route> = new Map([
  [INHOUSE_PATH, { path: INHOUSE_PATH, handle: events }],
]);
