// The spec form's draft: stored overrides shown as text and read back the same; the form's
// messages for a missing place or a number that is not one; the records path's choices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SpecOverrides } from '../../../core/spec/index.ts';
import { arrayPaths, draftOf, readDraft, type Draft } from './spec-draft.ts';

/** Without the keys the form left empty (undefined), as the spec store sees them. */
const defined = (o: SpecOverrides | string) => (typeof o === 'string' ? o : JSON.parse(JSON.stringify(o)));

test('stored overrides read back unchanged through the form, one per kind of next page', () => {
  const cases: SpecOverrides[] = [
    {},
    { records: 'items', nextLink: true, limitParam: 'per_page', pageSize: 100 },
    { nextUrl: 'links.next', hasMore: 'meta.more' },
    { nextHeader: 'Paging-Next', total: 'header:X-Total' },
    { cursor: 'meta.continuation', cursorParam: 'from', cursorIn: 'body' },
    { pageParam: 'p', pageStart: 0, totalPages: 'meta.pages' },
    { offsetParam: 'skip', total: 'count' },
  ];
  for (const o of cases) assert.deepEqual(defined(readDraft(draftOf(o))), o, JSON.stringify(o));
  assert.equal(draftOf(undefined).next, '');
  assert.equal(draftOf({ pageParam: 'p', pageStart: 0 }).pageStart, '0');
});

test('the draft is trimmed; fields of another kind of next page are not read', () => {
  const d: Draft = {
    ...draftOf(undefined),
    records: '  data ',
    next: 'page',
    nextValue: ' page ',
    cursorParam: 'ignored',
    cursorIn: 'body',
    pageStart: ' 2 ',
  };
  assert.deepEqual(defined(readDraft(d)), { records: 'data', pageParam: 'page', pageStart: 2 });
  assert.deepEqual(defined(readDraft({ ...d, next: 'link' })), { records: 'data', nextLink: true });
});

test('a missing place or a number that is not one gets the form a message', () => {
  const blank = draftOf(undefined);
  assert.equal(readDraft({ ...blank, next: 'cursor' }), 'say where: the path or header is empty');
  assert.equal(
    readDraft({ ...blank, next: 'offset', nextValue: ' ' }),
    'say where: the parameter name is empty',
  );
  assert.equal(
    readDraft({ ...blank, next: 'page', nextValue: 'p', pageStart: '1.5' }),
    'the first page is a whole number',
  );
  for (const size of ['0', '-3', 'ten', '2.5'])
    assert.equal(readDraft({ ...blank, pageSize: size }), 'the page size is a whole number ≥ 1', size);
});

test('the records path offers the arrays of the body, four levels deep at most, arrays not entered', () => {
  const body = {
    items: [{ tags: [1] }],
    meta: { a: { b: { c: { list: [] } } } },
    deep: { a: { b: { c: { d: { e: { list: [] } } } } } },
  };
  assert.deepEqual(arrayPaths(JSON.stringify(body)), ['items', 'meta.a.b.c.list']);
  assert.deepEqual(arrayPaths(JSON.stringify([{ id: 1 }])), ['.']);
  assert.deepEqual(arrayPaths('not json'), []);
  assert.deepEqual(arrayPaths(null), []);
});
