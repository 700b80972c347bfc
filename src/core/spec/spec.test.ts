// Spec documents: paths, reading and checking, overrides, and reading pages by the rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Exchange } from '../exchange.ts';
import { detectionFromSpec } from './detection.ts';
import { applyOverrides, SpecOverrideError } from './overrides.ts';
import { parsePath, readPath, writePath } from './path.ts';
import { specRequest } from './from-detection.ts';
import { parseSpec } from './validate.ts';
import type { PaginationSpec } from './types.ts';

const base: PaginationSpec = {
  version: 1,
  request: { method: 'GET', url: 'https://api.example.com/items?limit=2' },
  records: 'data',
  pageSize: { param: 'limit', value: 2 },
  next: { type: 'page', param: 'page', start: 1 },
  end: { emptyPage: true, shortPage: false },
};

const page = (
  url: string,
  body: unknown,
  headers: { name: string; value: string }[] = [],
  reqBody?: string,
): Exchange => ({
  request: {
    method: reqBody ? 'POST' : 'GET',
    url,
    headers: [],
    postData: reqBody ? { text: reqBody } : undefined,
  },
  response: { status: 200, headers, mimeType: 'application/json', bodyText: JSON.stringify(body) },
});

test('dotted paths: root, arrays, keys holding dots, writing a copy', () => {
  assert.deepEqual(parsePath('.'), []);
  assert.deepEqual(parsePath('edges[].node'), ['edges', '*', 'node']);
  const body = { '@odata.nextLink': 'u', a: { b: [{ c: 1 }, { c: 2 }] } };
  assert.equal(readPath(body, '@odata.nextLink'), 'u');
  assert.deepEqual(readPath(body, 'a.b.*.c'), [1, 2]);
  const src = { variables: { first: 5 } };
  assert.deepEqual(writePath(src, 'variables.after', 'X'), { variables: { first: 5, after: 'X' } });
  assert.deepEqual(src, { variables: { first: 5 } });
});

test('parseSpec names every problem and refuses other versions', () => {
  assert.deepEqual(parseSpec({ version: 2 }), {
    ok: false,
    errors: ['unsupported spec version 2 (this Pagescope reads 1)'],
  });
  const r = parseSpec({ version: 1, request: { url: 'ftp://x' }, next: { type: 'cursor' } });
  assert.ok(!r.ok);
  assert.ok(r.errors.includes('request.url must be http(s)'));
  assert.ok(r.errors.some((e) => e.startsWith('records')));
  assert.ok(r.errors.some((e) => e.startsWith('next.from')));
  assert.ok(r.errors.some((e) => e.startsWith('next.param')));
  assert.ok(!parseSpec('{oops').ok);
  const ok = parseSpec(JSON.stringify(base));
  assert.ok(ok.ok);
  assert.deepEqual(ok.spec, base);
});

test('overrides replace one part each and refuse contradictions', () => {
  const s = applyOverrides(base, {
    cursor: 'meta.next',
    cursorParam: 'from',
    records: 'items',
    hasMore: 'meta.more',
  });
  assert.deepEqual(s.next, {
    type: 'cursor',
    from: { in: 'body', path: 'meta.next' },
    param: 'from',
    in: 'query',
  });
  assert.equal(s.records, 'items');
  assert.equal(s.end.hasMore, 'meta.more');
  assert.deepEqual(base.next, { type: 'page', param: 'page', start: 1 }, 'the input is not changed');
  assert.deepEqual(applyOverrides(base, { pageStart: 0 }).next, { type: 'page', param: 'page', start: 0 });
  assert.deepEqual(applyOverrides(base, { total: 'header:X-Total' }).end.totalRecords, {
    in: 'header',
    name: 'X-Total',
  });
  assert.deepEqual(applyOverrides(base, { offsetParam: 'skip', limitParam: 'take' }).pageSize, {
    param: 'take',
    value: 2,
  });
  assert.throws(() => applyOverrides(base, { nextLink: true, cursor: 'x' }), SpecOverrideError);
  assert.throws(() => applyOverrides(base, { cursorIn: 'body' }), /add --cursor/);
  assert.throws(
    () => applyOverrides({ ...base, next: { type: 'link-header' } }, { pageStart: 2 }),
    /--page-param/,
  );
});

