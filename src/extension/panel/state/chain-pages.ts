/**
 * Crawled pages as the chain state takes them, and how they join the captured pages for diagnose():
 * captured pages first (in chain order), then crawled pages in crawl order, one page per URL.
 */
import { normalizeUrl } from '../../../core/chain/key.ts';
import type { ChainCrawledPage } from '../../../core/chain/build.ts';
import type { DiagnosePage } from '../../../core/diagnose/types.ts';

/** A page the crawler fetched: what markCrawled reads, plus what diagnose() needs when known. */
export type PanelCrawledPage = ChainCrawledPage & {
  /** 0-based crawl order (the start page is 0). */
  index: number;
  status?: number;
  /**
   * Every record on the page, duplicates included. Absent when only a deduplicated copy exists (the
   * IndexedDB store keeps each record once): such a page turns its node `crawled` but is not diagnosed,
   * since a page missing its repeats would look short to the rules.
   */
  records?: unknown[];
};

/**
 * The pages diagnose() reads: `seen` as given, then crawled pages not already seen, in crawl order,
 * up to the first one without its full records (rules compare neighbours, so the run stays contiguous).
 */
export function mergeCrawledPages(
  seen: readonly DiagnosePage[],
  crawled: readonly PanelCrawledPage[],
): DiagnosePage[] {
  const out = [...seen];
  const urls = new Set(seen.flatMap((p) => [normalizeUrl(p.url), normalizeUrl(p.requestUrl ?? p.url)]));
  for (const p of [...crawled].sort((a, b) => a.index - b.index)) {
    const asked = p.request?.url ?? p.url;
    if (urls.has(normalizeUrl(asked)) || urls.has(normalizeUrl(p.url))) continue;
    if (!p.records) break;
    urls.add(normalizeUrl(asked));
    const page: DiagnosePage = {
      index: out.length,
      url: p.url,
      status: p.status ?? 200,
      detection: p.detection,
      records: p.records,
    };
    if (asked !== p.url) page.requestUrl = asked;
    out.push(page);
  }
  return out;
}
