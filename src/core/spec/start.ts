/** The first page of a crawl run from a spec alone: the request the spec names, as an Exchange. */
import type { Exchange, Header } from '../exchange.ts';
import type { PaginationSpec } from './types.ts';

/**
 * The spec's first request with the user's headers (`-H`; they win over the spec's non-secret
 * ones) and the response it got, as the Exchange the crawl engine starts from.
 */
export function specExchange(
  spec: PaginationSpec,
  userHeaders: readonly Header[],
  response: Exchange['response'],
  finalUrl?: string,
): Exchange {
  const given = new Set(userHeaders.map((h) => h.name.toLowerCase()));
  const headers = [
    ...(spec.request.headers ?? []).filter((h) => !given.has(h.name.toLowerCase())),
    ...userHeaders,
  ];
  const request: Exchange['request'] = {
    method: spec.request.method,
    url: finalUrl || spec.request.url,
    headers,
  };
  if (spec.request.body !== undefined) {
    const ct = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
    request.postData = { mimeType: ct ?? 'application/json', text: spec.request.body };
  }
  return { request, response };
}

/** The headers a request from `spec` carries: its non-secret ones, then the user's (which win). */
export function specHeaders(spec: PaginationSpec, userHeaders: readonly Header[]): Header[] {
  return specExchange(spec, userHeaders, { status: 0, headers: [], mimeType: '', bodyText: null }).request
    .headers;
}
