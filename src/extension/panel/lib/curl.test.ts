import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { buildCurl, shellQuote } from './curl.ts';

/** What bash actually passes to curl: the command run with `curl` replaced by an argv printer. */
function argvOf(command: string): string[] {
  const script = `argv() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command.replace(/^curl /, 'argv ')}`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\0').slice(0, -1);
}

test('shellQuote round-trips hostile and odd strings through bash', () => {
  const samples = [
    'plain',
    "it's",
    `a "double" $HOME \`whoami\` $(id) !event`,
    "'; rm -rf / #",
    'line1\nline2\r\n\ttab',
    'back\\slash \\n not-a-newline',
    'ünïcödé ✓ 日本',
    '',
    '\x01\x7f',
  ];
  for (const s of samples) assert.deepEqual(argvOf(`curl ${shellQuote(s)}`), [s], JSON.stringify(s));
});

test('a GET with headers: no -X, every header, --compressed for accept-encoding', () => {
  const cmd = buildCurl({
    request: {
      method: 'GET',
      url: "https://api.test/items?q=it's&page=2",
      headers: [
        { name: ':authority', value: 'api.test' },
        { name: 'Accept', value: 'application/json' },
        { name: 'Authorization', value: "Bearer a'b" },
        { name: 'accept-encoding', value: 'gzip' },
      ],
    },
  });
  assert.deepEqual(argvOf(cmd), [
    "https://api.test/items?q=it's&page=2",
    '-H',
    'Accept: application/json',
    '-H',
    "Authorization: Bearer a'b",
    '-H',
    'accept-encoding: gzip',
    '--compressed',
  ]);
  assert.ok(cmd.includes(' \\\n  -H '), 'one option per line');
});

test('a POST with a body uses --data-raw and adds the body type when no header says it', () => {
  const cmd = buildCurl({
    request: {
      method: 'POST',
      url: 'https://api.test/graphql',
      headers: [{ name: 'Content-Length', value: '99' }],
      postData: { mimeType: 'application/json', text: '{"query":"{ a }","v":"x\'y\\n"}' },
    },
  });
  assert.deepEqual(argvOf(cmd), [
    'https://api.test/graphql',
    '-H',
    'content-type: application/json',
    '--data-raw',
    '{"query":"{ a }","v":"x\'y\\n"}',
  ]);
});

test('other methods say -X', () => {
  assert.deepEqual(
    argvOf(buildCurl({ request: { method: 'delete', url: 'http://x.test/1', headers: [] } })),
    ['http://x.test/1', '-X', 'DELETE'],
  );
  const put = buildCurl({
    request: { method: 'PUT', url: 'http://x.test/1', headers: [], postData: { text: 'a' } },
  });
  assert.deepEqual(argvOf(put), ['http://x.test/1', '-X', 'PUT', '--data-raw', 'a']);
});
