/**
 * What a crawl found, as a diagnostics finding. The crawl's loop guard stops on a page that repeats
 * an earlier one; that repeated page is never stored, so the rules (which read stored pages) cannot
 * see it. The crawl's own verdict is evidence all the same: the chain's Diagnostics must not say
 * "no findings" while its crawl says "stopped · loop". Pure and unit-tested.
 */
import { normalizeUrl } from '../../../core/chain/key.ts';
import type { StoppedReason } from '../../../core/crawl/types.ts';
import type { Finding } from '../../../core/diagnose/types.ts';

/** The parts of a stored dataset (a crawl) this reads. */
export type CrawlOutcomeLike = {
  source: { method: string; url: string };
  startedAt: number;
  status: string;
  stoppedReason?: StoppedReason;
  detail?: string;
  pages: number;
};

/** The URLs a crawl detail names (`page 4 (URL) repeats …`): they mark the chain's nodes. */
function urlsIn(detail: string): string[] {
  return [...new Set([...detail.matchAll(/\bhttps?:\/\/[^\s()]+/g)].map((m) => m[0].replace(/[:,.]$/, '')))];
}

/** The crawl's stop as a finding, or null when the crawl ended in a way that says nothing about the API. */
export function crawlFinding(ds: CrawlOutcomeLike): Finding | null {
  const detail = ds.detail ?? '';
  // Pages go as text, not `evidence.pages`: those index the diagnosed pages, and the crawl counts its own.
  const urls = urlsIn(detail);
  const evidence = { values: { 'pages crawled': ds.pages }, ...(urls.length ? { urls } : {}) };
  if (ds.stoppedReason === 'loop') {
    return {
      rule: 'crawl-loop',
      severity: 'error',
      message: `The crawl stopped on a loop after ${ds.pages} ${ds.pages === 1 ? 'page' : 'pages'}: ${detail || 'a page repeated an earlier one'}. The API sends a page it already sent instead of ending the chain, so a client that follows it never stops on its own.`,
      evidence,
      fix: 'Past the last page, return an empty list (or an error) with no next link and hasMore false; never serve the last page again, and never link back to an earlier page or cursor.',
    };
  }
  if (ds.stoppedReason === 'error') {
    return {
      rule: 'crawl-error',
      severity: 'warning',
      message: `The crawl stopped on an error after ${ds.pages} ${ds.pages === 1 ? 'page' : 'pages'}: ${detail || 'a page could not be fetched'}. Pages after it were not read.`,
      evidence,
      fix: 'Check that every page the API links to answers 200 with JSON (a failing page in the middle of a chain loses every page after it); resume the crawl from the Datasets tab once it does.',
    };
  }
  return null;
}

/**
 * The newest crawl that started from one of the chain's pages (`memberUrls`, method + URL), as a
 * finding; null when there is none or it ended cleanly.
 */
export function chainCrawlFinding(
  datasets: readonly CrawlOutcomeLike[],
  members: readonly { method: string; url: string }[],
): Finding | null {
  if (!members.length || !datasets.length) return null;
  const keys = new Set(members.map((m) => `${m.method.toUpperCase()} ${normalizeUrl(m.url)}`));
  let latest: CrawlOutcomeLike | undefined;
  for (const ds of datasets) {
    if (!keys.has(`${ds.source.method.toUpperCase()} ${normalizeUrl(ds.source.url)}`)) continue;
    if (!latest || ds.startedAt > latest.startedAt) latest = ds;
  }
  return latest && latest.status !== 'running' ? crawlFinding(latest) : null;
}
