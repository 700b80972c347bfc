/**
 * From raw exchanges (a HAR file, test fixtures) to diagnosable pages: the one place they are
 * detected (once each), then chains.ts groups and orders them like the panel's captured pages.
 */
import { detect } from '../detect/index.ts';
import type { Exchange } from '../exchange.ts';
import { chainsWithPages, type ChainPages } from './chains.ts';
import { diagnose } from './diagnose.ts';
import type { ChainMember } from './page.ts';
import type { DiagnoseOptions, DiagnosePage, Finding } from './types.ts';

export type ChainDiagnosis = ChainPages & { findings: Finding[] };

/**
 * Detects each exchange once (the panel does the same on arrival). Exchanges without an id get
 * `#<position>`, so chain nodes can name them.
 */
export function detectMembers(exchanges: readonly Exchange[]): ChainMember[] {
  return exchanges.map((exchange, i) => ({
    exchange: { ...exchange, id: exchange.id ?? `#${i}` },
    detection: detect(exchange),
  }));
}

/**
 * The pages of the exchanges' chain, detected, ordered and with their records. When the exchanges
 * hold several chains, the one with the most pages.
 */
export function pagesFromExchanges(exchanges: readonly Exchange[]): DiagnosePage[] {
  const chains = chainsWithPages(detectMembers(exchanges));
  return chains.reduce<DiagnosePage[]>((best, c) => (c.pages.length > best.length ? c.pages : best), []);
}

/** Diagnoses every chain among the exchanges (a HAR file). */
export function diagnoseExchanges(
  exchanges: readonly Exchange[],
  opts: DiagnoseOptions = {},
): ChainDiagnosis[] {
  return chainsWithPages(detectMembers(exchanges)).map(({ chain, pages }) => ({
    chain,
    pages,
    findings: diagnose(pages, opts),
  }));
}
