/**
 * The demo API's request/response shapes and the small helpers every style shares.
 * Handlers are pure functions of a DemoRequest, so tests can call them without sockets.
 */

export type DemoRequest = {
  method: string;
  /** Route path with any `/_faults/<spec>` prefix removed, e.g. `/api/v2/discussions`. */
  path: string;
  /** `''` or `/_faults/<spec>`: every link a style builds keeps it, so a crawl stays inside the fault wrapper. */
  prefix: string;
  query: URLSearchParams;
  /** `http://127.0.0.1:PORT`, for styles whose docs give absolute links. */
  origin: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

export type DemoResponse = {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  /** @default 'application/json; charset=utf-8' */
  contentType?: string;
};

type RouteHandler = (req: DemoRequest) => DemoResponse;

export type Route = { method?: 'GET' | 'POST' | 'GET,POST'; path: string; handle: RouteHandler };

/** One entry of `GET /api/styles.json`. */
export type StyleInfo = {
  style: string;
  title: string;
  /** Path and query of page 1, relative to the origin. */
  firstPage: string;
  totalRecords: number;
  pageSize: number;
  kind: 'page' | 'offset' | 'cursor' | 'link';
  /** Where the style comes from (the API doc it follows). */
  doc: string;
  /** The record field that identifies a record (`id` unless the API names it otherwise, e.g. Vanilla's `discussionID`). */
  idField: string;
  /** Only for styles whose first request is not a plain GET (GraphQL POST, PostgREST's Prefer header). */
  request?: { method: string; headers?: Record<string, string>; body?: string };
};

/** A group of routes and the catalog entries they serve. */
export type DemoApi = { styles: StyleInfo[]; routes: Route[] };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): DemoResponse {
  return { status, body, headers };
}

/**
 * Encodes a query the way the APIs we model print their links: `[`, `]`, `$`, `,` and `:` stay literal
 * (Zendesk shows `page[size]=100`, OData `$skiptoken=`), everything else is percent-encoded (UserVoice shows
 * a base64 cursor's `=` as `%3D`).
 */
export function encodeQuery(params: Iterable<[string, string]>): string {
  const enc = (s: string) =>
    encodeURIComponent(s)
      .replace(/%5B/g, '[')
      .replace(/%5D/g, ']')
      .replace(/%24/g, '$')
      .replace(/%2C/g, ',')
      .replace(/%3A/g, ':');
  return [...params].map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/**
 * A relative link to `path` (default: the current path) carrying the current query with `overrides`
 * applied (undefined deletes). Keeping the rest of the query is what real APIs do with filters.
 */
export function link(
  req: DemoRequest,
  overrides: Record<string, string | number | undefined>,
  opts: { path?: string; keep?: boolean } = {},
): string {
  const q = opts.keep === false ? new URLSearchParams() : new URLSearchParams(req.query);
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) q.delete(k);
    else q.set(k, String(v));
  }
  const qs = encodeQuery(q);
  return `${req.prefix}${opts.path ?? req.path}${qs ? `?${qs}` : ''}`;
}

/** The same link as an absolute URL, for styles whose docs show absolute links. */
export function absLink(
  req: DemoRequest,
  overrides: Record<string, string | number | undefined>,
  opts: { path?: string; keep?: boolean } = {},
): string {
  return req.origin + link(req, overrides, opts);
}

/** RFC 8288 `Link` header value from rel → URL pairs, skipping undefined ones. */
export function linkHeader(rels: Record<string, string | undefined>): string | undefined {
  const parts = Object.entries(rels)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([rel, url]) => `<${url}>; rel="${rel}"`);
  return parts.length ? parts.join(', ') : undefined;
}

/** Header value as one string (first value of a repeated header). */
export function header(req: DemoRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
