import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from './args.ts';
import { parseCurl, shellWords } from './curl-args.ts';

test("bash words: single, double and $'…' quotes, escapes and line continuations", () => {
  assert.deepEqual(shellWords(`curl 'a b' "c \\"d\\" \\$e" $'f\\ng\\'h\\x41\\u00e9' i\\ j \\\n  k`), [
    'curl',
    'a b',
    'c "d" $e',
    "f\ng'hAé",
    'i j',
    'k',
  ]);
  assert.deepEqual(shellWords(`x'y'"z"$'w'`), ['xyzw'], 'adjacent quoted parts make one word');
  assert.deepEqual(shellWords(`a '' b`), ['a', '', 'b']);
  assert.throws(() => shellWords(`curl 'open`), UsageError);
  assert.throws(() => shellWords(`curl $'open`), UsageError);
});

test("Chrome's Copy as cURL (bash) of a GraphQL POST", () => {
  const copied = `curl 'https://api.example.com/graphql' \\
  -H 'accept: */*' \\
  -H 'authorization: Bearer t0k' \\
  -H 'content-type: application/json' \\
  -b 'sid=abc; theme=dark' \\
  --data-raw $'{"query":"query { items(first: 2, after: $after) { edges { node { id } } } }","variables":{"after":null},"note":"it\\'s"}' \\
  --compressed`;
  const r = parseCurl(copied);
  assert.equal(r.url, 'https://api.example.com/graphql');
  assert.deepEqual(r.headers, [
    { name: 'accept', value: '*/*' },
    { name: 'authorization', value: 'Bearer t0k' },
    { name: 'content-type', value: 'application/json' },
    { name: 'Cookie', value: 'sid=abc; theme=dark' },
  ]);
  assert.deepEqual(r.data, [
    `{"query":"query { items(first: 2, after: $after) { edges { node { id } } } }","variables":{"after":null},"note":"it's"}`,
  ]);
  assert.equal(r.method, undefined, 'curl infers POST from the data');
});

test('-X, -u, --url; unknown options and cookie files are errors, never dropped', () => {
  const r = parseCurl(`curl -X put --url http://h/x -u 'me:pw' -A agent`);
  assert.equal(r.method, 'PUT');
  assert.equal(r.url, 'http://h/x');
  assert.equal(r.user, 'me:pw');
  assert.deepEqual(r.headers, [{ name: 'User-Agent', value: 'agent' }]);
  assert.throws(() => parseCurl(`curl http://h -F a=1`), /unsupported curl option -F/);
  assert.throws(() => parseCurl(`curl http://h -b cookies.txt`), /not a file/);
  assert.throws(() => parseCurl(`curl http://h -d @body.json`), /@FILE is not supported/);
  assert.throws(() => parseCurl(`curl http://a http://b`), /more than one URL/);
});
