/**
 * Flattening nested records into CSV columns.
 *
 * - Nested objects become dot paths: `{ user: { name: 'a' } }` → column `user.name`.
 * - Arrays stay in one cell as JSON text (`["a","b"]`, `[{"id":1}]`). Index paths (`tags.0`,
 *   `tags.1`, …) would make the column count depend on the longest array in the data set and
 *   scatter one value over many columns; JSON text keeps one field in one column and round-trips.
 * - An empty object becomes the cell `{}` so it is not silently dropped.
 * - A record that is not an object (a number, a string, an array) becomes the single column `value`.
 * - Keys are joined as they are: `{ "a.b": 1 }` and `{ a: { b: 1 } }` share the column `a.b`
 *   (within one record, the first one wins).
 */
import { isObject } from '../json.ts';

/** A cell before CSV quoting: strings, numbers and booleans keep their JSON type; null is empty. */
export type Cell = string | number | boolean | null;

/** Column name used for records that are not objects. */
export const VALUE_COLUMN = 'value';

/** Calls `visit(path, cell)` for every leaf of the record, in key order. */
export function forEachLeaf(record: unknown, visit: (path: string, cell: Cell) => void): void {
  if (!isObject(record)) {
    visit(VALUE_COLUMN, toCell(record));
    return;
  }
  walk(record, '', visit);
}

function walk(obj: Record<string, unknown>, prefix: string, visit: (path: string, cell: Cell) => void): void {
  for (const key of Object.keys(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const v = obj[key];
    if (isObject(v) && Object.keys(v).length) walk(v, path, visit);
    else visit(path, toCell(v));
  }
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return v.toString();
  return JSON.stringify(v) ?? null;
}

/** The record as a map from column to cell. */
export function flattenRecord(record: unknown): Map<string, Cell> {
  const out = new Map<string, Cell>();
  forEachLeaf(record, (path, cell) => {
    if (!out.has(path)) out.set(path, cell);
  });
  return out;
}

/**
 * Collects the union of columns, in order of first appearance. Memory is bounded by the number of
 * distinct columns, not records.
 */
export function createColumnCollector(): { add(records: readonly unknown[]): void; columns(): string[] } {
  const seen = new Set<string>();
  const add = (path: string) => void seen.add(path);
  return {
    add(records) {
      for (const r of records) forEachLeaf(r, add);
    },
    columns: () => [...seen],
  };
}
