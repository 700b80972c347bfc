/**
 * Diagnosing a live URL from the CLI: core's pagesFromUrl (fetch the first page, crawl, probe past
 * the end, build the pages) wired to the system clock.
 */
import { pagesFromUrl as fromUrl, type PageReader, type UrlDiagnosisInput } from '../core/diagnose/index.ts';
import type { StartRequest } from '../core/crawl/start-page.ts';
import type { HttpFetch } from '../core/ports.ts';
import { systemClock } from '../core/system-clock.ts';

/** Fetches, crawls (up to maxPages) and probes; the pages come back in the order they were fetched. */
export function pagesFromUrl(
  fetch: HttpFetch,
  request: StartRequest,
  maxPages: number,
  timeoutMs: number,
  reader?: PageReader,
): Promise<UrlDiagnosisInput> {
  return fromUrl(request, { fetch, clock: systemClock, maxPages, timeoutMs, reader });
}
