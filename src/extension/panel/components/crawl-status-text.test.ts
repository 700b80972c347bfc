import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CrawlSummary } from '../../../core/crawl/types.ts';
import type { CrawlServices } from '../services/crawl-service.ts';
import { createPanelCrawlState } from '../state/crawl-state.ts';
import { crawlStatusText } from './crawl-status.tsx';

const summary = (stoppedReason: string, detail?: string) =>
  ({
    stoppedReason,
    pages: 3,
    records: 30,
    duplicates: 0,
    ...(detail ? { detail } : {}),
  }) as unknown as CrawlSummary;

test('the crawl status in words: paused by you, cancelled by you, done and why, stopped and why', () => {
  const crawl = createPanelCrawlState({} as CrawlServices);
  crawl.phase.value = 'paused';
  crawl.summary.value = summary('aborted', 'aborted before http://api.test/items?page=4');
  assert.equal(crawlStatusText(crawl), 'paused by you');

  crawl.phase.value = 'stopped';
  crawl.cancelledByUser.value = true;
  assert.equal(crawlStatusText(crawl), 'cancelled by you');

  crawl.cancelledByUser.value = false;
  crawl.phase.value = 'done';
  crawl.summary.value = summary('done');
  assert.equal(crawlStatusText(crawl), 'done · no more pages');
  crawl.summary.value = summary('done', 'hasMore is false at page 5 (http://api.test/items?page=5)');
  assert.equal(crawlStatusText(crawl), 'done · hasMore is false at page 5 (http://api.test/items?page=5)');

  crawl.phase.value = 'stopped';
  crawl.summary.value = summary('loop', 'page 4 repeats the records of page 3');
  assert.equal(crawlStatusText(crawl), 'stopped · loop · page 4 repeats the records of page 3');

  crawl.phase.value = 'waiting';
  crawl.waitingFor.value = 'http://127.0.0.1:8787';
  assert.equal(
    crawlStatusText(crawl),
    "Waiting for access to http://127.0.0.1:8787 — answer the browser's prompt",
  );
});
