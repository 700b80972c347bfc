/**
 * The JSON tree's visible rows as a flat list, and what each navigation key does on it, following
 * the WAI-ARIA tree view pattern (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/) as DevTools'
 * object trees do: Up/Down move between visible rows, Right opens a node or steps to its first
 * child, Left closes a node or steps to its parent, Home/End jump, Enter/Space toggle.
 */
import { isExpandable, type TreeNode } from './json-tree.ts';

export type TreeRow = {
  node: TreeNode;
  /** 0 for the root. aria-level is depth + 1. */
  depth: number;
  /** Index of the parent row in the list; -1 for the root. */
  parent: number;
  /** 1-based position among its siblings, and their count (aria-posinset / aria-setsize). */
  posInSet: number;
  setSize: number;
  expandable: boolean;
  open: boolean;
};

/**
 * Rows shown for `root` with the `expanded` node ids open, in document order. Only open nodes'
 * children are asked for, so the cost follows what the user opened, not the body's size.
 */
export function visibleRows(
  root: TreeNode,
  expanded: ReadonlySet<string>,
  children: (n: TreeNode) => TreeNode[],
): TreeRow[] {
  const rows: TreeRow[] = [];
  // Iterative depth-first walk: [node, depth, parent index, posInSet, setSize], last pushed first out.
  const stack: [TreeNode, number, number, number, number][] = [[root, 0, -1, 1, 1]];
  while (stack.length) {
    const [node, depth, parent, posInSet, setSize] = stack.pop()!;
    const expandable = isExpandable(node);
    const open = expandable && expanded.has(node.id);
    const index = rows.push({ node, depth, parent, posInSet, setSize, expandable, open }) - 1;
    if (!open) continue;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1, index, i + 1, kids.length]);
  }
  return rows;
}

/** What a key does: move focus to a row index, and/or open or close a node by id. */
export type TreeKeyAction = { focus?: number; toggle?: string };

/** The action for `key` pressed on row `index`, or null when the tree does not handle the key. */
export function treeKeyAction(rows: readonly TreeRow[], index: number, key: string): TreeKeyAction | null {
  const row = rows[index];
  if (!row) return null;
  const last = rows.length - 1;
  switch (key) {
    case 'ArrowDown':
      return { focus: Math.min(last, index + 1) };
    case 'ArrowUp':
      return { focus: Math.max(0, index - 1) };
    case 'Home':
      return { focus: 0 };
    case 'End':
      return { focus: last };
    case 'ArrowRight':
      if (!row.expandable) return {};
      return row.open
        ? { focus: rows[index + 1]?.parent === index ? index + 1 : index }
        : { toggle: row.node.id };
    case 'ArrowLeft':
      if (row.open) return { toggle: row.node.id };
      return { focus: row.parent >= 0 ? row.parent : index };
    case 'Enter':
    case ' ':
      return row.expandable ? { toggle: row.node.id } : {};
    default:
      return null;
  }
}

/** The row that takes Tab (roving tabindex): the focused node's row, else the root. */
export function tabStop(rows: readonly TreeRow[], focusedId: string | null): number {
  if (focusedId == null) return 0;
  const i = rows.findIndex((r) => r.node.id === focusedId);
  return i < 0 ? 0 : i;
}
