/** The buggy section: small chains that each show one pagination bug, for diagnostics tests. */
import type { Route } from '../http.ts';

export type BuggyEntry = { bug: string; firstPage: string; description: string };

export const buggyCatalog: BuggyEntry[] = [];
export const buggyRoutes: Map<string, Route> = new Map();
