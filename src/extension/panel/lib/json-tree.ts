/**
 * The Response tab's JSON tree as data: nodes, their one-line previews, lazily built children, and
 * big arrays split into ranges (`[0 … 99]`) so a 100 000-item array renders a handful of rows.
 * The component renders these nodes as text only. Integers beyond 2^53 arrive as `ExactInteger`s
 * (lib/exact-json.ts) and show as numbers with their exact digits.
 */
import { ExactInteger } from './exact-json.ts';

type NodeKind =
  | 'object'
  | 'array'
  | 'range'
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  /** An object or array nested deeper than MAX_DEPTH: shown as one line, not opened. */
  | 'deep';

export type TreeNode = {
  /** Stable, unique within one tree: the path, plus the range for range nodes. */
  id: string;
  /** Property name or array index; null for the root and for ranges. */
  key: string | null;
  /** Keys from the root (array indexes as strings). For a range: its array's path. */
  path: string[];
  kind: NodeKind;
  value: unknown;
  /** [start, end) of a range node, within its array. */
  range?: [number, number];
  /** Number of children (properties, items, or items in the range); 0 for scalars. */
  size: number;
};

/** Arrays longer than this are shown as ranges of items. @default 100 */
const CHUNK = 100;

/**
 * Containers nested deeper than this are one "too deep" line: a record nested thousands of levels
 * (a hostile or broken API) must not make a row per level or an indent wider than the panel. @default 200
 */
export const MAX_DEPTH = 200;

/** Long strings are cut in the preview so one huge value does not flood the DOM. @default 2000 */
const MAX_STRING = 2000;

export function nodeId(path: readonly string[], range?: [number, number]): string {
  const base = JSON.stringify(path);
  return range ? `${base}[${range[0]},${range[1]})` : base;
}

function kindOf(v: unknown): NodeKind {
  if (v === null) return 'null';
  if (v instanceof ExactInteger) return 'number';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'object'
    ? 'object'
    : t === 'string'
      ? 'string'
      : t === 'number'
        ? 'number'
        : t === 'boolean'
          ? 'boolean'
          : 'null';
}

export function makeNode(key: string | null, path: string[], value: unknown): TreeNode {
  let kind = kindOf(value);
  if ((kind === 'object' || kind === 'array') && path.length >= MAX_DEPTH) kind = 'deep';
  const size =
    kind === 'array'
      ? (value as unknown[]).length
      : kind === 'object'
        ? Object.keys(value as object).length
        : 0;
  return { id: nodeId(path), key, path, kind, value, size };
}

export function isExpandable(n: TreeNode): boolean {
  return (n.kind === 'object' || n.kind === 'array' || n.kind === 'range') && n.size > 0;
}

/** Range size for `length` items: the smallest power of CHUNK that leaves at most CHUNK ranges. */
function rangeSpan(length: number, chunk: number): number {
  let span = chunk;
  while (length / span > chunk) span *= chunk;
  return span;
}

function itemsOrRanges(
  arr: unknown[],
  path: string[],
  start: number,
  end: number,
  chunk: number,
): TreeNode[] {
  const n = end - start;
  const out: TreeNode[] = [];
  if (n > chunk) {
    const span = rangeSpan(n, chunk);
    for (let s = start; s < end; s += span) {
      const range: [number, number] = [s, Math.min(end, s + span)];
      out.push({
        id: nodeId(path, range),
        key: null,
        path,
        kind: 'range',
        value: arr,
        range,
        size: range[1] - range[0],
      });
    }
    return out;
  }
  for (let i = start; i < end; i++) out.push(makeNode(String(i), [...path, String(i)], arr[i]));
  return out;
}

/** The node's children, built only when asked (when the user expands it). */
export function childrenOf(node: TreeNode, chunk = CHUNK): TreeNode[] {
  if (node.kind === 'object') {
    return Object.entries(node.value as Record<string, unknown>).map(([k, v]) =>
      makeNode(k, [...node.path, k], v),
    );
  }
  if (node.kind === 'array') return itemsOrRanges(node.value as unknown[], node.path, 0, node.size, chunk);
  if (node.kind === 'range')
    return itemsOrRanges(node.value as unknown[], node.path, node.range![0], node.range![1], chunk);
  return [];
}

