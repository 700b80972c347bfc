/**
 * Small scripted APIs in real pagination styles (Link header, Stripe cursors, Laravel pages) for the
 * crawl tests and benches: each returns a route for `fakeFetch`, and `startOf` fetches page one and
 * detects it the way the CLI does.
 */
import { detect } from '../../detect/index.ts';
import type { Header } from '../../exchange.ts';
import type { HttpFetch } from '../../ports.ts';
import type { FakeReply } from './fakes.ts';
import type { CrawlStart } from '../types.ts';

const ids = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => ({ id: from + i + 1 }));

/** `?page=N` (1-based) with `Link: <…page=N+1>; rel="next"` until `total` records are served; no totals. */
export function linkPages(total: number, size: number): (url: URL) => FakeReply {
  return (url) => {
    const page = Number(url.searchParams.get('page') ?? '1');
    const body = ids((page - 1) * size, Math.min(total, page * size));
    const next = new URL(url);
    next.searchParams.set('page', String(page + 1));
    const headers: Record<string, string> = page * size < total ? { link: `<${next.href}>; rel="next"` } : {};
    return { body, headers };
  };
}

/** Stripe lists: `?limit=&starting_after=cus_N`, `{ object: 'list', data, has_more }`. */
export function stripePages(total: number, size: number): (url: URL) => FakeReply {
  return (url) => {
    const after = url.searchParams.get('starting_after');
    const from = after ? Number(after.replace('cus_', '')) : 0;
    const data = ids(from, Math.min(total, from + size)).map((r) => ({
      id: `cus_${r.id}`,
      object: 'customer',
    }));
    return { body: { object: 'list', url: '/v1/customers', data, has_more: from + size < total } };
  };
}

/** Laravel length-aware pages: `?page=N`, `{ current_page, data, last_page, per_page, total, next_page_url }`. */
export function laravelPages(
  total: number,
  size: number,
  delays: Record<number, number> = {},
): (url: URL) => FakeReply {
  return (url) => {
    const page = Number(url.searchParams.get('page') ?? '1');
    const last = Math.max(1, Math.ceil(total / size));
    const next = new URL(url);
    next.searchParams.set('page', String(page + 1));
    const body = {
      current_page: page,
      data: ids((page - 1) * size, Math.min(total, page * size)),
      last_page: last,
      per_page: size,
      total,
      next_page_url: page < last ? next.href : null,
    };
    return { body, delayMs: delays[page] };
  };
}

/** Fetches the first page and detects it, as the CLI does before calling crawl(). */
export async function startOf(fetch: HttpFetch, url: string, headers: Header[] = []): Promise<CrawlStart> {
  const res = await fetch({ method: 'GET', url, headers });
  const exchange = {
    request: { method: 'GET', url, headers },
    response: {
      status: res.status,
      headers: res.headers,
      mimeType: 'application/json',
      bodyText: res.bodyText,
    },
  };
  const detection = detect(exchange);
  if (!detection) throw new Error(`start page not detected: ${url}`);
  return { exchange, detection };
}