test('pages are read by the rules: totals, has-more, short and empty pages, body cursors', () => {
  const url = 'https://api.example.com/items?limit=2';
  const withTotal = {
    ...base,
    end: { ...base.end, totalPages: { in: 'body' as const, path: 'meta.pages' } },
  };
  const p1 = detectionFromSpec(withTotal, page(url, { data: [1, 2], meta: { pages: 3 } }));
  assert.equal(p1.next?.url, url + '&page=2');
  assert.deepEqual([p1.kind, p1.totalPages, p1.position.page], ['page', 3, 1]);
  const p3 = detectionFromSpec(withTotal, page(url + '&page=3', { data: [5], meta: { pages: 3 } }));
  assert.equal(p3.next, undefined);
  assert.equal(p3.hasMore, false);
  const short = { ...base, end: { ...base.end, shortPage: true } };
  assert.equal(detectionFromSpec(short, page(url, { data: [1] })).next, undefined);
  assert.ok(detectionFromSpec(base, page(url, { data: [1] })).next, 'a short page alone does not end');
  assert.equal(detectionFromSpec(base, page(url, { data: [] })).next, undefined);
  const flagged = { ...base, end: { ...base.end, hasMore: 'more' } };
  assert.equal(detectionFromSpec(flagged, page(url, { data: [1, 2], more: false })).next, undefined);
  const gql: PaginationSpec = {
    version: 1,
    request: {
      method: 'POST',
      url: 'https://api.example.com/graphql',
      body: '{"query":"q","variables":{"first":2}}',
    },
    records: 'data.items.edges.*.node',
    next: {
      type: 'cursor',
      from: { in: 'body', path: 'data.items.pageInfo.endCursor' },
      param: 'variables.after',
      in: 'body',
    },
    end: { hasMore: 'data.items.pageInfo.hasNextPage', emptyPage: true, shortPage: false },
  };
  const body = {
    data: { items: { edges: [{ node: { id: 1 } }], pageInfo: { hasNextPage: true, endCursor: 'C1' } } },
  };
  const d = detectionFromSpec(gql, page(gql.request.url, body, [], gql.request.body));
  assert.deepEqual(d.recordsPath, ['data', 'items', 'edges', '*', 'node']);
  assert.equal(d.next?.method, 'POST');
  assert.deepEqual(JSON.parse(d.next!.body!), { query: 'q', variables: { first: 2, after: 'C1' } });
});

test('a spec holds secret header names, never their values', () => {
  const req = specRequest({
    request: {
      method: 'GET',
      url: 'https://api.example.com/x',
      headers: [
        { name: 'Authorization', value: 'Bearer s3cret' },
        { name: 'X-Api-Key', value: 'k3y' },
        { name: 'Prefer', value: 'count=exact' },
        { name: 'User-Agent', value: 'Mozilla' },
      ],
    },
    response: { status: 200, headers: [], mimeType: 'application/json', bodyText: '[]' },
  });
  assert.deepEqual(req.supply, ['Authorization', 'X-Api-Key']);
  assert.deepEqual(req.headers, [{ name: 'Prefer', value: 'count=exact' }]);
  assert.ok(!JSON.stringify(req).includes('s3cret') && !JSON.stringify(req).includes('k3y'));
});

test('keys holding dots are written in brackets and read back', async () => {
  const { formatSpecPath } = await import('./path.ts');
  const keys = ['@odata.nextLink'];
  assert.equal(formatSpecPath(keys), "['@odata.nextLink']");
  assert.deepEqual(parsePath("['@odata.nextLink']"), keys);
  assert.deepEqual(parsePath("a['b.c'].*.d"), ['a', 'b.c', '*', 'd']);
  assert.equal(readPath({ '@odata.nextLink': 'u' }, "['@odata.nextLink']"), 'u');
});

test('a negated flag (!isLastPage) ends the chain when it is true, and each export says it in its own terms', async () => {
  const { exportDlt } = await import('./export-dlt.ts');
  const { airbyteManifest } = await import('./export-airbyte.ts');
  const spec: PaginationSpec = { ...base, end: { ...base.end, hasMore: '!isLastPage' } };
  const url = 'https://api.example.com/items?limit=2';
  assert.ok(detectionFromSpec(spec, page(url, { data: [1, 2], isLastPage: false })).next);
  assert.equal(detectionFromSpec(spec, page(url, { data: [1, 2], isLastPage: true })).next, undefined);
  assert.match(exportDlt(spec), /NOTE: .*isLastPage says the opposite/);
  assert.doesNotMatch(exportDlt(spec), /"has_more_path":/);
  const cursor: PaginationSpec = {
    ...spec,
    next: { type: 'cursor', from: { in: 'body', path: 'next' }, param: 'cursor', in: 'query' },
  };
  assert.match(JSON.stringify(airbyteManifest(cursor).manifest), /response\['isLastPage'\] is true/);
});

test('a raised page size is asked for from page 2 on: cursors and offsets, never page numbers', () => {
  const url = 'https://api.example.com/items?limit=2';
  const cursor = applyOverrides(base, { cursor: 'next', cursorParam: 'c', pageSize: 50 });
  assert.equal(
    detectionFromSpec(cursor, page(url, { data: [1, 2], next: 'X' })).next?.url,
    'https://api.example.com/items?limit=50&c=X',
  );
  const offset = applyOverrides(base, { offsetParam: 'offset', pageSize: 50 });
  // page 1 asked for 2, so page 2 starts at 2 — and asks for 50
  const p1 = detectionFromSpec(offset, page(url + '&offset=0', { data: [1, 2] }));
  assert.equal(p1.next?.url, 'https://api.example.com/items?limit=50&offset=2');
  const p2 = detectionFromSpec(offset, page(p1.next!.url, { data: Array.from({ length: 50 }, (_, i) => i) }));
  assert.equal(p2.next?.url, 'https://api.example.com/items?limit=50&offset=52');
  assert.throws(() => applyOverrides(base, { pageSize: 50 }), /page numbers/);
  assert.throws(
    () => applyOverrides({ ...base, pageSize: undefined }, { cursor: 'n', pageSize: 50 }),
    /--limit-param/,
  );
  assert.ok(parseSpec(JSON.stringify(offset)).ok);
});
