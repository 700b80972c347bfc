import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliCommand, unanalysedActions, unanalysedWhy } from './unanalysed.ts';

const limits = { autoLimit: 8 * 1024 * 1024, maxBody: 64 * 1024 * 1024 };
const res = (bodyText: string | null, mimeType = 'application/json', status = 200) => ({
  response: { bodyText, mimeType, status },
});

test('each reason says why in words, with the size and the limit that applied', () => {
  assert.equal(
    unanalysedWhy({ reason: 'no-content', size: 20 * 1024 * 1024 }, res(null), limits),
    'Not analysed: body unavailable — DevTools kept no body for this response (20.0 MB; Chrome keeps bodies up to about 10 MB). Fetch it with the CLI instead.',
  );
  assert.match(
    unanalysedWhy({ reason: 'too-large', size: 9 * 1024 * 1024 }, res('{}'), limits),
    /too large for the panel \(9\.0 MB; the panel analyses bodies up to 8\.0 MB by itself\)\. “Analyse anyway” reads it \(up to 64\.0 MB\)/,
  );
  assert.match(
    unanalysedWhy({ reason: 'too-large', size: 90 * 1024 * 1024 }, res(null), limits),
    /Over 64\.0 MB: use the CLI\.$/,
  );
  assert.match(
    unanalysedWhy({ reason: 'not-json' }, res('<p>', 'text/html'), limits),
    /not JSON \(text\/html/,
  );
  assert.match(unanalysedWhy({ reason: 'not-json' }, res('x', ''), limits), /no content type/);
  assert.match(unanalysedWhy({ reason: 'empty' }, res('', '', 204), limits), /empty body \(status 204\)/);
});

test('actions: analyse anyway only for a too-large body the panel kept; the CLI when the panel cannot read it', () => {
  assert.deepEqual(unanalysedActions({ reason: 'too-large' }, true), ['analyse', 'cli']);
  assert.deepEqual(unanalysedActions({ reason: 'too-large' }, false), ['cli']);
  assert.deepEqual(unanalysedActions({ reason: 'no-content' }, false), ['cli']);
  assert.deepEqual(unanalysedActions({ reason: 'no-content' }, false, true), ['fetch', 'cli']);
  assert.deepEqual(unanalysedActions({ reason: 'not-json' }, true), []);
  assert.deepEqual(unanalysedActions({ reason: 'empty' }, false), []);
});

test('the CLI command quotes the URL for the shell; a hostile URL stays one argument', () => {
  assert.equal(
    cliCommand({ method: 'GET', url: 'http://a.test/big?page=1&x=2' }),
    "npx pagescope crawl 'http://a.test/big?page=1&x=2' --out records.ndjson",
  );
  assert.equal(
    cliCommand({ method: 'get', url: "http://a.test/it's;rm -rf ~" }),
    "npx pagescope crawl 'http://a.test/it'\\''s;rm -rf ~' --out records.ndjson",
  );
  assert.match(
    cliCommand({ method: 'POST', url: 'http://a.test/q' }),
    /# the page was a POST: the CLI crawls GET$/,
  );
});
