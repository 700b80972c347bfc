/** Shapes of the pagination diagnostics: the pages they read and the findings they report. Plain data. */
import type { Detection, PageParams } from '../detect/types.ts';

export type Severity = 'error' | 'warning' | 'info';

/** One fetched page of a chain, in chain order. */
export type DiagnosePage = {
  /** 0-based position in the chain (the crawl's page index). */
  index: number;
  /** The final URL (after redirects). */
  url: string;
  status: number;
  detection: Detection | null;
  /** The page's records, as the detection's recordsPath found them. */
  records: unknown[];
  /** The URL that was asked for, when it differs from `url`. */
  requestUrl?: string;
  /** The page's pagination links as the API wrote them (relative or absolute), when the response was at hand. */
  rawLinks?: string[];
  /**
   * The Link header's rel="next", resolved, when the response has one: detectors that read the end
   * from page counts drop a next link printed on the last page, but clients following Link do not.
   */
  rawNext?: string;
  /** Fetched only to see what the API does past the end (not part of the chain the API offered). */
  probe?: boolean;
  /**
   * What the crawl noted about the chain from here (e.g. "links and page numbers disagreed at
   * page 3: …"): read by the links-over-numbers rule, reported as info.
   */
  notes?: string[];
};

export type FindingEvidence = {
  /** Pages involved, as 1-based positions in chain order (index + 1). */
  pages?: number[];
  urls?: string[];
  /** Record ids involved (a sample when there are many). */
  ids?: string[];
  values?: Record<string, string | number>;
};

export type Finding = {
  /** The rule's id, e.g. `duplicate-records`. */
  rule: string;
  severity: Severity;
  /** One sentence a developer understands without knowing Pagescope. */
  message: string;
  evidence: FindingEvidence;
  /** What to change in the API (or the client) to fix it. */
  fix: string;
};

export type DiagnoseOptions = {
  /** The record id field; inferred from the records when absent (`id`, `uuid`, …). */
  idKey?: string;
  /**
   * Whether the pages are the whole chain (first to last). Inferred when absent: the first page is the
   * chain's first and the last fetched page says there is no next. Totals are compared only then.
   */
  complete?: boolean;
};

/** Facts about one page that several rules need, computed once. */
export type PageFacts = {
  page: DiagnosePage;
  /** 1-based position in the chain. */
  n: number;
  /** `page 3`, `offset 40` or `page #3`: how messages name the page. */
  name: string;
  /** The URL that was asked for. */
  url: string;
  /** 2xx with a JSON body that was read. */
  ok: boolean;
  /** Record keys (`recordKey` form); undefined entries for records without an id. */
  keys: (string | undefined)[];
  /** Position (n) of an earlier page with exactly the same non-empty records, if any. */
  repeatOf?: number;
  /** Part of the chain the API offered: not a probe, or a probe of the very page the one before offered. */
  inChain: boolean;
};

export type DiagnoseContext = {
  pages: PageFacts[];
  idKey?: string;
  complete: boolean;
  /** Some page says empty or short pages do not end the chain (Vanilla): sizes and emptiness prove nothing. */
  shortPagesAllowed: boolean;
  /** First page number (0 for Spring-style APIs). */
  pageBase: number;
  /** The chain's pagination parameters: for each role, the name most pages agree on. */
  params: PageParams;
};

export type Rule = {
  id: string;
  /** What the rule looks for, one line (listed by `--help` and docs). */
  description: string;
  check(ctx: DiagnoseContext): Finding[];
};
