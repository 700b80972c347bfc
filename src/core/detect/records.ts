/**
 * Where the records live in a JSON body. Looks a few levels deep into objects only — never into the
 * arrays themselves beyond their first items — so the cost does not grow with the page size.
 */
import { isObject } from '../json.ts';

export type RecordsLocation = { path: string[]; count: number };

/** Names that usually hold the records of a list response. */
const RECORD_KEYS = new Set([
  'data',
  'items',
  'results',
  'value',
  'records',
  'edges',
  'nodes',
  'entries',
  'hits',
  'rows',
  'list',
  'elements',
  'content',
  'collection',
  'objects',
  'docs',
  'documents',
  'children',
]);

/** Names of arrays that describe the response rather than hold its records. */
const META_KEYS = new Set([
  'errors',
  'error',
  'warnings',
  'messages',
  'links',
  'link',
  '_links',
  'meta',
  'fields',
  'columns',
  'included',
  'facets',
  'aggregations',
  'sort',
  'sorts',
  'filters',
  'scopes',
  'permissions',
  'extensions',
  'headers',
  'pagination',
  'paging',
  'page',
  'args',
  'params',
  'tags',
  'keys',
  'ids_to_omit',
]);

const MAX_DEPTH = 4;
/** Object keys looked at in total, so a huge map-like object costs no more than a small one. */
const MAX_KEYS = 2000;
/** Items sampled to tell an array of objects from an array of scalars. */
const SAMPLE = 3;

type Candidate = { path: string[]; count: number; score: number };

function sampleKind(arr: unknown[]): 'objects' | 'scalars' | 'empty' {
  if (!arr.length) return 'empty';
  for (let i = 0; i < arr.length && i < SAMPLE; i++) if (isObject(arr[i])) return 'objects';
  return 'scalars';
}

/** GraphQL/Relay connections keep records at `edges[].node`. */
function isEdgeList(key: string, arr: unknown[]): boolean {
  return key === 'edges' && arr.length > 0 && isObject(arr[0]) && 'node' in arr[0];
}

function score(key: string, arr: unknown[], depth: number, parentKey: string | undefined): number | null {
  if (META_KEYS.has(key)) return null;
  const kind = sampleKind(arr);
  const known = RECORD_KEYS.has(key) || parentKey === '_embedded';
  // A scalar array only counts under a record-ish name or near the top (Twitter's `ids`).
  if (kind === 'scalars' && !known && depth > 1) return null;
  let s = kind === 'objects' ? 100 : kind === 'empty' ? 40 : 20;
  if (known) s += 50;
  return s - depth * 10;
}

/**
 * Finds the records array: the root array, a known wrapper key (`data`, `items`, `results`, `value`,
 * `records`, …), Relay `edges[].node` (path `[…, 'edges', '*', 'node']`), GraphQL's nesting under
 * `data`, HAL's `_embedded.<name>`, or the one named array beside a pagination object (Vend's
 * `customers`). Arrays of objects beat arrays of scalars; metadata arrays (`errors`, `links`) are
 * ignored. Null when the body holds no plausible records array.
 */
export function locateRecords(json: unknown): RecordsLocation | null {
  if (Array.isArray(json)) return { path: [], count: json.length };
  if (!isObject(json)) return null;
  let best: Candidate | null = null;
  let keysSeen = 0;
  const queue: { obj: Record<string, unknown>; path: string[] }[] = [{ obj: json, path: [] }];
  for (let q = 0; q < queue.length && keysSeen < MAX_KEYS; q++) {
    const { obj, path } = queue[q];
    const lastKey = path[path.length - 1];
    for (const key in obj) {
      if (++keysSeen > MAX_KEYS) break;
      const v = obj[key];
      const depth = path.length;
      if (Array.isArray(v)) {
        const edges = isEdgeList(key, v);
        const s = score(key, v, depth, lastKey);
        if (s !== null && (!best || s > best.score)) {
          best = { path: edges ? [...path, key, '*', 'node'] : [...path, key], count: v.length, score: s };
        }
      } else if (isObject(v) && depth + 1 < MAX_DEPTH) {
        queue.push({ obj: v, path: [...path, key] });
      }
    }
  }
  return best ? { path: best.path, count: best.count } : null;
}
