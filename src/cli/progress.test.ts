import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { CrawlProgress } from '../core/crawl/types.ts';
import { createProgressBar, formatProgress } from './progress.ts';

const p = (over: Partial<CrawlProgress> = {}): CrawlProgress => ({
  pages: 50,
  records: 1000,
  duplicates: 0,
  retries: 0,
  errors: 0,
  ratePerSec: 25,
  lastUrl: 'http://x',
  ...over,
});

test('formats pages of total, records, rate and ETA', () => {
  const line = formatProgress(p({ totalPages: 200, etaMs: 6000, retries: 2 }), 120);
  assert.equal(line, '[#####...............] 50/200 pages · 1000 records · 25 pages/s · ETA 6s · 2 retries');
  assert.equal(formatProgress(p({ ratePerSec: 0 })), '50 pages · 1000 records');
  assert.match(formatProgress(p({ totalPages: 10, pages: 10, etaMs: 3_700_000 })), /ETA 1h01m/);
  assert.ok(formatProgress(p({ totalPages: 200 }), 30).length <= 29);
});

test('draws only on a TTY, throttled, and clears the line when done', () => {
  const plain = new PassThrough();
  let plainText = '';
  plain.on('data', (c) => (plainText += c));
  const none = createProgressBar(plain);
  none.update(p());
  none.done();
  assert.equal(plainText, '');

  const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
  const chunks: string[] = [];
  tty.on('data', (c) => chunks.push(String(c)));
  let t = 0;
  const bar = createProgressBar(tty, { now: () => t });
  bar.update(p({ pages: 1 }));
  t = 50;
  bar.update(p({ pages: 2 }));
  t = 150;
  bar.update(p({ pages: 3 }));
  bar.done();
  assert.equal(chunks.length, 3);
  assert.match(chunks[0], /^\r\x1b\[2K1 page · /);
  assert.match(chunks[1], /3 pages/);
  assert.equal(chunks[2], '\r\x1b[2K');
});

test('singular counts, whole parts only (no dangling separator), 0 columns read as 80', () => {
  assert.equal(formatProgress(p({ pages: 1, records: 1, ratePerSec: 0 })), '1 page · 1 record');
  assert.equal(
    formatProgress(p({ retries: 1, errors: 1, ratePerSec: 0 })),
    '50 pages · 1000 records · 1 retry · 1 error',
  );
  for (let cols = 11; cols < 60; cols++) {
    const line = formatProgress(p({ totalPages: 200, etaMs: 6000 }), cols);
    assert.ok(line.length <= cols - 1, `${cols}: ${line}`);
    assert.ok(!/[·\s]$/.test(line), `${cols}: ${JSON.stringify(line)}`);
  }
  const full = formatProgress(p({ totalPages: 200, etaMs: 6000 }), 80);
  assert.equal(formatProgress(p({ totalPages: 200, etaMs: 6000 }), 0), full);
  const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 0 });
  let drawn = '';
  tty.on('data', (c) => (drawn += c));
  createProgressBar(tty, { now: () => 0 }).update(p({ totalPages: 200, etaMs: 6000 }));
  assert.equal(drawn, `\r\x1b[2K${full}`);
});
