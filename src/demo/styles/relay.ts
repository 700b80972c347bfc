/**
 * Relay cursor connections as GitHub's GraphQL API serves them
 * (https://docs.github.com/en/graphql/guides/using-pagination-in-the-graphql-api, https://relay.dev/graphql/connections.htm):
 * POST /graphql with `{query, variables:{first, after}}` (GET with `query` and JSON `variables` also works),
 * answer `data.repository.issues{totalCount, pageInfo{hasNextPage,endCursor,…}, edges[{cursor,node}]}`.
 * Not a GraphQL engine: it reads first/after from the variables or the query text and always returns
 * every field. Like GitHub, pagination mistakes are GraphQL errors (HTTP 200), malformed JSON is a 400.
 */
import { dataset } from '../data.ts';
import { json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { b64, unb64 } from '../params.ts';

const ISSUES = 189;
export const RELAY_QUERY =
  'query Issues($first: Int!, $after: String) { repository(owner: "pagescope", name: "demo") { issues(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor hasPreviousPage startCursor } edges { cursor node { id number title createdAt } } } } }';

const gqlError = (type: string, message: string) =>
  json({ data: null, errors: [{ type, path: ['repository', 'issues'], message }] });
const cursorFor = (n: number) => b64(`cursor:v2:${n}`);

function readRequest(req: DemoRequest): { query: string; variables: Record<string, unknown> } | DemoResponse {
  if (req.method === 'POST') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.body);
    } catch {
      return json({ message: 'Problems parsing JSON' }, 400);
    }
    const p = parsed as { query?: unknown; variables?: unknown };
    if (!p || typeof p.query !== 'string')
      return json(
        { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
        400,
      );
    const v = p.variables && typeof p.variables === 'object' ? (p.variables as Record<string, unknown>) : {};
    return { query: p.query, variables: v };
  }
  const query = req.query.get('query');
  if (!query)
    return json({ errors: [{ message: 'A query attribute must be specified and must be a string.' }] }, 400);
  let variables: Record<string, unknown> = {};
  const raw = req.query.get('variables');
  if (raw) {
    try {
      const v: unknown = JSON.parse(raw);
      if (v && typeof v === 'object') variables = v as Record<string, unknown>;
    } catch {
      return json({ message: 'Problems parsing JSON' }, 400);
    }
  }
  return { query, variables };
}

/** An argument from the variables, or a literal in the query text (`first: 10`, `after: "…"`). */
function arg(query: string, variables: Record<string, unknown>, name: string): unknown {
  if (variables[name] !== undefined && variables[name] !== null) return variables[name];
  const m = new RegExp(`issues\\s*\\([^)]*\\b${name}\\s*:\\s*("([^"]*)"|-?\\d+)`).exec(query);
  if (!m) return undefined;
  return m[2] !== undefined ? m[2] : Number(m[1]);
}

function graphql(req: DemoRequest): DemoResponse {
  const r = readRequest(req);
  if ('status' in r) return r;
  if (!/\bissues\b/.test(r.query))
    return json({
      data: null,
      errors: [{ message: 'This demo only answers repository.issues connections.' }],
    });
  const first = arg(r.query, r.variables, 'first');
  const after = arg(r.query, r.variables, 'after');
  if (first === undefined)
    return gqlError(
      'MISSING_PAGINATION_BOUNDARIES',
      'You must provide a `first` or `last` value to properly paginate the `issues` connection.',
    );
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0)
    return gqlError('INVALID_ARGUMENT', 'Argument `first` must be a non-negative integer.');
  if (first > 100)
    return gqlError(
      'EXCESSIVE_PAGINATION',
      `Requesting ${first} records on the \`issues\` connection exceeds the \`first\` limit of 100 records.`,
    );
  let start = 0;
  if (after !== undefined) {
    const m = typeof after === 'string' ? /^cursor:v2:(\d+)$/.exec(unb64(after) ?? '') : null;
    if (!m)
      return gqlError(
        'INVALID_CURSOR_ARGUMENTS',
        `\`${JSON.stringify(after)}\` does not appear to be a valid cursor.`,
      );
    start = Number(m[1]);
  }
  const rows = dataset('relay-issues', ISSUES, 500_000);
  const edges = rows.slice(start, start + first).map((row, i) => ({
    cursor: cursorFor(start + i + 1),
    node: {
      id: `I_kwDOB${b64(`Issue${row.id}`).replace(/=+$/, '')}`,
      number: row.seq + 1,
      title: row.name,
      createdAt: row.created_at.replace(/\.\d+Z$/, 'Z'),
    },
  }));
  const pageInfo = {
    hasNextPage: start + first < ISSUES,
    endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    hasPreviousPage: start > 0,
    startCursor: edges.length ? edges[0].cursor : null,
  };
  return json({ data: { repository: { issues: { totalCount: ISSUES, pageInfo, edges } } } });
}

export const relay: DemoApi = {
  styles: [
    {
      style: 'relay',
      title: 'GraphQL Relay connection (GitHub-like) — pageInfo.endCursor / hasNextPage',
      firstPage: `/graphql?query=${encodeURIComponent(RELAY_QUERY)}&variables=${encodeURIComponent('{"first":50}')}`,
      totalRecords: ISSUES,
      pageSize: 50,
      kind: 'cursor',
      idField: 'id',
      doc: 'https://docs.github.com/en/graphql/guides/using-pagination-in-the-graphql-api',
      request: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: RELAY_QUERY, variables: { first: 50 } }),
      },
    },
  ],
  routes: [{ method: 'GET,POST', path: '/graphql', handle: graphql }],
};
