import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphqlOperation, replayVerdict } from './replay-policy.ts';

const U = 'https://api.example.com';

test('GET and HEAD are crawled freely', () => {
  assert.equal(replayVerdict({ method: 'GET', url: `${U}/items` }).verdict, 'ok');
  assert.equal(replayVerdict({ method: 'head', url: `${U}/items` }).verdict, 'ok');
});

test('PUT, PATCH and DELETE are never crawled, and the reason says why', () => {
  for (const method of ['PUT', 'PATCH', 'DELETE']) {
    const v = replayVerdict({ method, url: `${U}/bulk?page=1`, body: '{"ids":"all"}' });
    assert.equal(v.verdict, 'refuse', method);
    assert.match(v.verdict === 'refuse' ? v.reason : '', /change data on the server/);
  }
  assert.equal(replayVerdict({ method: 'OPTIONS', url: `${U}/x` }).verdict, 'refuse');
});

test('POST: GraphQL queries and search/query endpoints after a confirmation; mutations and others never', () => {
  const gql = (query: string) =>
    replayVerdict({ method: 'POST', url: `${U}/graphql`, body: JSON.stringify({ query }) });
  assert.equal(gql('query Items($after: String) { items(after: $after) { id } }').verdict, 'confirm');
  assert.equal(gql('{ items { id } }').verdict, 'confirm');
  assert.equal(gql('# a comment\n query { a }').verdict, 'confirm');
  assert.equal(gql('mutation { deleteAll { ok } }').verdict, 'refuse');
  assert.equal(gql('query A { a } mutation B { wipe }').verdict, 'refuse', 'any write in the document');
  assert.equal(gql('subscription { ticks }').verdict, 'refuse');
  assert.equal(
    replayVerdict({ method: 'POST', url: `${U}/v1/search`, body: '{"q":"x"}' }).verdict,
    'confirm',
  );
  assert.equal(replayVerdict({ method: 'POST', url: `${U}/idx/_search`, body: '{}' }).verdict, 'confirm');
  assert.equal(replayVerdict({ method: 'POST', url: `${U}/v1/databases/abc/query` }).verdict, 'confirm');
  assert.equal(
    replayVerdict({ method: 'POST', url: `${U}/1/indexes/x/anything` }, 'algolia').verdict,
    'confirm',
  );
  assert.equal(replayVerdict({ method: 'POST', url: `${U}/orders`, body: '{"page":1}' }).verdict, 'refuse');
  assert.equal(replayVerdict({ method: 'POST', url: `${U}/bulk-delete?page=1` }).verdict, 'refuse');
  assert.equal(graphqlOperation('fragment F on X { a } query Q { ...F }'), 'query');
});
