import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chainCrawlFinding, crawlFinding, type CrawlOutcomeLike } from './crawl-findings.ts';

const loop: CrawlOutcomeLike = {
  source: { method: 'GET', url: 'http://api.test/items?page=1' },
  startedAt: 10,
  status: 'stopped',
  stoppedReason: 'loop',
  detail: 'page 4 (http://api.test/items?page=4) repeats the records of page 3',
  pages: 3,
};

test('a crawl stopped on a loop is an error finding that quotes what the crawl saw', () => {
  const f = crawlFinding(loop)!;
  assert.equal(f.rule, 'crawl-loop');
  assert.equal(f.severity, 'error');
  assert.match(
    f.message,
    /stopped on a loop after 3 pages: page 4 \(http:\/\/api.test\/items\?page=4\) repeats the records of page 3/,
  );
  assert.deepEqual(f.evidence.urls, ['http://api.test/items?page=4']);
  assert.deepEqual(f.evidence.values, { 'pages crawled': 3 });
  assert.equal(f.evidence.pages, undefined, 'crawl page numbers do not index the diagnosed pages');
  assert.match(f.fix, /empty list/);
});

test('an error stop is a warning; clean or user-made stops are not findings', () => {
  const err = crawlFinding({
    ...loop,
    stoppedReason: 'error',
    detail: 'HTTP 500 on http://api.test/items?page=5',
  });
  assert.equal(err?.rule, 'crawl-error');
  assert.equal(err?.severity, 'warning');
  assert.deepEqual(err?.evidence.urls, ['http://api.test/items?page=5']);
  for (const r of ['done', 'aborted', 'max-pages', 'max-records', 'not-paginated'] as const)
    assert.equal(crawlFinding({ ...loop, stoppedReason: r }), null, r);
  assert.equal(crawlFinding({ ...loop, stoppedReason: undefined }), null);
});

test("a chain's finding comes from the newest crawl started from one of its pages", () => {
  const members = [
    { method: 'GET', url: 'http://api.test/items?page=1' },
    { method: 'GET', url: 'http://api.test/items?page=2' },
  ];
  const clean = { ...loop, startedAt: 20, stoppedReason: 'done' as const, status: 'done' };
  // Query order and a fragment do not matter; another endpoint's loop is not this chain's.
  const other = { ...loop, startedAt: 30, source: { method: 'GET', url: 'http://api.test/other?page=1' } };
  assert.equal(chainCrawlFinding([loop], members)?.rule, 'crawl-loop');
  assert.equal(chainCrawlFinding([loop, clean, other], members), null, 'a newer clean crawl supersedes it');
  assert.equal(chainCrawlFinding([clean, { ...loop, startedAt: 40 }], members)?.rule, 'crawl-loop');
  assert.equal(chainCrawlFinding([other], members), null);
  assert.equal(
    chainCrawlFinding(
      [{ ...loop, source: { method: 'get', url: 'http://api.test/items?page=2#x' } }],
      members,
    )?.rule,
    'crawl-loop',
  );
  assert.equal(
    chainCrawlFinding([{ ...loop, source: { method: 'POST', url: members[0].url } }], members),
    null,
  );
  assert.equal(chainCrawlFinding([{ ...loop, status: 'running' }], members), null, 'still running');
  assert.equal(chainCrawlFinding([], members), null);
});
