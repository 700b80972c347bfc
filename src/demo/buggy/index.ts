/**
 * The buggy section (`/buggy/...`): small, bounded chains that each show one pagination bug, listed in
 * `GET /buggy/catalog.json` for the diagnostics tests and the demo page.
 */
import type { Route } from '../http.ts';
import { linkChains } from './links.ts';
import type { BuggyEntry } from './shared.ts';
import { shiftingChains } from './shifting.ts';
import { totalsChains } from './totals.ts';

export type { BuggyEntry } from './shared.ts';

const chains = [...shiftingChains, ...totalsChains, ...linkChains];

export const buggyCatalog: BuggyEntry[] = chains.map(({ bug, firstPage, description, kind }) => ({
  bug,
  firstPage,
  description,
  kind,
}));

export const buggyRoutes: Map<string, Route> = new Map(chains.map((c) => [c.route.path, c.route]));
