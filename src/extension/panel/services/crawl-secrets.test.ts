import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CrawlStart } from '../../../core/crawl/types.ts';
import { missingSecrets, redactStart, restoreSecrets, withoutBlankSecrets } from './crawl-secrets.ts';

const start = {
  exchange: {
    request: {
      method: 'GET',
      url: 'https://api.example.com/items?page=1',
      headers: [
        { name: 'Authorization', value: 'Bearer T0K3N' },
        { name: 'Cookie', value: 'sid=S3SS10N' },
        { name: 'X-Api-Key', value: 'K3Y' },
        { name: 'Accept', value: 'application/json' },
      ],
    },
    response: {
      status: 200,
      headers: [
        { name: 'Set-Cookie', value: 'sid=N3W; HttpOnly' },
        { name: 'Link', value: '<https://api.example.com/items?page=2>; rel="next"' },
      ],
      mimeType: 'application/json',
      bodyText: '[]',
    },
  },
  detection: { style: 'link-header' },
} as unknown as CrawlStart;

test('what is stored holds header names, never credential values', () => {
  const { stored, secrets } = redactStart(start);
  const text = JSON.stringify(stored);
  for (const secret of ['T0K3N', 'S3SS10N', 'K3Y', 'N3W']) assert.ok(!text.includes(secret), secret);
  assert.deepEqual(
    stored.exchange.request.headers.map((h) => h.name),
    ['Authorization', 'Cookie', 'X-Api-Key', 'Accept'],
  );
  assert.equal(stored.exchange.request.headers[3].value, 'application/json');
  assert.deepEqual(
    secrets.map((h) => h.name),
    ['Authorization', 'Cookie', 'X-Api-Key'],
  );
  assert.equal(start.exchange.request.headers[0].value, 'Bearer T0K3N', 'the original is untouched');
});

test('a resume names the missing values (not Cookie: the browser sends its own) and restores given ones', () => {
  const { stored, secrets } = redactStart(start);
  const headers = stored.exchange.request.headers;
  assert.deepEqual(missingSecrets(headers), ['Authorization', 'X-Api-Key']);
  assert.deepEqual(missingSecrets(headers, secrets), []);
  assert.deepEqual(missingSecrets(headers, [{ name: 'authorization', value: 'Bearer x' }]), ['X-Api-Key']);
  const back = restoreSecrets(stored, secrets);
  assert.deepEqual(back.exchange.request.headers, start.exchange.request.headers);
  const sent = withoutBlankSecrets(restoreSecrets(stored, [{ name: 'X-Api-Key', value: 'NEW' }]));
  assert.deepEqual(
    sent.exchange.request.headers.map((h) => `${h.name}: ${h.value}`),
    ['X-Api-Key: NEW', 'Accept: application/json'],
    'blank credentials are left out, not sent empty',
  );
});
