import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { shellQuote } from './shell-quote.ts';

/** What bash passes as arguments for `words`, in a given locale (byte-exact, as UTF-8). */
function argvOf(words: string, locale = 'C.UTF-8'): string[] {
  const script = `for a in ${words}; do printf '%s\\0' "$a"; done`;
  const r = spawnSync('bash', ['-c', script], { env: { ...process.env, LC_ALL: locale } });
  assert.equal(r.status, 0, r.stderr.toString());
  return r.stdout.toString('utf8').split('\0').slice(0, -1);
}

const HOSTILE = [
  'plain',
  '',
  "it's",
  "''",
  "'; rm -rf / #",
  `a "double" $HOME \`whoami\` $(id) \${x} !event !! ^a^b`,
  '*?[a] ~root {a,b} <in >out | & ; ( )',
  'line1\nline2\r\n\ttab',
  'back\\slash \\n not-a-newline \\',
  "it's\nnew!",
  'esc \x1b[31mred\x1b[0m bell\x07 del\x7f',
  'c1 \u0085 \u009b',
  'bidi \u202e reversed \u2066 zero\u200bwidth',
  'sep \u2028 \u2029',
  'ünïcödé ✓ 日本 😀',
  '-n',
  '=ls',
  '--out=x',
];

test('every word, hostile or not, reads back exactly through bash, quoted or bare', () => {
  for (const bare of [false, true]) {
    const quoted = HOSTILE.map((s) => shellQuote(s, { bare }));
    assert.deepEqual(argvOf(quoted.join(' ')), HOSTILE, `bare: ${bare}`);
    // $'…' escapes are bytes, so a C-locale shell builds the same UTF-8 argument.
    assert.deepEqual(argvOf(quoted.join(' '), 'C'), HOSTILE, `bare: ${bare}, C locale`);
  }
});

test("single quotes normally; $'…' with escapes when the text holds controls or format characters", () => {
  assert.equal(shellQuote('plain'), "'plain'");
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
  assert.equal(shellQuote('a\nb'), "$'a\\nb'");
  assert.equal(shellQuote("x'!\x1b"), "$'x\\x27\\x21\\x1B'");
  assert.equal(shellQuote('\u202e'), "$'\\xE2\\x80\\xAE'");
  assert.equal(shellQuote('\u0085'), "$'\\xC2\\x85'");
});

test("the shown command carries no raw control, format or quote character inside $'…'", () => {
  for (const s of HOSTILE) {
    const q = shellQuote(s);
    assert.doesNotMatch(q, /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u, JSON.stringify(s));
    if (q.startsWith("$'")) assert.doesNotMatch(q.slice(2, -1), /['!]/, JSON.stringify(s));
  }
});

test('bare leaves plain words alone and quotes anything else (a leading = too, for zsh)', () => {
  for (const w of ['page.json', 'https://a.test/x', 'a,b:c@d%e+f=g', '-n', '/tmp/out-1'])
    assert.equal(shellQuote(w, { bare: true }), w);
  for (const w of ['', '=ls', 'a b', 'x?y', '~', '$HOME', 'a\nb'])
    assert.notEqual(shellQuote(w, { bare: true }), w, JSON.stringify(w));
});
