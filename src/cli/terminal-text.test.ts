import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeText } from './terminal-text.ts';

test('control characters are shown as escapes; text and line breaks stay', () => {
  assert.equal(
    safeText('a\x1b]0;t\x07b\x9bc\r\td\u202ee\nZoë 日本'),
    'a\\x1b]0;t\\x07b\\x9bc\\r\\td\\u202ee\nZoë 日本',
  );
  assert.equal(safeText('a\nb', true), 'a\\nb');
});
