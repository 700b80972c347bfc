// A page whose body is over the fetch adapter's size limit: final at once, never retried as a
// network error, with the adapter's words (CLI: code EBODYTOOLARGE; panel: BodyTooLargeError).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from './engine.ts';
import { FakeClock, fakeFetch, MemorySink } from './testing/fakes.ts';
import { linkPages, startOf } from './testing/fake-apis.ts';
import { BODY_TOO_LARGE, isBodyTooLarge, type HttpRequest } from '../ports.ts';

const tooLarge = {
  cli: () =>
    Object.assign(new Error('response body larger than 1 MiB once decoded'), { code: BODY_TOO_LARGE }),
  panel: () =>
    Object.assign(
      new Error('the response of http://api.test/items?page=2 is larger than 1 MiB once decoded'),
      {
        name: 'BodyTooLargeError',
      },
    ),
};

for (const [adapter, error] of Object.entries(tooLarge)) {
  test(`${adapter}: a too-large page 2 stops the crawl after one try, with a clear reason`, async () => {
    const clock = new FakeClock();
    const pages = linkPages(9, 3);
    const f = fakeFetch(clock, (url) => pages(url));
    const fetch = async (req: HttpRequest) => {
      if (req.url.endsWith('page=2')) {
        f.calls.push({ method: req.method, url: req.url, headers: req.headers, at: clock.now() });
        throw error();
      }
      return f.fetch(req);
    };
    const sink = new MemorySink();
    const s = await crawl(await startOf(fetch, 'http://api.test/items?page=1'), {
      fetch,
      clock,
      sink,
      retries: 3,
      random: () => 0,
    });
    assert.equal(s.stoppedReason, 'error');
    assert.equal(f.calls.filter((c) => c.url.endsWith('page=2')).length, 1, 'asked once');
    assert.deepEqual([s.errors, s.retries], [1, 0]);
    assert.match(s.detail ?? '', /larger than 1 MiB once decoded/);
    assert.match(s.detail ?? '', /http:\/\/api\.test\/items\?page=2/);
    assert.doesNotMatch(s.detail ?? '', /network error|gave up/);
    assert.equal(sink.records.length, 3, 'page 1 kept');
  });
}

test('isBodyTooLarge: by code or by name, nothing else', () => {
  assert.ok(isBodyTooLarge(tooLarge.cli()));
  assert.ok(isBodyTooLarge(tooLarge.panel()));
  assert.ok(!isBodyTooLarge(new TypeError('fetch failed: ECONNRESET')));
  assert.ok(!isBodyTooLarge(undefined));
  assert.ok(!isBodyTooLarge('EBODYTOOLARGE'));
});
