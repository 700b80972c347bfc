// docs/spec.schema.json describes the documents Pagescope writes and refuses what parseSpec refuses:
// every demo style's spec validates; broken documents do not. A small draft-07 checker (the keywords
// the schema uses) keeps the test free of a validator dependency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSpec } from './validate.ts';

type Schema = Record<string, unknown>;
const root = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../docs/spec.schema.json'), 'utf8'),
) as Schema;

function errors(v: unknown, s: Schema, at = '$'): string[] {
  if (typeof s.$ref === 'string')
    return errors(v, (root.definitions as Record<string, Schema>)[s.$ref.split('/').pop()!], at);
  const out: string[] = [];
  if ('const' in s && v !== s.const) out.push(`${at}: must be ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(v)) out.push(`${at}: must be one of ${s.enum.join(', ')}`);
  if (Array.isArray(s.oneOf)) {
    const ok = (s.oneOf as Schema[]).filter((x) => !errors(v, x, at).length).length;
    if (ok !== 1) out.push(`${at}: matches ${ok} of oneOf`);
  }
  const t = s.type;
  if (t === 'object') {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return [...out, `${at}: must be an object`];
    const o = v as Record<string, unknown>;
    for (const r of (s.required as string[]) ?? []) if (!(r in o)) out.push(`${at}.${r}: required`);
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const [k, x] of Object.entries(o)) {
      if (props[k]) out.push(...errors(x, props[k], `${at}.${k}`));
      else if (s.additionalProperties === false) out.push(`${at}.${k}: not allowed`);
    }
  } else if (t === 'array') {
    if (!Array.isArray(v)) return [...out, `${at}: must be an array`];
    v.forEach((x, i) => out.push(...errors(x, s.items as Schema, `${at}[${i}]`)));
  } else if (t === 'string') {
    if (typeof v !== 'string') return [...out, `${at}: must be a string`];
    if (typeof s.minLength === 'number' && v.length < s.minLength) out.push(`${at}: too short`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(v))
      out.push(`${at}: must match ${s.pattern}`);
  } else if (t === 'integer') {
    if (!Number.isInteger(v)) return [...out, `${at}: must be an integer`];
    if (typeof s.minimum === 'number' && (v as number) < s.minimum) out.push(`${at}: below ${s.minimum}`);
  } else if (t === 'boolean' && typeof v !== 'boolean') out.push(`${at}: must be true or false`);
  return out;
}

const good = [
  {
    version: 1,
    request: { method: 'GET', url: 'https://api.example.com/items?limit=25', supply: ['Authorization'] },
    records: 'items',
    recordId: 'id',
    pageSize: { param: 'limit', value: 25 },
    next: { type: 'offset', param: 'offset' },
    end: { emptyPage: true, shortPage: false, totalRecords: { in: 'header', name: 'Content-Range' } },
  },
  {
    version: 1,
    request: {
      method: 'POST',
      url: 'https://api.example.com/graphql',
      body: '{"query":"q"}',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
    },
    records: 'data.issues.edges.*.node',
    next: {
      type: 'cursor',
      from: { in: 'body', path: 'data.issues.pageInfo.endCursor' },
      param: 'variables.after',
      in: 'body',
    },
    end: { hasMore: 'data.issues.pageInfo.hasNextPage', emptyPage: true, shortPage: false },
  },
  {
    version: 1,
    request: { url: 'https://api.example.com/odata/P' },
    records: 'value',
    next: { type: 'next-url', from: { in: 'body', path: "['@odata.nextLink']" } },
    end: { emptyPage: true, shortPage: false },
  },
  {
    version: 1,
    request: { url: 'https://x.example/a' },
    records: '.',
    next: { type: 'page', param: 'page', start: 0 },
    end: { emptyPage: false, shortPage: true },
  },
  {
    version: 1,
    request: { url: 'https://x.example/a' },
    records: '.',
    next: { type: 'link-header' },
    end: { emptyPage: true, shortPage: false },
  },
  {
    version: 1,
    request: { url: 'https://x.example/a' },
    records: 'data',
    next: { type: 'cursor', from: { in: 'last-record', path: 'id' }, param: 'starting_after', in: 'query' },
    end: { hasMore: 'has_more', emptyPage: true, shortPage: false },
  },
];

const bad = [
  {
    version: 2,
    request: { url: 'https://x.example/a' },
    records: '.',
    next: { type: 'none' },
    end: { emptyPage: true, shortPage: false },
  },
  {
    version: 1,
    request: { url: 'ftp://x.example/a' },
    records: '.',
    next: { type: 'none' },
    end: { emptyPage: true, shortPage: false },
  },
  {
    version: 1,
    request: { url: 'https://x.example/a' },
    records: '.',
    next: { type: 'cursor', param: 'c', in: 'query' },
    end: { emptyPage: true, shortPage: false },
  },
  {
    version: 1,
    request: { url: 'https://x.example/a' },
    records: '.',
    next: { type: 'warp' },
    end: { emptyPage: true, shortPage: false },
  },
  {
    version: 1,
    request: { url: 'https://x.example/a' },
    next: { type: 'none' },
    end: { emptyPage: true, shortPage: false },
  },
];

test('the JSON Schema and parseSpec agree on good and bad documents', () => {
  for (const doc of good) {
    assert.deepEqual(errors(doc, root), [], JSON.stringify(doc));
    assert.ok(parseSpec(doc).ok, JSON.stringify(doc));
  }
  for (const doc of bad) {
    assert.notDeepEqual(errors(doc, root), [], JSON.stringify(doc));
    assert.ok(!parseSpec(doc).ok, JSON.stringify(doc));
  }
});

test('parseSpec writes back what the schema accepts', () => {
  for (const doc of good) {
    const r = parseSpec(doc);
    assert.ok(r.ok);
    assert.deepEqual(errors(JSON.parse(JSON.stringify(r.spec)), root), []);
  }
});
