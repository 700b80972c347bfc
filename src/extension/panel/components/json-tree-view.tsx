/**
 * A collapsible JSON tree rendered as text. Children are built only when a node is expanded; big
 * arrays come as ranges. Evidence paths are highlighted and the way to them starts expanded.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  childrenOf,
  highlightOf,
  initiallyExpanded,
  isExpandable,
  makeNode,
  preview,
  type TreeNode,
} from '../lib/json-tree.ts';

type Ctx = { expanded: Set<string>; toggle(id: string): void; patterns: string[][] };

function TreeItem({ node, depth, ctx }: { node: TreeNode; depth: number; ctx: Ctx }) {
  const open = ctx.expanded.has(node.id);
  const canOpen = isExpandable(node);
  const mark = node.kind === 'range' ? null : highlightOf(node.path, ctx.patterns);
  return (
    <>
      <div
        class={`tree-row${mark === 'hit' ? ' evidence-hit' : ''}`}
        style={{ paddingLeft: `${depth * 12 + 4}px` }}
        data-testid="json-node"
        data-path={node.kind === 'range' ? undefined : node.path.join('.')}
        data-evidence={mark === 'hit' ? 'true' : undefined}
        aria-expanded={canOpen ? open : undefined}
        onClick={() => canOpen && ctx.toggle(node.id)}
      >
        <span class="twisty">{canOpen ? (open ? '▾' : '▸') : ''}</span>
        {node.key != null && <span class="json-key">{node.key}</span>}
        {node.key != null && <span class="json-punct">: </span>}
        <span class={`json-${node.kind}`}>{preview(node)}</span>
      </div>
      {open &&
        canOpen &&
        childrenOf(node).map((c) => <TreeItem key={c.id} node={c} depth={depth + 1} ctx={ctx} />)}
    </>
  );
}

export function JsonTreeView({ value, patterns }: { value: unknown; patterns: string[][] }) {
  const [expanded, setExpanded] = useState(() => initiallyExpanded(patterns));
  const root = useMemo(() => makeNode(null, [], value), [value]);
  const ctx: Ctx = {
    expanded,
    patterns,
    toggle(id) {
      setExpanded((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      });
    },
  };
  return (
    <div class="json-tree mono" data-testid="json-tree">
      <TreeItem node={root} depth={0} ctx={ctx} />
    </div>
  );
}
