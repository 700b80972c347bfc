/**
 * PostgREST (https://docs.postgrest.org/en/latest/references/api/pagination_count.html): root array,
 * `limit`/`offset` query parameters or a `Range: 0-24` header, and a `Content-Range: 0-24/*` header on
 * every response. With `Prefer: count=exact` the total replaces `*` and a partial result is 206.
 * An offset past the end with a known count is 416 (PGRST103). db-max-rows is set to 1000 here.
 */
import { dataset } from '../data.ts';
import { header, json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { readInt } from '../params.ts';

const TODOS = 237;
const PATH = '/rest/v1/todos';
const MAX_ROWS = 1000;

const pgError = (status: number, code: string, message: string, details: string | null = null) =>
  json({ code, details, hint: null, message }, status);

function todos(req: DemoRequest): DemoResponse {
  const offset = readInt(req.query, 'offset', 0, 0);
  if (!offset.ok) return pgError(400, 'PGRST100', `"failed to parse offset parameter (${offset.raw})"`);
  const limit = readInt(req.query, 'limit', MAX_ROWS, 0);
  if (!limit.ok) return pgError(400, 'PGRST100', `"failed to parse limit parameter (${limit.raw})"`);
  let from = offset.value;
  let count = Math.min(limit.value, MAX_ROWS);
  const range = /^(\d+)-(\d*)$/.exec(header(req, 'range') ?? '');
  if (range && !req.query.has('offset') && !req.query.has('limit')) {
    from = Number(range[1]);
    count = range[2] ? Math.min(Number(range[2]) - from + 1, MAX_ROWS) : MAX_ROWS;
    if (count < 1) return pgError(416, 'PGRST103', 'Requested range not satisfiable');
  }
  const exact = /count=(exact|planned|estimated)/.test(header(req, 'prefer') ?? '');
  if (exact && from > 0 && from >= TODOS) {
    return {
      ...pgError(
        416,
        'PGRST103',
        'Requested range not satisfiable',
        `An offset of ${from} was requested, but there are only ${TODOS} rows.`,
      ),
      headers: { 'Content-Range': `*/${TODOS}` },
    };
  }
  const rows = dataset('postgrest-todos', TODOS, 1)
    .slice(from, from + count)
    .map((r) => ({
      id: r.id,
      task: r.name,
      done: r.seq % 3 === 0,
      inserted_at: r.created_at,
      priority: 1 + (r.id % 5),
    }));
  const total = exact ? String(TODOS) : '*';
  const contentRange = rows.length ? `${from}-${from + rows.length - 1}/${total}` : `*/${total}`;
  const partial = exact && rows.length < TODOS;
  return json(rows, partial ? 206 : 200, { 'Content-Range': contentRange, 'Range-Unit': 'items' });
}

export const postgrest: DemoApi = {
  styles: [
    {
      style: 'postgrest',
      title: 'PostgREST — limit/offset or Range, Content-Range 0-24/237, 206 when partial',
      firstPage: `${PATH}?limit=25&offset=0`,
      totalRecords: TODOS,
      pageSize: 25,
      kind: 'offset',
      idField: 'id',
      doc: 'https://docs.postgrest.org/en/latest/references/api/pagination_count.html',
      request: { method: 'GET', headers: { Prefer: 'count=exact' } },
    },
  ],
  routes: [{ path: PATH, handle: todos }],
};
