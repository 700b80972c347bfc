/**
 * Diagnosing a live URL from the CLI: fetch the first page (the CLI's one-line messages for network
 * and HTTP failures), then core's pagesFromStart crawls, probes past the end and builds the pages.
 */
import { pagesFromStart, type PageReader, type UrlDiagnosisInput } from '../core/diagnose/index.ts';
import type { HttpFetch } from '../core/ports.ts';
import { systemClock } from '../core/system-clock.ts';
import { fetchStart, type StartRequest } from './crawl-start.ts';

/** Fetches, crawls (up to maxPages) and probes; the pages come back in the order they were fetched. */
export async function pagesFromUrl(
  fetch: HttpFetch,
  request: StartRequest,
  maxPages: number,
  timeoutMs: number,
  reader?: PageReader,
): Promise<UrlDiagnosisInput> {
  const start = await fetchStart(fetch, request, timeoutMs);
  if (!start.ok) return { ok: false, message: start.message };
  return pagesFromStart(start, { url: request.url, fetch, clock: systemClock, maxPages, timeoutMs, reader });
}
