import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs, UsageError, type ArgSpec } from './args.ts';
import { REQUEST_ARGS } from './request-flags.ts';
import { SPEC_ARGS } from './spec-flags.ts';

const SPEC: ArgSpec = {
  values: [...REQUEST_ARGS.values, '--out', '--max-pages', ...SPEC_ARGS.values],
  repeat: REQUEST_ARGS.repeat,
  booleans: ['--json', ...SPEC_ARGS.booleans],
  aliases: { ...REQUEST_ARGS.aliases, '-o': '--out' },
};

test('curl-style flags: -H repeats in order, -d and its long spellings are one list, -X/-b/--curl', () => {
  const a = parseArgs(
    [
      'https://api.test/items',
      '-H',
      'A: 1',
      '--header',
      'B: 2',
      '-HC: 3',
      '-d',
      'x=1',
      '--data-raw',
      '{"q":1}',
      '--data=y=2',
      '--data-binary',
      'z',
      '-X',
      'put',
      '-b',
      'a=1',
      '--cookie=b=2',
      '--curl',
      "curl 'https://api.test/'",
    ],
    SPEC,
  );
  assert.deepEqual(a.positionals, ['https://api.test/items']);
  assert.deepEqual(a.lists['-H'], ['A: 1', 'B: 2', 'C: 3']);
  assert.deepEqual(a.lists['-d'], ['x=1', '{"q":1}', 'y=2', 'z']);
  assert.deepEqual(a.lists['-b'], ['a=1', 'b=2']);
  assert.equal(a.values['-X'], 'put');
  assert.equal(a.values['--curl'], "curl 'https://api.test/'");
});

test('--flag=value, short aliases, booleans, the last of a single flag wins, -- ends the options', () => {
  const a = parseArgs(
    ['--out=a.json', '-o', 'b.json', '--json', '--next-link', '--records', '.', '--', '--not-a-flag', '-'],
    SPEC,
  );
  assert.equal(a.values['--out'], 'b.json');
  assert.equal(a.values['--records'], '.');
  assert.deepEqual([...a.flags].sort(), ['--json', '--next-link']);
  assert.deepEqual(a.positionals, ['--not-a-flag', '-']);
  assert.equal(parseArgs(['--records='], SPEC).values['--records'], '');
  assert.equal(parseArgs(['-d', '-'], SPEC).lists['-d'][0], '-');
});

test('usage errors name the flag: unknown option, missing value, a value that looks like a flag, a value for a boolean', () => {
  const cases: [string[], RegExp][] = [
    [['url', '--bogus'], /^unknown option --bogus$/],
    [['--bogus=1'], /^unknown option --bogus$/],
    [['-z'], /^unknown option -z$/],
    [['url', '-H'], /^-H needs a value$/],
    [['--out'], /^--out needs a value$/],
    [
      ['--max-pages', '-1'],
      /^--max-pages needs a value \(for one starting with '-', write --max-pages=-1\)$/,
    ],
    [['--json=yes'], /^--json takes no value$/],
  ];
  for (const [argv, message] of cases)
    assert.throws(
      () => parseArgs(argv, SPEC),
      (e: unknown) => e instanceof UsageError && message.test(e.message),
      argv.join(' '),
    );
  assert.equal(parseArgs(['--max-pages=-1'], SPEC).values['--max-pages'], '-1');
});