/** One-line text for a node: the scalar itself, or a summary with counts for containers. */
export function preview(n: TreeNode): string {
  switch (n.kind) {
    case 'string': {
      const s = n.value as string;
      const shown = JSON.stringify(s.length > MAX_STRING ? s.slice(0, MAX_STRING) : s);
      return s.length > MAX_STRING ? `${shown}… (${s.length - MAX_STRING} more chars)` : shown;
    }
    case 'number':
      return n.value instanceof ExactInteger ? n.value.digits : String(n.value);
    case 'boolean':
      return String(n.value);
    case 'null':
      return 'null';
    case 'array':
      return n.size ? `Array(${n.size})` : '[]';
    case 'object':
      return n.size ? `{…} ${n.size} ${n.size === 1 ? 'key' : 'keys'}` : '{}';
    case 'range':
      return `[${n.range![0]} … ${n.range![1] - 1}]`;
    case 'deep':
      return `${Array.isArray(n.value) ? '[…]' : '{…}'} nested too deep to show (over ${MAX_DEPTH} levels): see the raw body`;
  }
}

/** True for an integer beyond 2^53 shown with its exact digits (JSON.parse would round it). */
export function isExactInteger(n: TreeNode): boolean {
  return n.value instanceof ExactInteger;
}

/**
 * Evidence body paths (`meta.total`, `data[0].id`, `edges[].node`) as key arrays; `[]` becomes `*`,
 * which matches any index.
 */
export function parsePath(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/([^.[\]]+)|\[(\d*)\]/g)) out.push(m[1] ?? (m[2] === '' ? '*' : m[2]!));
  return out.filter((k) => k !== '(root)');
}

function matches(path: readonly string[], pattern: readonly string[], prefixOnly: boolean): boolean {
  if (prefixOnly ? path.length >= pattern.length : path.length !== pattern.length) return false;
  return path.every((k, i) => pattern[i] === '*' || pattern[i] === k);
}

/** 'hit': the node is an evidence path; 'ancestor': it contains one; null: neither. */
export function highlightOf(
  path: readonly string[],
  patterns: readonly string[][],
): 'hit' | 'ancestor' | null {
  let anc = false;
  for (const p of patterns) {
    if (matches(path, p, false)) return 'hit';
    if (matches(path, p, true)) anc = true;
  }
  return anc ? 'ancestor' : null;
}

/** Node ids to expand at first so every evidence path is visible (stops at a `*`: no fan-out). */
export function initiallyExpanded(patterns: readonly string[][]): Set<string> {
  const ids = new Set<string>([nodeId([])]);
  for (const p of patterns) {
    for (let i = 1; i < p.length && p[i - 1] !== '*'; i++) ids.add(nodeId(p.slice(0, i)));
  }
  return ids;
}

/**
 * The node ids to open so the node at `path` shows — its ancestors, and the ranges of any big array
 * on the way — and the target's id; null when the path is not in the value. Iterative.
 */
export function revealPath(
  root: TreeNode,
  path: readonly string[],
  chunk = CHUNK,
): { open: string[]; target: string } | null {
  const open: string[] = [];
  let node = root;
  for (const key of path) {
    // A too-deep node is as far as the tree goes: it stands for everything below it.
    if (node.kind === 'deep') break;
    open.push(node.id);
    let kids = childrenOf(node, chunk);
    // Step through ranges until the item itself is among the children.
    for (;;) {
      const hit = kids.find((k) => k.kind !== 'range' && k.key === key);
      if (hit) {
        node = hit;
        break;
      }
      const i = Number(key);
      const range = kids.find((k) => k.kind === 'range' && i >= k.range![0] && i < k.range![1]);
      if (!range) return null;
      open.push(range.id);
      kids = childrenOf(range, chunk);
    }
  }
  return { open, target: node.id };
}
