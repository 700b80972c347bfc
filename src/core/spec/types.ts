/**
 * The pagination spec: one versioned, plain-JSON document holding everything a crawl needs and
 * nothing secret — the request, where the records are, how the next request is made, when the chain
 * ends and which field identifies a record. Detection produces it, the user may edit it, the crawl
 * engine runs from it, and the dlt / Airbyte / command-line exports are written from it.
 * JSON Schema: docs/spec.schema.json.
 */

/** The spec format's version; a document with another version is refused, not guessed at. */
export const SPEC_VERSION = 1;

/**
 * A place in a JSON body, dotted: `meta.next_cursor`, `data.repository.issues.edges.*.node`; `.` is
 * the root. `*` maps over an array. A key that itself holds dots (`@odata.nextLink`) is found as is.
 */
export type SpecPath = string;

/** Where a value is read from a response. */
export type ValueSource =
  | { in: 'body'; path: SpecPath }
  | { in: 'header'; name: string }
  /** A field of the page's last record (Stripe's `starting_after=<last id>`). */
  | { in: 'last-record'; path: SpecPath };

/** How the next request is made. */
export type NextRule =
  /** RFC 8288 `Link` header, `rel="next"`. */
  | { type: 'link-header' }
  /** The next page's URL, read from a body path or a header (absolute or relative to the request). */
  | { type: 'next-url'; from: ValueSource }
  /**
   * A cursor read from the response and sent back: as query parameter `param` (`in: 'query'`), or
   * at the dotted path `param` of the JSON request body (`in: 'body'`, e.g. `variables.after`).
   */
  | { type: 'cursor'; from: ValueSource; param: string; in: 'query' | 'body' }
  /** Page numbers in parameter `param` (query, or a body path with `in: 'body'`), the first being `start`. */
  | { type: 'page'; param: string; start: number; in?: 'query' | 'body' }
  /** Offsets in parameter `param`, stepping by the page size. */
  | { type: 'offset'; param: string; in?: 'query' | 'body' }
  /** One page only. */
  | { type: 'none' };

/** When the chain ends, besides the next rule finding nothing. */
export type EndRules = {
  /**
   * A boolean that says whether more pages follow (`has_more`, `pageInfo.hasNextPage`); a path
   * starting with `!` names one that says the opposite (`!isLastPage`).
   */
  hasMore?: SpecPath;
  /** The total number of records (a header's `Content-Range: 0-24/237` total counts). */
  totalRecords?: ValueSource;
  /** The total number of pages. */
  totalPages?: ValueSource;
  /** An empty page ends the chain. */
  emptyPage: boolean;
  /** A page shorter than the page size ends the chain. */
  shortPage: boolean;
};

export type SpecRequest = {
  method: string;
  url: string;
  /** Headers sent with every request that are not secrets (`Accept`, `Prefer: count=exact`). */
  headers?: { name: string; value: string }[];
  /** Names of secret headers the user must supply (`-H`): Authorization, Cookie, API keys. Never values. */
  supply?: string[];
  /** The request body (POST), as sent. */
  body?: string;
};

export type PaginationSpec = {
  version: typeof SPEC_VERSION;
  request: SpecRequest;
  /** Where the records are. */
  records: SpecPath;
  /** The record field that identifies a record, for de-duplication. */
  recordId?: SpecPath;
  /**
   * The page size (`value`, as page 1 was served), the query parameter that asks for it, and
   * `request`: a size to ask for from page 2 on (fewer requests), set on each next request built from
   * a cursor or an offset, or on a next link that carries the parameter. Not for page numbers (page 2
   * at another size would skip records).
   */
  pageSize?: { param?: string; value?: number; request?: number };
  next: NextRule;
  end: EndRules;
};

/** Replacements for parts of a spec: the override flags of the CLI and the panel's Edit form. */
export type SpecOverrides = {
  records?: SpecPath;
  nextLink?: boolean;
  nextUrl?: SpecPath;
  nextHeader?: string;
  cursor?: SpecPath;
  cursorParam?: string;
  cursorIn?: 'query' | 'body';
  pageParam?: string;
  pageStart?: number;
  offsetParam?: string;
  limitParam?: string;
  /** Ask for this many records per page from page 2 on (`pageSize.request`). */
  pageSize?: number;
  hasMore?: SpecPath;
  total?: SpecPath;
  totalPages?: SpecPath;
};
