/**
 * Reference walkers: for each demo style, the loop its API docs tell a client to write. Independent of
 * Pagescope's core on purpose — tests use them as the oracle a Pagescope crawl is compared against.
 */
import type { StyleInfo } from './http.ts';

type Page = { url: string; status: number; headers: Headers; body: any };
export type WalkResult = { pages: Page[]; records: any[]; ids: string[] };

type Req = { url: string; init?: RequestInit };
type Walker = { records(p: Page): any[]; next(p: Page, req: Req): Req | null };

/** rel → URL from an RFC 8288 Link header (enough for the demo's well-formed headers). */
export function parseLink(value: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (value ?? '').matchAll(/<([^>]*)>\s*;\s*rel="?([^",;]+)"?/g)) out[m[2]] = m[1];
  return out;
}

const follow = (base: string, ref: string | null | undefined): Req | null =>
  ref ? { url: new URL(ref, base).href } : null;
const withParam = (url: string, params: Record<string, string | number>): Req => {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, String(v));
  return { url: u.href };
};
const byLinkHeader = (records: (p: Page) => any[]): Walker => ({
  records,
  next: (p) => follow(p.url, parseLink(p.headers.get('link')).next),
});
const root = (p: Page) => (Array.isArray(p.body) ? p.body : []);

const walkers: Record<string, Walker> = {
  vanilla: { records: root, next: (p) => follow(p.url, p.headers.get('paging-next')) },
  'vanilla-more': { records: root, next: (p) => follow(p.url, p.headers.get('paging-next')) },
  vend: {
    records: (p) => p.body.products,
    next: (p) =>
      p.body.pagination && p.body.pagination.page < p.body.pagination.pages
        ? withParam(p.url, { page: p.body.pagination.page + 1 })
        : null,
  },
  'vend-customers': {
    records: (p) => p.body.customers,
    next: (p) =>
      p.body.pagination && p.body.pagination.page < p.body.pagination.pages
        ? withParam(p.url, { page: p.body.pagination.page + 1 })
        : null,
  },
  'vend-2': {
    records: (p) => p.body.data,
    next: (p) => (p.body.data.length ? withParam(p.url, { after: p.body.version.max }) : null),
  },
  laravel: { records: (p) => p.body.data, next: (p) => follow(p.url, p.body.links.next) },
  'laravel-cursor': {
    records: (p) => p.body.data,
    next: (p) => (p.body.meta.next_cursor ? withParam(p.url, { cursor: p.body.meta.next_cursor }) : null),
  },
  'page-number': {
    records: (p) => p.body.items,
    next: (p) => (p.body.hasNextPage ? withParam(p.url, { pageNumber: p.body.pageNumber + 1 }) : null),
  },
  uservoice: byLinkHeader((p) => p.body.suggestions),
  'uservoice-cursor': {
    records: (p) => p.body.suggestions,
    next: (p) => (p.body.pagination.cursor ? withParam(p.url, { cursor: p.body.pagination.cursor }) : null),
  },
  github: byLinkHeader(root),
  stripe: {
    records: (p) => p.body.data,
    next: (p) => (p.body.has_more ? withParam(p.url, { starting_after: p.body.data.at(-1).id }) : null),
  },
  slack: {
    records: (p) => p.body.channels,
    next: (p) =>
      p.body.response_metadata.next_cursor
        ? withParam(p.url, { cursor: p.body.response_metadata.next_cursor })
        : null,
  },
  'json-api': { records: (p) => p.body.data, next: (p) => follow(p.url, p.body.links.next) },
  hal: { records: (p) => p.body._embedded.people, next: (p) => follow(p.url, p.body._links.next?.href) },
  odata: { records: (p) => p.body.value, next: (p) => follow(p.url, p.body['@odata.nextLink']) },
  google: {
    records: (p) => p.body.books,
    next: (p) => (p.body.nextPageToken ? withParam(p.url, { pageToken: p.body.nextPageToken }) : null),
  },
  relay: {
    records: (p) => p.body.data.repository.issues.edges.map((e: any) => e.node),
    next: (p, req) => {
      const info = p.body.data.repository.issues.pageInfo;
      if (!info.hasNextPage) return null;
      const sent = JSON.parse(String(req.init?.body));
      return {
        url: req.url,
        init: {
          ...req.init,
          body: JSON.stringify({ ...sent, variables: { ...sent.variables, after: info.endCursor } }),
        },
      };
    },
  },
  drf: { records: (p) => p.body.results, next: (p) => follow(p.url, p.body.next) },
  gitlab: {
    records: root,
    next: (p) =>
      p.headers.get('x-next-page') ? withParam(p.url, { page: p.headers.get('x-next-page')! }) : null,
  },
  wordpress: {
    records: root,
    next: (p) => {
      const page = Number(new URL(p.url).searchParams.get('page') ?? 1);
      return page < Number(p.headers.get('x-wp-totalpages')) ? withParam(p.url, { page: page + 1 }) : null;
    },
  },
  postgrest: {
    records: root,
    next: (p, req) => {
      const m = /^(\d+)-(\d+)\/(\d+)$/.exec(p.headers.get('content-range') ?? '');
      return m && Number(m[2]) + 1 < Number(m[3])
        ? { ...withParam(p.url, { offset: Number(m[2]) + 1 }), init: req.init }
        : null;
    },
  },
  'offset-limit': {
    records: (p) => p.body.items,
    next: (p) =>
      p.body.offset + p.body.limit < p.body.total
        ? withParam(p.url, { offset: p.body.offset + p.body.limit })
        : null,
  },
  zendesk: {
    records: (p) => p.body.tickets,
    next: (p) => (p.body.meta.has_more ? follow(p.url, p.body.links.next) : null),
  },
  'json-server': byLinkHeader(root),
};

/** Walks one catalog style from its first page to the documented end. Throws past `maxPages`. */
export async function walkStyle(origin: string, style: StyleInfo, maxPages = 500): Promise<WalkResult> {
  const walker = walkers[style.style];
  if (!walker) throw new Error(`no reference walker for style ${style.style}`);
  const init = style.request
    ? { method: style.request.method, headers: style.request.headers, body: style.request.body }
    : undefined;
  let req: Req | null = {
    url: origin + (style.request?.method === 'POST' ? '/graphql' : style.firstPage),
    init,
  };
  const pages: Page[] = [];
  const records: any[] = [];
  while (req) {
    if (pages.length >= maxPages) throw new Error(`${style.style}: more than ${maxPages} pages`);
    const res = await fetch(req.url, req.init);
    const page: Page = { url: req.url, status: res.status, headers: res.headers, body: await res.json() };
    if (res.status >= 400)
      throw new Error(`${style.style}: HTTP ${res.status} at ${req.url}: ${JSON.stringify(page.body)}`);
    pages.push(page);
    records.push(...walker.records(page));
    req = walker.next(page, req);
  }
  const ids = records.map((r) => String(r[style.idField]));
  return { pages, records, ids };
}
