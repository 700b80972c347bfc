/** The traps' catalog entry (`GET /traps/catalog.json`). */
export type TrapEntry = {
  trap: string;
  title: string;
  /** Path and query of the chain's first page, relative to the origin. */
  firstPage: string;
  /** Every record the chain holds: an exactly-once crawl writes this many, none twice. */
  totalRecords: number;
  idField: string;
  /** Only for a first request that is not a plain GET (GraphQL POST). */
  request?: { method: string; headers?: Record<string, string>; body?: string };
};
