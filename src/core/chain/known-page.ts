/**
 * KnownPage: a page that was actually fetched (seen in a capture, or crawled), reduced to what the
 * chain layout needs. Both buildChains and markCrawled turn their input into these.
 */
import type { Detection, PageParams } from '../detect/types.ts';
import { getParam } from '../url.ts';
import type { ChainNode } from './types.ts';

/** The URL a detected page points on to: its next request's, else its next link. */
export function nextUrlOf(d: Detection | null | undefined): string | undefined {
  return d?.next?.url ?? d?.links.next;
}

export type KnownPage = {
  url: string;
  page?: number;
  offset?: number;
  cursor?: string;
  next?: string;
  prev?: string;
  /** The page said it is the last: no next link/cursor and no `hasMore: true`. */
  ended: boolean;
  recordCount?: number;
  exchangeId?: string;
  state: 'seen' | 'crawled';
};

function intParam(url: string, name: string | undefined): number | undefined {
  const v = name ? getParam(url, name) : undefined;
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** Page number, offset and cursor read from a URL's query, by the chain's parameter names. */
export function positionFromUrl(
  url: string,
  params: PageParams,
): { page?: number; offset?: number; cursor?: string } {
  const cursor = params.cursor ? getParam(url, params.cursor) : undefined;
  return {
    page: intParam(url, params.page),
    offset: intParam(url, params.offset),
    cursor: cursor || undefined,
  };
}

/**
 * A fetched page from its request URL and detection. The URL's own parameters win over the body's
 * position for the cursor: some APIs echo the *next* cursor in `meta.cursor`, and the page is the
 * one its request asked for.
 */
export function knownFromDetection(
  url: string,
  d: Detection,
  state: KnownPage['state'],
  exchangeId?: string,
): KnownPage {
  const fromUrl = positionFromUrl(url, d.params);
  const page = d.position.page ?? fromUrl.page;
  // Without a page parameter in the URL the request is the first page (GitHub `?per_page=30`).
  const firstByOmission =
    d.params.page && page === undefined && fromUrl.page === undefined ? (d.params.pageBase ?? 1) : undefined;
  const next = nextUrlOf(d);
  return {
    url,
    page: page ?? firstByOmission,
    offset: d.position.offset ?? fromUrl.offset ?? (d.params.offset && d.kind === 'offset' ? 0 : undefined),
    cursor: d.params.cursor ? fromUrl.cursor : d.position.cursor,
    next,
    prev: d.links.prev,
    ended: !next && d.hasMore !== true,
    recordCount: d.recordCount,
    exchangeId,
    state,
  };
}

/** Back from a drawn node (markCrawled rebuilds the layout from the fetched nodes). */
export function knownFromNode(n: ChainNode): KnownPage | null {
  if (n.state === 'predicted') return null;
  return {
    url: n.url,
    page: n.page,
    offset: n.offset,
    cursor: n.cursor,
    next: n.next,
    prev: n.prev,
    ended: n.last === true && !n.next,
    recordCount: n.recordCount,
    exchangeId: n.exchangeId,
    state: n.state,
  };
}
