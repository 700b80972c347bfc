/** What every config export needs from a spec: the URL split, the parameters the paginator owns, secrets. */
import { queryEntries } from '../detect/query.ts';
import { isObject, parseJson } from '../json.ts';
import { parsePath } from './path.ts';
import type { PaginationSpec } from './types.ts';

export type UrlParts = {
  /** `https://api.example.com/` */
  base: string;
  /** `v1/items` (no leading slash) */
  path: string;
  /** The first request's query parameters the paginator does not set itself. */
  params: Record<string, string>;
};

/** Query parameters the spec's paginator writes (page, offset, cursor) or sizes (limit). */
export function pagingParams(spec: PaginationSpec): Set<string> {
  const out = new Set<string>();
  const n = spec.next;
  if ((n.type === 'page' || n.type === 'offset') && n.in !== 'body') out.add(n.param);
  if (n.type === 'cursor' && n.in === 'query') out.add(n.param);
  if ((n.type === 'page' || n.type === 'offset') && spec.pageSize?.param) out.add(spec.pageSize.param);
  return out;
}

/** The URL split into base, path and the query parameters not owned by the paginator. */
export function urlParts(spec: PaginationSpec, owned = pagingParams(spec)): UrlParts {
  const u = new URL(spec.request.url);
  const params: Record<string, string> = {};
  for (const [k, v] of queryEntries(spec.request.url)) if (!owned.has(k)) params[k] = v;
  return { base: `${u.origin}/`, path: u.pathname.replace(/^\//, ''), params };
}

/** The request body as a JSON object, when it is one. */
export function jsonBody(spec: PaginationSpec): Record<string, unknown> | undefined {
  const p = parseJson(spec.request.body);
  return p.ok && isObject(p.value) ? p.value : undefined;
}

/** A config key for a secret header name: `X-Api-Key` → `x_api_key`. */
export function secretKey(header: string): string {
  return (
    header
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'secret'
  );
}

/** A resource name from the URL's last path segment: `/v1/issues.json` → `issues`. */
export function resourceName(spec: PaginationSpec): string {
  const seg = new URL(spec.request.url).pathname.split('/').filter(Boolean).pop() ?? 'records';
  return (
    seg
      .replace(/\.[a-z]+$/i, '')
      .replace(/[^A-Za-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'records'
  );
}

/** A dotted spec path as JSONPath (dlt): `.` → `$`, `*` → `[*]`, odd keys quoted (`['@odata.nextLink']`). */
export function jsonPath(path: string, keys?: string[]): string {
  const segs = keys ?? parsePath(path);
  if (!segs.length) return '$';
  return segs.reduce((s, k) => {
    if (k === '*') return `${s}[*]`;
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) return s ? `${s}.${k}` : k;
    return `${s || '$'}['${k.replace(/'/g, "\\'")}']`;
  }, '');
}

/** Jinja access into `root` for Airbyte: `response['meta']['continuation']`. */
export function jinja(root: string, path: string): string {
  return (
    root +
    parsePath(path)
      .map((k) => `[${JSON.stringify(k).replace(/"/g, "'")}]`)
      .join('')
  );
}
