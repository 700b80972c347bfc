/**
 * A collapsible JSON tree rendered as text, keyboard-driven like DevTools' object trees: one tab
 * stop (roving tabindex), arrows move and open/close (lib/json-tree-nav.ts). Children are built
 * only when a node is opened, once per node; big arrays come as ranges. Evidence paths are
 * highlighted and the way to them starts expanded.
 */
import { memo } from 'preact/compat';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { treeKeyAction, tabStop, visibleRows, type TreeRow } from '../lib/json-tree-nav.ts';
import {
  childrenOf,
  highlightOf,
  initiallyExpanded,
  isExactInteger,
  makeNode,
  preview,
  revealPath,
  type TreeNode,
} from '../lib/json-tree.ts';

type RowProps = {
  row: TreeRow;
  index: number;
  tabbable: boolean;
  /** The node find-in-responses jumped to. */
  found: boolean;
  patterns: string[][];
  onPick(index: number): void;
};

const TreeItem = memo(function TreeItem({ row, index, tabbable, found, patterns, onPick }: RowProps) {
  const { node, depth, expandable, open } = row;
  const mark = node.kind === 'range' ? null : highlightOf(node.path, patterns);
  const exact = isExactInteger(node);
  return (
    <div
      class={`tree-row${mark === 'hit' ? ' evidence-hit' : ''}${found ? ' find-current' : ''}`}
      style={{ paddingLeft: `${depth * 12 + 4}px` }}
      role="treeitem"
      tabIndex={tabbable ? 0 : -1}
      aria-level={depth + 1}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={expandable ? open : undefined}
      data-testid="json-node"
      data-path={node.kind === 'range' ? undefined : node.path.join('.')}
      data-evidence={mark === 'hit' ? 'true' : undefined}
      data-found={found ? 'true' : undefined}
      onClick={(e) => {
        (e.currentTarget as HTMLElement).focus();
        onPick(index);
      }}
    >
      <span class="twisty" aria-hidden="true">
        {expandable ? (open ? '▾' : '▸') : ''}
      </span>
      {node.key != null && <span class="json-key">{node.key}</span>}
      {node.key != null && <span class="json-punct">: </span>}
      <span
        class={`json-${node.kind}`}
        data-exact={exact ? 'true' : undefined}
        title={exact ? 'Exact as sent: JSON.parse would round this number (or make it Infinity)' : undefined}
      >
        {preview(node)}
      </span>
    </div>
  );
});

/** A node to open the way to and show (find in responses); a new `seq` repeats the jump. */
export type TreeReveal = { path: readonly string[]; seq: number };

export function JsonTreeView({
  value,
  patterns,
  reveal,
}: {
  value: unknown;
  patterns: string[][];
  reveal?: TreeReveal | null;
}) {
  const [expanded, setExpanded] = useState(() => initiallyExpanded(patterns));
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [foundId, setFoundId] = useState<string | null>(null);
  const scrollTo = useRef<string | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);
  const root = useMemo(() => makeNode(null, [], value), [value]);
  // One children list per node: re-opening a node or moving focus rebuilds nothing.
  const children = useMemo(() => {
    const cache = new Map<string, TreeNode[]>();
    return (n: TreeNode) => cache.get(n.id) ?? cache.set(n.id, childrenOf(n)).get(n.id)!;
  }, [root]);
  const rows = useMemo(() => visibleRows(root, expanded, children), [root, expanded, children]);
  const stop = tabStop(rows, focusedId);
  const current = useRef({ rows, stop });
  current.current = { rows, stop };

  const toggle = useCallback((id: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  // A click makes the row the focused one (and the tab stop) and opens or closes it.
  const onPick = useCallback((index: number) => {
    const row = current.current.rows[index];
    if (!row) return;
    setFocusedId(row.node.id);
    if (row.expandable) toggle(row.node.id);
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const action = treeKeyAction(rows, stop, e.key);
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    if (action.toggle) toggle(action.toggle);
    if (action.focus != null && action.focus !== stop) {
      moveFocus.current = true;
      setFocusedId(rows[action.focus].node.id);
    }
  }

  // Find in responses: open the way to the node, make it the tab stop, mark it and scroll to it.
  useLayoutEffect(() => {
    if (!reveal) return;
    const r = revealPath(root, reveal.path);
    if (!r) return setFoundId(null);
    setExpanded((prev) => new Set([...prev, ...r.open]));
    setFocusedId(r.target);
    setFoundId(r.target);
    scrollTo.current = r.target;
  }, [reveal?.seq, root]);
  useLayoutEffect(() => {
    const id = scrollTo.current;
    if (!id) return;
    const i = rows.findIndex((row) => row.node.id === id);
    if (i < 0) return;
    scrollTo.current = null;
    (treeRef.current?.children[i] as HTMLElement | undefined)?.scrollIntoView?.({ block: 'center' });
  }, [rows]);

  // Keyboard moves take DOM focus along (focus() also scrolls the row into view).
  useLayoutEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (treeRef.current?.children[stop] as HTMLElement | undefined)?.focus();
  }, [stop, rows]);

  return (
    <div
      class="json-tree mono"
      data-testid="json-tree"
      role="tree"
      aria-label="Response body"
      ref={treeRef}
      onKeyDown={onKeyDown}
    >
      {rows.map((r, i) => (
        <TreeItem
          key={r.node.id}
          row={r}
          index={i}
          tabbable={i === stop}
          found={r.node.id === foundId}
          patterns={patterns}
          onPick={onPick}
        />
      ))}
    </div>
  );
}
