/**
 * The diagnose folder's public surface: `diagnose(pages)` runs every rule over one chain's pages.
 * The pages come from one builder (page.ts) by one of three roads: `chainsWithPages` groups and
 * orders exchanges that already carry their detection (the panel's captured items);
 * `pagesFromExchanges` / `diagnoseExchanges` detect raw exchanges once (a HAR file) and go the same
 * way; `pagesFromUrl` follows a live URL (crawl, then a probe past the end).
 * Import from here, not from the files inside.
 */
export { diagnose, hasErrors } from './diagnose.ts';
export type { DiagnosePage, Finding } from './types.ts';
export { chainsWithPages, type ChainPages } from './chains.ts';
export { pagesFromExchanges, diagnoseExchanges, detectMembers } from './from-exchanges.ts';
export { pagesFromUrl, type PageReader, type UrlDiagnosisInput } from './from-url.ts';
