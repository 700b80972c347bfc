/**
 * The chain model: the pages of one paginated endpoint, in order, with the pages not fetched yet
 * predicted. The panel draws these; diagnostics and the crawler read them. Plain data only
 * (structuredClone-safe), so a chain can be stored and sent between extension contexts.
 */
import type { PageParams, PaginationKind } from '../detect/types.ts';

/** `seen`: captured (panel) or read from a HAR; `crawled`: fetched by the crawler; `predicted`: not fetched yet. */
type ChainNodeState = 'seen' | 'predicted' | 'crawled';

export type ChainNode = {
  /** Unique within its chain and stable across rebuilds: `p3`, `o40`, `c:<cursor>`, `u:<url>`, `gap:4-996`. */
  id: string;
  /** What to print on the node: the page number, `@offset`, an abbreviated cursor, `start`, or `…` for a gap. */
  label: string;
  /** The full cursor (the label abbreviates it). */
  cursor?: string;
  page?: number;
  offset?: number;
  /** The request URL of this page (for a gap node: the first page it stands for). */
  url: string;
  state: ChainNodeState;
  /** The captured exchange's id, for `seen` nodes. */
  exchangeId?: string;
  /** Records on the page, when it was fetched. */
  recordCount?: number;
  /** The first page of the chain (page base, offset 0, or a request without a cursor). */
  first?: boolean;
  /** The last page: page = totalPages, or a fetched page with no next link/cursor. */
  last?: boolean;
  /** Where this page's next link/cursor points (absolute URL), as the page said. */
  next?: string;
  /** Where this page's prev link points (absolute URL), as the page said. */
  prev?: string;
  /** A gap node stands for `count` predicted pages not drawn (huge totals); `from`/`to` are page numbers or offsets. */
  gap?: { from: number; to: number; count: number };
  /** A sentence for the tooltip, e.g. why a gap is there. */
  note?: string;
};

export type ChainEdge = { from: string; to: string; rel: 'next' | 'prev' };

export type Chain = {
  /** Method + origin + path + query without the pagination parameters (filters stay). */
  key: string;
  /** `GET /api/items`: for people. */
  title: string;
  method: string;
  style: string;
  kind: PaginationKind;
  pageSize?: number;
  totalRecords?: number;
  totalPages?: number;
  /** Pagination parameters, so predicted pages can be addressed. */
  params: PageParams;
  /** In chain order: by page/offset, or by following next links/cursors. */
  nodes: ChainNode[];
  edges: ChainEdge[];
};

/** A chain's description without its drawn nodes and edges: what layout and prediction start from. */
export type ChainMeta = Omit<Chain, 'nodes' | 'edges'>;
