/**
 * Flattening nested records into CSV columns.
 *
 * - Nested objects become dot paths: `{ user: { name: 'a' } }` → column `user.name`.
 * - Arrays stay in one cell as JSON text (`["a","b"]`, `[{"id":1}]`). Index paths (`tags.0`,
 *   `tags.1`, …) would make the column count depend on the longest array in the data set and
 *   scatter one value over many columns; JSON text keeps one field in one column and round-trips.
 * - An empty object becomes the cell `{}` so it is not silently dropped.
 * - A record that is not an object (a number, a string, an array) becomes the single column `value`.
 * - Objects nested more than `MAX_COLUMN_DEPTH` keys deep stay one cell of JSON text at that depth,
 *   so a hostile record 5 000 levels deep neither overflows the stack nor makes a 10 000-character
 *   column name (stringifyJson writes any depth).
 * - A column is its path of keys, not its dotted name: `{ "a.b": 1 }` and `{ a: { b: 1 } }` are two
 *   columns, never one cell that drops a value. Only when two paths would show the same name, the
 *   paths with a dotted key show that key quoted (`"a.b"`); a name still taken after that gets
 *   ` (2)`, ` (3)`… in order of appearance.
 */
import { isObject } from '../json.ts';
import { stringifyJson } from './deep-json.ts';

/** A cell before CSV quoting: strings, numbers and booleans keep their JSON type; null is empty. */
export type Cell = string | number | boolean | null;

/** Column name used for records that are not objects. */
const VALUE_COLUMN = 'value';

/** Key paths longer than this end in a JSON-text cell instead of more columns. */
const MAX_COLUMN_DEPTH = 32;

/**
 * Column keys: the path's keys joined with `.`, each key's `\` and `.` escaped with `\`. Plain
 * paths (no dot or backslash in a key) have their dotted name as key. Records that are not
 * objects have a key no path can have.
 */
const VALUE_KEY = '\\value';

const escapeKey = (k: string) => (k.includes('.') || k.includes('\\') ? k.replace(/[\\.]/g, '\\$&') : k);

/** The column key of a path of keys. */
function columnKey(path: readonly string[]): string {
  return path.map(escapeKey).join('.');
}

/** The path of keys of a column key (inverse of `columnKey`); null for the non-object column. */
function columnPath(key: string): string[] | null {
  if (key === VALUE_KEY) return null;
  if (!key.includes('\\')) return key.split('.');
  const path: string[] = [];
  let cur = '';
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (c === '\\' && i + 1 < key.length) cur += key[++i];
    else if (c === '.') (path.push(cur), (cur = ''));
    else cur += c;
  }
  path.push(cur);
  return path;
}

/** One node per key path; `leaf` is the column index of the path's cell, -1 if none. */
type ColumnNode = { leaf: number; children: Map<string, ColumnNode> | null };

/** Paths → column indexes, walked key by key (no path strings built per record). */
export type ColumnTree = { root: ColumnNode; value: number };

function hasOwnKey(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

/** The cell of a leaf value. Arrays, empty and too-deep objects: JSON text. */
function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return v.toString();
  return stringifyJson(v);
}

/** True when `v` is walked into (more columns) rather than written as one cell at `depth` keys. */
const descends = (v: unknown, depth: number): v is Record<string, unknown> =>
  depth < MAX_COLUMN_DEPTH && isObject(v) && hasOwnKey(v);

/**
 * Calls `visit(column, cell)` for every leaf of `record` that has a column in `tree`, in key order.
 * Depth-bounded recursion (at most MAX_COLUMN_DEPTH frames).
 */
export function forEachCell(
  record: unknown,
  tree: ColumnTree,
  visit: (column: number, cell: Cell) => void,
): void {
  if (!isObject(record)) {
    if (tree.value >= 0) visit(tree.value, toCell(record));
    return;
  }
  visitNode(record, tree.root, 1, visit);
}

