/** Shapes shared by every detector, the registry and everything downstream (chain, crawl, panel). */
import type { Exchange, Header } from '../exchange.ts';
import type { PaginationSpec } from '../spec/types.ts';

export type Evidence = {
  where: 'header' | 'body' | 'query';
  /** Header name, body path (`meta.total`), or query parameter name. */
  path: string;
  /** The value seen, as text (truncated by the detector when long). */
  value: string;
  /** Why this piece counts, in a few words. */
  note?: string;
};

export type PaginationKind = 'page' | 'offset' | 'cursor' | 'link';

/** A request the crawler can make. Plain data (no functions) so it survives structuredClone. */
export type RequestSpec = { method: string; url: string; body?: string; headers?: Header[] };

/** Which query parameters carry the pagination state, inferred from the URL and the links. */
export type PageParams = {
  /** Query parameter holding the page number, e.g. `page`, `pageNumber`, `page[number]`. */
  page?: string;
  /** Number of the first page: 1 for most APIs, 0 for Spring/HAL. @default 1 */
  pageBase?: 0 | 1;
  /** Query parameter holding the page size, e.g. `limit`, `per_page`, `page[size]`. */
  size?: string;
  /** Query parameter holding the offset (offset/limit APIs). */
  offset?: string;
  /** Query parameter holding the cursor / token, e.g. `cursor`, `after`, `starting_after`, `pageToken`. */
  cursor?: string;
};

export type Detection = {
  kind: PaginationKind;
  /** Short scheme name: `link-header`, `vanilla`, `laravel`, `stripe`, … */
  style: string;
  /** 0..1: how sure the detector is. */
  confidence: number;
  evidence: Evidence[];
  /** The request this detection describes. */
  method: string;
  url: string;
  position: { page?: number; offset?: number; cursor?: string };
  pageSize?: number;
  totalRecords?: number;
  totalPages?: number;
  hasMore?: boolean;
  /** Absolute URLs (relative ones resolved against the request URL). */
  links: { first?: string; prev?: string; next?: string; last?: string };
  /** The request for the next page; absent when this is the last page or it cannot be built. */
  next?: RequestSpec;
  params: PageParams;
  /** Where the records live; [] = the root array; `*` maps over an array (`edges`,`*`,`node`). */
  recordsPath: string[];
  recordCount: number;
  /**
   * What an empty page means. `true`: the end (Vend 2.0). `false`: nothing — pages may be short or
   * empty mid-chain and only the next link decides (Vanilla). Absent: the engine's default.
   */
  emptyPageEnds?: boolean;
  /**
   * The style's docs say a page shorter than `pageSize` is the last (Socrata, Elasticsearch
   * `search_after`). The detector then sets `hasMore: false` on such a page itself, and only when
   * nothing else on the page says more (no next link, cursor or total left); the crawl names the
   * short page as the reason it stopped. Absent: a short page is not the end by itself.
   */
  shortPageEnds?: boolean;
  /**
   * Set when this detection was read by a pagination spec (rules the user edited, or a spec file)
   * rather than by the detectors: a crawl from it reads every page by the same spec.
   */
  spec?: PaginationSpec;
};

/** What one detector says: the parts it knows. The registry fills the rest. */
export type DetectorResult = Partial<Omit<Detection, 'kind' | 'style' | 'confidence' | 'evidence'>> &
  Pick<Detection, 'kind' | 'style' | 'confidence' | 'evidence'>;

/** Everything a detector may read; the body is parsed once for all of them. */
export type DetectContext = {
  exchange: Exchange;
  /** The request URL, parsed. */
  url: URL;
  /** The parsed body; undefined when the body is not JSON. */
  json: unknown;
  header(name: string): string | undefined;
  headers(name: string): string[];
};

/**
 * Cheap questions about the parsed body's top level, for pre-checks: each is one own-property
 * look-up, so asking costs the same on a 10-record page as on a 1 MB one (no key lists are built).
 */
export type BodyShape = {
  /** The body is a JSON object (not an array, a scalar, or absent). */
  object: boolean;
  /** `key` is an own key of the root object (exact spelling, as `json.key` / `key in json` see it). */
  has(key: string): boolean;
  /** The root's `wrapper` is an object holding `key` (`meta.has_more`, `pagination.page`). */
  within(wrapper: string, key: string): boolean;
};

export type Detector = {
  name: string;
  detect(ctx: DetectContext): DetectorResult | null;
  /**
   * Lower-case header names of which at least one must be present, or detect() is certain to answer
   * null; the registry then skips it without calling it. Absent: no header gate.
   */
  headers?: readonly string[];
  /**
   * A pre-check on the body's shape: false only when detect() is certain to answer null (it must
   * mirror the detector's own first guards, exact spellings only). Absent: always run.
   */
  requires?: (body: BodyShape) => boolean;
};

export type DetectOutcome = { ok: true; detection: Detection } | { ok: false; reason: string };
