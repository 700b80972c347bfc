/** Which field identifies a record, so duplicates across pages can be found (crawl dedup, diagnostics). */
import { isObject } from './json.ts';

/** Candidate id fields, in order of preference. */
const ID_KEYS = ['id', 'uuid', '_id', 'ID', 'Id', 'guid', 'key', 'slug', 'number', 'node_id'] as const;

/**
 * The id field of these records: the first candidate present on (nearly) every record with a scalar
 * value. Relay `edges[].node` records are objects too, so this works on the nodes. Undefined when none.
 */
export function inferIdKey(records: readonly unknown[]): string | undefined {
  const objs = records.filter(isObject);
  if (!objs.length || objs.length < records.length) return undefined;
  for (const key of ID_KEYS) {
    let present = 0;
    for (const r of objs) {
      const v = r[key];
      if (typeof v === 'string' || typeof v === 'number') present++;
    }
    if (present === objs.length) return key;
  }
  return undefined;
}

/** The record's id as a string key, or undefined when it has none under `idKey`. */
export function recordKey(record: unknown, idKey: string | undefined): string | undefined {
  if (!idKey || !isObject(record)) return undefined;
  const v = record[idKey];
  return typeof v === 'string' || typeof v === 'number'
    ? `${typeof v === 'number' ? 'n' : 's'}:${v}`
    : undefined;
}
