/**
 * The traps section (`/traps/...`): APIs that behave as real ones do where a crawler's guesses and
 * the API's own words part ways (snapshot tokens on next links, a page that moves to another path,
 * ragged Vend 2.0 cursor pages, Relay over GET, GraphQL over POST). Listed in
 * `GET /traps/catalog.json` with the record count an exactly-once crawl must reach.
 */
import type { Route } from '../http.ts';
import { cursorRoutes, cursorTraps } from './cursors.ts';
import { numberedRoutes, numberedTraps } from './numbered.ts';

export type { TrapEntry } from './shared.ts';

export const trapCatalog = [...numberedTraps, ...cursorTraps];

export const trapRoutes: Map<string, Route> = new Map(
  [...numberedRoutes, ...cursorRoutes].map((r) => [r.path, r]),
);
