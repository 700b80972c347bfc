import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiNamePart, exportFileName } from './datasets-state.ts';

const at = Date.UTC(2026, 11, 6, 14, 21, 40);

test('an export file name names the API (host and path), then the style and the start time', () => {
  const ds = {
    style: 'vanilla',
    startedAt: at,
    source: { url: 'http://127.0.0.1:8787/api/v2/discussions?page=1&limit=30' },
  };
  assert.equal(
    exportFileName(ds, 'ndjson'),
    'pagescope-127.0.0.1-8787-api-v2-discussions-vanilla-2026-12-06T14-21-40.ndjson',
  );
  assert.equal(
    exportFileName({ ...ds, source: { url: 'https://api.hubspot.com/crm/v3/objects/contacts' } }, 'csv'),
    'pagescope-api.hubspot.com-crm-v3-objects-contacts-vanilla-2026-12-06T14-21-40.csv',
  );
});

test('the API part is safe on every file system: no separators, no leading dot, bounded length', () => {
  for (const url of [
    'http://h.test/..%2F..%2Fetc/passwd',
    'http://h.test/a:b*c?d|e"f<g>h\\i',
    'http://h.test/' + 'x/'.repeat(200),
    'http://h.test/%00%0a/…/日本',
  ]) {
    const name = apiNamePart(url);
    assert.match(name, /^[a-z0-9][a-z0-9.-]*$/i, url);
    assert.ok(name.length <= 80, url);
    assert.ok(!name.includes('..'), url);
  }
  assert.equal(apiNamePart('not a url'), 'api');
  assert.equal(apiNamePart('http://h.test/'), 'h.test');
});

test('a dataset without a source URL still gets a name (the style alone)', () => {
  assert.equal(
    exportFileName({ style: 'cursor/x', startedAt: at }, 'json'),
    'pagescope-cursor-x-2026-12-06T14-21-40.json',
  );
});
