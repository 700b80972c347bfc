/**
 * The diagnose folder's public surface: `diagnose(pages)` runs every rule over one chain's pages;
 * `pagesFromExchanges` / `diagnoseExchanges` build those pages from captured exchanges first;
 * `pagesFromUrl` / `pagesFromStart` build them from a live URL (its first page fetched, a crawl, then a
 * probe past the end).
 * Import from here, not from the files inside.
 */
export { diagnose, hasErrors } from './diagnose.ts';
export type { DiagnoseOptions, DiagnosePage, Finding, FindingEvidence, Rule, Severity } from './types.ts';
export { rules } from './rules.ts';
export { pagesFromExchanges, diagnoseExchanges, type ChainDiagnosis } from './from-exchanges.ts';
export {
  pagesFromStart,
  pagesFromUrl,
  type FetchedStart,
  type PageReader,
  type PagesFromStartOptions,
  type UrlDiagnosisInput,
} from './from-url.ts';
