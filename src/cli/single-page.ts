/** A response without pagination is still worth exporting: its records, written as page 0. */
import type { Exchange } from '../core/exchange.ts';
import type { Checkpoint, CrawlSink, CrawlSummary } from '../core/crawl/types.ts';
import type { Clock } from '../core/ports.ts';

export async function singlePage(
  exchange: Exchange,
  records: unknown[],
  sink: CrawlSink,
  clock: Clock,
): Promise<CrawlSummary> {
  const t0 = clock.now();
  const { url, method } = exchange.request;
  const checkpoint: Checkpoint = {
    version: 1,
    startUrl: url,
    style: 'none',
    kind: 'link',
    nextIndex: 1,
    next: null,
    pages: 1,
    records: records.length,
    duplicates: 0,
    seenIds: [],
    seenUrls: [url],
    seenCursors: [],
    pageHashes: [],
    errors: 0,
    retries: 0,
  };
  await sink.writePage(
    {
      index: 0,
      request: { method, url },
      status: exchange.response.status,
      url,
      detection: null,
      recordCount: records.length,
      newRecords: records.length,
      duplicates: 0,
      fetchedAt: t0,
      elapsedMs: exchange.time ?? 0,
      headers: exchange.response.headers,
    },
    records,
    checkpoint,
  );
  return {
    pages: 1,
    records: records.length,
    duplicates: 0,
    errors: 0,
    retries: 0,
    stoppedReason: 'not-paginated',
    elapsedMs: clock.now() - t0,
    checkpoint,
  };
}