function visitNode(
  obj: Record<string, unknown>,
  node: ColumnNode,
  depth: number,
  visit: (column: number, cell: Cell) => void,
): void {
  const children = node.children;
  if (!children) return;
  for (const key of Object.keys(obj)) {
    const child = children.get(key);
    if (!child) continue;
    const v = obj[key];
    if (descends(v, depth)) visitNode(v, child, depth + 1, visit);
    else if (child.leaf >= 0) visit(child.leaf, toCell(v));
  }
}

/** A tree over known column keys (see `columnKey`), numbered in the given order. */
export function columnTree(keys: readonly string[]): ColumnTree {
  const tree: ColumnTree = { root: { leaf: -1, children: null }, value: -1 };
  keys.forEach((key, i) => {
    const path = columnPath(key);
    if (!path) {
      if (tree.value < 0) tree.value = i;
      return;
    }
    const node = nodeAt(tree.root, path, path.length);
    if (node.leaf < 0) node.leaf = i;
  });
  return tree;
}

function nodeAt(root: ColumnNode, path: readonly string[], n: number): ColumnNode {
  let node = root;
  for (let i = 0; i < n; i++) {
    const children = (node.children ??= new Map());
    let child = children.get(path[i]);
    if (!child) children.set(path[i], (child = { leaf: -1, children: null }));
    node = child;
  }
  return node;
}

/** Display names for column paths: dotted names, disambiguated as described at the top. */
function columnNames(paths: readonly (readonly string[] | null)[]): string[] {
  const plain = paths.map((p) => (p ? p.join('.') : VALUE_COLUMN));
  const count = new Map<string, number>();
  for (const n of plain) count.set(n, (count.get(n) ?? 0) + 1);
  const used = new Set<string>();
  return paths.map((p, i) => {
    let name = plain[i];
    if (count.get(name)! > 1 && p?.some((k) => k.includes('.')))
      name = p.map((k) => (k.includes('.') ? JSON.stringify(k) : k)).join('.');
    if (used.has(name)) {
      let n = 2;
      while (used.has(`${name} (${n})`)) n++;
      name = `${name} (${n})`;
    }
    used.add(name);
    return name;
  });
}

/** Known columns: the keys a writer fills them by and the header's names. */
export type KnownColumns = { keys: string[]; columns: string[] };

/** The keys and display names of column keys (see `columnKey`), e.g. as a store kept them. */
export function knownColumns(keys: readonly string[]): KnownColumns {
  return { keys: [...keys], columns: columnNames(keys.map(columnPath)) };
}

/**
 * Collects the union of columns, in order of first appearance. Memory is bounded by the number of
 * distinct columns, not records. `keys()` identify columns for the writer; `known()` adds their
 * names. `seed`: the keys of a collector that saw the earlier records (a store keeps them between
 * sessions; `keys()` never repeats one), so collecting goes on where it stopped.
 */
export function createColumnCollector(seed: readonly string[] = []): {
  /** Adds the records' columns; true when one of them was new. */
  add(records: readonly unknown[]): boolean;
  keys(): string[];
  /** How many columns so far (they only grow, in order). */
  size(): number;
  known(): KnownColumns;
} {
  const tree = columnTree(seed);
  const paths = seed.map(columnPath);
  const keys = () => paths.map((p) => (p ? columnKey(p) : VALUE_KEY));
  const path: string[] = [];
  const leaf = (node: ColumnNode) => {
    if (node.leaf < 0) {
      node.leaf = paths.length;
      paths.push(path.slice());
    }
  };
  const walk = (obj: Record<string, unknown>, node: ColumnNode, depth: number) => {
    const children = (node.children ??= new Map());
    for (const key of Object.keys(obj)) {
      let child = children.get(key);
      if (!child) children.set(key, (child = { leaf: -1, children: null }));
      const v = obj[key];
      path.push(key);
      if (descends(v, depth)) walk(v, child, depth + 1);
      else leaf(child);
      path.pop();
    }
  };
  return {
    add(records) {
      const before = paths.length;
      for (const r of records) {
        if (isObject(r)) walk(r, tree.root, 1);
        else if (tree.value < 0) {
          tree.value = paths.length;
          paths.push(null);
        }
      }
      return paths.length > before;
    },
    keys,
    size: () => paths.length,
    known: () => ({ keys: keys(), columns: columnNames(paths) }),
  };
}
