/**
 * Next-request builders shared by the body detectors: links resolved against the request, GETs and
 * POSTs that keep the request's other query parameters or body arguments, and the request's own
 * parameters read back.
 */
import { isObject } from '../json.ts';
import { resolveUrl } from '../url.ts';
import type { Obj } from './body-fields.ts';
import { roleOfName } from './params.ts';
import { queryEntries, setQueryParam } from './query.ts';
import type { DetectContext, RequestSpec } from './types.ts';

/** Resolves a link against the request URL (absolute http(s) or undefined). */
export function link(ctx: DetectContext, ref: unknown): string | undefined {
  if (isObject(ref)) ref = ref.href; // HAL / JSON:API link objects
  return typeof ref === 'string'
    ? resolveUrl(ctx.exchange.request.url, ref.replace(/\{[^}]*\}/g, ''))
    : undefined;
}

/**
 * A query-only link (`?limit=5&page=2`, BigCommerce's `links.next`, HubSpot's `paging.next.link`)
 * read as "this request with these parameters": resolved by RFC 3986 it would drop the request's
 * other parameters (`include=variants`), which the APIs printing such links mean to keep.
 */
export function withQuery(ctx: DetectContext, ref: string): string | undefined {
  let url = ctx.exchange.request.url;
  for (const [k, v] of queryEntries(ref.trim())) url = setQueryParam(url, k, v);
  return link(ctx, url);
}

/** GET of the request URL with `params` set (undefined removes), the other query parameters kept. */
export function nextGet(
  ctx: DetectContext,
  params: Record<string, string | number | undefined>,
): RequestSpec | undefined {
  try {
    let url = ctx.exchange.request.url;
    for (const [k, v] of Object.entries(params))
      url = setQueryParam(url, k, v === undefined ? undefined : String(v));
    return { method: 'GET', url };
  } catch {
    return undefined;
  }
}

/** The request's own method and body with the URL's params set: for APIs read over POST with a query string. */
function sameRequest(
  ctx: DetectContext,
  params: Record<string, string | number | undefined>,
): RequestSpec | undefined {
  const spec = nextGet(ctx, params);
  if (!spec) return undefined;
  const { method, postData } = ctx.exchange.request;
  if (method === 'GET' || method === 'HEAD') return spec;
  return postData?.text != null ? { method, url: spec.url, body: postData.text } : { method, url: spec.url };
}

/**
 * The page-number parameter, read from links: the one whose value is `page + 1` in the next link
 * (or `page - 1` in the prev link), preferring the one whose value in the request is `page` itself,
 * and never a size parameter (`per_page=3` on page 2 also reads 3).
 */
export function pageParamIn(
  requestUrl: string,
  links: { next?: string; prev?: string },
  page: number,
): string | undefined {
  const cur = queryEntries(requestUrl);
  const pick = (url: string | undefined, want: number): string | undefined => {
    if (!url) return undefined;
    const names = [...queryEntries(url)]
      .filter(([k, v]) => v === String(want) && roleOfName(k) !== 'size' && cur.get(k) !== String(want))
      .map(([k]) => k);
    return (
      names.find((k) => cur.get(k) === String(page)) ??
      names.find((k) => roleOfName(k) === 'page') ??
      names[0]
    );
  };
  return pick(links.next, page + 1) ?? pick(links.prev, page - 1);
}

/**
 * The request for the next page with `params` set where the request carried its arguments: the
 * query string of a GET, or the JSON / form body of a POST (Notion, HubSpot and Square searches,
 * Slack's form posts, Algolia queries). A parameter already in the query string stays there.
 */
export function carry(
  ctx: DetectContext,
  params: Record<string, string | number | undefined>,
): RequestSpec | undefined {
  const { method, postData, url } = ctx.exchange.request;
  const text = postData?.text;
  if (method === 'GET' || method === 'HEAD' || !text) return nextGet(ctx, params);
  const inQuery = Object.keys(params).filter((k) => ctx.url.searchParams.has(k));
  if (inQuery.length === Object.keys(params).length) return sameRequest(ctx, params);
  const mime = (postData?.mimeType ?? '').toLowerCase();
  const headers = [{ name: 'Content-Type', value: postData?.mimeType || 'application/json' }];
  if (mime.includes('x-www-form-urlencoded')) {
    const form = new URLSearchParams(text);
    for (const [k, v] of Object.entries(params)) v === undefined ? form.delete(k) : form.set(k, String(v));
    return { method, url, body: form.toString(), headers };
  }
  try {
    const args: unknown = JSON.parse(text);
    if (!isObject(args)) return undefined;
    const body: Obj = { ...args };
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined) delete body[k];
      else body[k] = typeof args[k] === 'number' && typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    }
    return { method, url, body: JSON.stringify(body), headers };
  } catch {
    return undefined;
  }
}

/** The query parameter of `url` whose value is `value` (how a next link carries a cursor). */
export function paramHolding(url: string | undefined, value: unknown): string | undefined {
  if (!url || value == null || value === '') return undefined;
  try {
    for (const [k, v] of new URL(url).searchParams) if (v === String(value)) return k;
  } catch {
    // not a URL: no parameter
  }
  return undefined;
}

/**
 * The query parameter of the next link that carries the next `cursor`: one whose value is the
 * cursor and was not already that in the request (`?limit=2` on a page whose next cursor is `2`
 * keeps `limit` as it was; the cursor is the parameter that moved), a cursor-like name first.
 */
export function cursorParamIn(
  requestUrl: string,
  next: string | undefined,
  cursor: unknown,
): string | undefined {
  if (!next || cursor == null || cursor === '') return undefined;
  const want = String(cursor);
  const cur = queryEntries(requestUrl);
  const moved: string[] = [];
  for (const [k, v] of queryEntries(next)) if (v === want && cur.get(k) !== want) moved.push(k);
  return moved.find((k) => roleOfName(k) === 'cursor') ?? moved[0];
}

/** The first of `names` the request URL carries, as [name, value]. */
export function requestParam(ctx: DetectContext, ...names: string[]): [string, string] | undefined {
  for (const n of names) {
    const v = ctx.url.searchParams.get(n);
    if (v !== null) return [n, v];
  }
  return undefined;
}
