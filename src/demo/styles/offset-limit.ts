/**
 * Plain offset/limit with the page described in the body — `{items, offset, limit, total}` — the shape
 * of many in-house APIs (and e.g. Spotify's Web API paging object, https://developer.spotify.com/documentation/web-api/concepts/api-calls#pagination,
 * minus its next/previous URLs). limit defaults to 25 and is capped at 100; bad numbers are a 400.
 */
import { dataset } from '../data.ts';
import { json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { readInt } from '../params.ts';

const ITEMS = 146;

function items(req: DemoRequest): DemoResponse {
  const offset = readInt(req.query, 'offset', 0, 0);
  if (!offset.ok)
    return json(
      { error: 'invalid_parameter', message: 'offset must be a non-negative integer', parameter: 'offset' },
      400,
    );
  const l = readInt(req.query, 'limit', 25, 1);
  if (!l.ok && l.reason !== 'too-large')
    return json(
      { error: 'invalid_parameter', message: 'limit must be a positive integer', parameter: 'limit' },
      400,
    );
  const limit = l.ok ? Math.min(l.value, 100) : 100;
  const list = dataset('offset-items', ITEMS, 1)
    .slice(offset.value, offset.value + limit)
    .map(({ id, name, created_at, amount }) => ({ id, name, created_at, amount }));
  return json({ items: list, offset: offset.value, limit, total: ITEMS });
}

export const offsetLimit: DemoApi = {
  styles: [
    {
      style: 'offset-limit',
      title: 'Offset/limit in the body — {items, offset, limit, total}',
      firstPage: '/api/items?offset=0&limit=25',
      totalRecords: ITEMS,
      pageSize: 25,
      kind: 'offset',
      idField: 'id',
      doc: 'https://developer.spotify.com/documentation/web-api/concepts/api-calls#pagination (offset/limit/total paging object)',
    },
  ],
  routes: [{ path: '/api/items', handle: items }],
};
