// The seed docs' body styles (Vend 0.x/2.0, Laravel, pageNumber paging object, UserVoice), each
// detector run alone on its doc-shaped fixtures; body-styles.test.ts runs them through detect().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vend } from './vend.ts';
import { vend2 } from './vend-2.ts';
import { laravel } from './laravel.ts';
import { pageNumber } from './page-number.ts';
import { uservoice } from './uservoice.ts';
import {
  laravelFixtures,
  pageNumberFixtures,
  uservoiceFixtures,
  vend2Fixtures,
  vendFixtures,
} from './fixtures/body-seeds.ts';
import { mismatches, runDetector, type BodyFixture } from './fixtures/body-fixture.ts';
import type { Detector } from './types.ts';

const groups: [Detector, BodyFixture[]][] = [
  [vend, vendFixtures],
  [vend2, vend2Fixtures],
  [laravel, laravelFixtures],
  [pageNumber, pageNumberFixtures],
  [uservoice, uservoiceFixtures],
];

for (const [detector, fixtures] of groups) {
  for (const f of fixtures) {
    test(`${detector.name}: ${f.name}`, () => {
      assert.deepEqual(mismatches(f, runDetector(detector, f)), []);
    });
  }
}

test('vend and uservoice do not claim each other’s pagination sections', () => {
  for (const f of uservoiceFixtures) assert.equal(runDetector(vend, f), null, f.name);
  for (const f of vendFixtures) assert.equal(runDetector(uservoice, f), null, f.name);
});

test('vend-2: a `version` that is not a min/max pair is not Vend', () => {
  assert.equal(
    runDetector(vend2, { url: 'https://x.test/a', body: { data: [{ id: 1 }], version: '2.1.0' } }),
    null,
  );
  assert.equal(
    runDetector(vend2, { url: 'https://x.test/a', body: { data: [{ id: 1 }], version: { name: 'v2' } } }),
    null,
  );
});

test('laravel: a links object of social links next to data is not a paginator', () => {
  const body = {
    data: [{ id: 1 }],
    links: { twitter: 'https://twitter.com/x', github: 'https://github.com/x' },
    meta: { generated: 'now' },
  };
  assert.equal(runDetector(laravel, { url: 'https://x.test/a', body }), null);
});

test('laravel: current_page alone beside data is not enough', () => {
  assert.equal(runDetector(laravel, { url: 'https://x.test/a', body: { current_page: 1, data: [] } }), null);
});

test('laravel: a renamed page parameter is read from the links', () => {
  const r = runDetector(laravel, {
    url: 'http://laravel.app/users?users_page=2',
    body: {
      current_page: 2,
      data: [{ id: 4 }],
      first_page_url: 'http://laravel.app/users?users_page=1',
      next_page_url: 'http://laravel.app/users?users_page=3',
      prev_page_url: 'http://laravel.app/users?users_page=1',
      last_page: 3,
      per_page: 3,
      total: 9,
      path: 'http://laravel.app/users',
    },
  });
  assert.equal(r?.params?.page, 'users_page');
});

test('page-number: a page number without hasNextPage is left to others', () => {
  assert.equal(runDetector(pageNumber, { url: 'https://x.test/a', body: { pageNumber: 2, data: [] } }), null);
  assert.equal(
    runDetector(pageNumber, { url: 'https://x.test/a', body: { pageNumber: 'two', hasNextPage: true } }),
    null,
  );
});
