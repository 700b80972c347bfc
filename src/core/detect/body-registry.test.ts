// The convention as a test (as refined-github does for its features): every body detector file is
// registered, is one screen long, and names the docs it follows and the fixtures that test it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectors } from './detectors.ts';

const here = dirname(fileURLToPath(import.meta.url));
const BODY = [
  'vend',
  'vend-2',
  'laravel',
  'page-number',
  'uservoice',
  'stripe',
  'slack',
  'json-api',
  'hal',
  'odata',
  'google',
  'relay',
  'drf',
  'offset-limit',
  'zendesk',
  'graph-api',
  'notion',
  'algolia',
  'twitter',
  'zoom',
  'discogs',
  'dropbox',
  'reddit',
  'bitbucket',
  'confluence',
  'jira',
  'strapi',
  'generic',
];

test('every body detector is registered, before the generic catch-all', () => {
  const names = detectors.map((d) => d.name);
  for (const n of BODY) assert.ok(names.includes(n), `${n} registered`);
  assert.equal(names.indexOf('generic'), names.length - 1, 'generic runs last');
});

test('every body detector file names its docs and fixtures and stays short', () => {
  for (const n of BODY) {
    const src = readFileSync(join(here, `${n}.ts`), 'utf8');
    assert.match(src, /Docs:/, `${n}.ts names its docs`);
    assert.match(src, /Fixtures:/, `${n}.ts names its fixtures`);
    assert.ok(src.split('\n').length <= 160, `${n}.ts fits on a screen or two`);
  }
});
