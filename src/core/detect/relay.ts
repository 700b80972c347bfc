/**
 * GraphQL Relay connections: `pageInfo{hasNextPage, endCursor, hasPreviousPage, startCursor}` beside
 * `edges[].node` (or `nodes`) and often `totalCount`, anywhere under `data` (the shallowest one
 * wins). The next request is the same query with `variables.after = endCursor` (POST body, or the
 * `variables` query parameter of a GET; a REST endpoint read as `GET ?first=25` takes `&after=` in
 * its query). A POST body keeps its exact text: only `variables.after` changes.
 * Docs: relay.dev/graphql/connections.htm; docs.github.com/graphql/guides/using-pagination-in-the-graphql-api.
 * Fixtures: fixtures/body-apis.ts (relay).
 */
import { isObject } from '../json.ts';
import { bool, count, text, type Obj } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { setJsonMember } from './json-text.ts';
import { nextGet } from './next-request.ts';
import type { DetectContext, Detector, Evidence, RequestSpec } from './types.ts';

/** Breadth-first: the outermost connection is the one the query pages through. */
function findConnection(root: unknown): { conn: Obj; path: string[] } | undefined {
  let level: { v: unknown; path: string[] }[] = [{ v: root, path: [] }];
  for (let depth = 0; depth < 8 && level.length; depth++) {
    const nextLevel: typeof level = [];
    for (const { v, path } of level) {
      if (!isObject(v)) continue;
      if (isObject(v.pageInfo) && 'hasNextPage' in v.pageInfo) return { conn: v, path };
      for (const [k, child] of Object.entries(v))
        if (isObject(child)) nextLevel.push({ v: child, path: [...path, k] });
    }
    level = nextLevel.slice(0, 500);
  }
  return undefined;
}

/** Which variable carries the cursor: the one the query passes as `after:`, else a usual name. */
function cursorVar(vars: Obj, query?: string): string {
  const named = query ? /\bafter\s*:\s*\$(\w+)/.exec(query)?.[1] : undefined;
  return named ?? ['after', 'cursor', 'afterCursor', 'endCursor'].find((k) => k in vars) ?? 'after';
}

/** The request's GraphQL variables and where they came from (POST body or `variables` query param). */
type Vars =
  { from: 'body'; body: Obj; vars: Obj; query?: string } | { from: 'query'; vars: Obj; query?: string };

function requestVars(ctx: DetectContext): Vars | undefined {
  const { method, postData } = ctx.exchange.request;
  try {
    if (method !== 'GET' && postData?.text) {
      const body = JSON.parse(postData.text);
      if (!isObject(body) || (typeof body.query !== 'string' && !isObject(body.extensions))) return undefined;
      const query = typeof body.query === 'string' ? body.query : undefined;
      return { from: 'body', body, vars: isObject(body.variables) ? body.variables : {}, query };
    }
    const raw = ctx.url.searchParams.get('variables');
    const query = ctx.url.searchParams.get('query') ?? undefined;
    if (raw === null) return query !== undefined ? { from: 'query', vars: {}, query } : undefined;
    const vars = JSON.parse(raw);
    return isObject(vars) ? { from: 'query', vars, query } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A connection read over GET with its arguments as plain query parameters (`?first=25`, then
 * `&after=<endCursor>`): a REST endpoint speaking Relay, no GraphQL `query` or `variables`.
 */
function plainQuery(ctx: DetectContext): boolean {
  const { method } = ctx.exchange.request;
  if (method !== 'GET' && method !== 'HEAD') return false;
  const q = ctx.url.searchParams;
  return !['query', 'variables', 'extensions', 'operationName'].some((k) => q.has(k));
}

function nextQuery(ctx: DetectContext, cursor: string): RequestSpec | undefined {
  if (plainQuery(ctx)) return nextGet(ctx, { after: cursor });
  const r = requestVars(ctx);
  if (!r) return undefined;
  const name = cursorVar(r.vars, r.query);
  const vars = { ...r.vars, [name]: cursor };
  if (r.from === 'query') return nextGet(ctx, { variables: JSON.stringify(vars) });
  const { method, url, postData } = ctx.exchange.request;
  // The body's own text with only the cursor changed; re-serialised only when it cannot be edited.
  const edited =
    isObject(r.body.variables) || !('variables' in r.body)
      ? setJsonMember(postData!.text!, ['variables', name], cursor)
      : undefined;
  return {
    method,
    url,
    body: edited ?? JSON.stringify({ ...r.body, variables: vars }),
    headers: [{ name: 'Content-Type', value: postData?.mimeType || 'application/json' }],
  };
}

export const relay: Detector = {
  name: 'relay',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('data'),
  detect(ctx) {
    if (!isObject(ctx.json) || !isObject(ctx.json.data)) return null;
    const found = findConnection(ctx.json.data);
    if (!found) return null;
    const { conn } = found;
    const path = ['data', ...found.path];
    const info = conn.pageInfo as Obj;
    const hasNext = bool(info.hasNextPage);
    if (hasNext === undefined) return null;
    const end = text(info.endCursor);
    const at = (k: string) => [...path, k].join('.');
    const evidence: Evidence[] = [
      ev(at('pageInfo.hasNextPage'), hasNext, hasNext ? 'more pages' : 'the last page'),
    ];
    if (end) evidence.push(ev(at('pageInfo.endCursor'), end, 'next cursor'));
    const edges = Array.isArray(conn.edges) ? conn.edges : undefined;
    const nodes = !edges && Array.isArray(conn.nodes) ? conn.nodes : undefined;
    if (edges) evidence.push(ev(at('edges'), `${edges.length} edges`, 'records in edges[].node'));
    else if (nodes) evidence.push(ev(at('nodes'), `${nodes.length} nodes`, 'records'));
    const total = count(conn.totalCount);
    const req = plainQuery(ctx) ? undefined : requestVars(ctx);
    const sent = req
      ? text(req.vars[cursorVar(req.vars, req.query)])
      : (ctx.url.searchParams.get('after') ?? undefined);
    if (total !== undefined) evidence.push(ev(at('totalCount'), total, 'total records'));
    return {
      kind: 'cursor',
      style: 'relay',
      confidence: edges || nodes ? 0.9 : 0.8,
      evidence,
      position: sent ? { cursor: sent } : {},
      totalRecords: total,
      hasMore: hasNext,
      links: {},
      next: hasNext && end ? nextQuery(ctx, end) : undefined,
      params: { cursor: 'after' },
      recordsPath: edges ? [...path, 'edges', '*', 'node'] : nodes ? [...path, 'nodes'] : undefined,
      recordCount: (edges ?? nodes)?.length,
    };
  },
};
