/**
 * SVG geometry for the chain view (where nodes and edges are drawn; the chain's pages themselves come
 * from core chain/layout.ts): nodes in one row left to right (chain order), next edges as arrows
 * between neighbours, jumps (cycles, links that skip or go back) as arcs above the row and prev links
 * as dashed arcs below it. Pure, so it is unit-tested; chain-svg.tsx only draws this.
 */

export type LayoutNode = { id: string; label: string; gap?: unknown };
export type LayoutEdge = { from: string; to: string; rel: 'next' | 'prev' };

export type NodeBox = { id: string; x: number; y: number; w: number; h: number };
type EdgePath = { from: string; to: string; rel: 'next' | 'prev'; /** SVG path data. */ d: string };

export type ChainLayout = { width: number; height: number; boxes: NodeBox[]; edges: EdgePath[] };

export type LayoutOptions = {
  /** Width of one label character (11px monospace). @default 7 */
  charWidth?: number;
  /** Node height. @default 22 */
  nodeHeight?: number;
  /** Horizontal space between nodes (room for an arrow). @default 22 */
  spacing?: number;
  /** Narrowest node, so `1` is still a target worth clicking. @default 28 */
  minWidth?: number;
  /** Inner horizontal padding of a node. @default 8 */
  padding?: number;
  /** Outer margin around the row. @default 6 */
  margin?: number;
};

/** Room above the row for jump arcs and below it for prev arcs (only when the chain has them). */
const ARC_ROOM = 26;

/** Width of a node for its label: long cursors are abbreviated by the core, so this stays small. */
export function nodeWidth(label: string, o: Required<LayoutOptions>): number {
  return Math.max(o.minWidth, Math.ceil(label.length * o.charWidth + 2 * o.padding));
}

/** Places every node and routes every edge whose ends are both drawn. */
export function layoutChainRow(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions = {},
): ChainLayout {
  const o: Required<LayoutOptions> = {
    charWidth: 7,
    nodeHeight: 22,
    spacing: 22,
    minWidth: 28,
    padding: 8,
    margin: 6,
    ...options,
  };
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
  const drawn = edges
    .map((e) => ({ e, i: index.get(e.from), j: index.get(e.to) }))
    .filter((x): x is { e: LayoutEdge; i: number; j: number } => x.i !== undefined && x.j !== undefined);
  // Room for arcs only where there are arcs: jumps above the row, prev links below it.
  const above = drawn.some(({ e, i, j }) => e.rel === 'next' && j - i !== 1) ? ARC_ROOM : 0;
  const below = drawn.some(({ e }) => e.rel === 'prev') ? ARC_ROOM : 0;
  const y = o.margin + above;
  const boxes: NodeBox[] = [];
  let x = o.margin;
  for (const n of nodes) {
    const w = nodeWidth(n.label, o);
    boxes.push({ id: n.id, x, y, w, h: o.nodeHeight });
    x += w + o.spacing;
  }
  const width = boxes.length ? x - o.spacing + o.margin : 2 * o.margin;
  const height = y + o.nodeHeight + below + o.margin;
  const out = drawn.map(({ e, i, j }) => ({ ...e, d: routeEdge(boxes[i], boxes[j], j - i, e.rel) }));
  return { width, height, boxes, edges: out };
}

/** `d` for one edge; `step` is the distance in nodes (1 = the right-hand neighbour). */
function routeEdge(a: NodeBox, b: NodeBox, step: number, rel: 'next' | 'prev'): string {
  const midY = a.y + a.h / 2;
  if (rel === 'next' && step === 1) return `M${a.x + a.w} ${midY} L${b.x} ${midY}`;
  const ax = a.x + a.w / 2;
  const bx = b.x + b.w / 2;
  if (step === 0) {
    // A page whose next link is itself: a small loop over the node.
    const top = a.y;
    return `M${ax - 6} ${top} C${ax - 14} ${top - 20} ${ax + 14} ${top - 20} ${ax + 6} ${top}`;
  }
  // Arcs grow with the distance they span, up to the room reserved for them.
  const lift = Math.min(ARC_ROOM - 2, 10 + 4 * Math.abs(step));
  if (rel === 'prev') {
    const bottom = a.y + a.h;
    return `M${ax} ${bottom} C${ax} ${bottom + lift} ${bx} ${bottom + lift} ${bx} ${bottom}`;
  }
  const top = a.y;
  return `M${ax} ${top} C${ax} ${top - lift} ${bx} ${top - lift} ${bx} ${top}`;
}

/** Index of the node to scroll into view: the selected one, else the first seen/crawled one. */
export function focusIndex(nodes: readonly { id: string; state: string }[], selectedId?: string): number {
  const sel = selectedId ? nodes.findIndex((n) => n.id === selectedId) : -1;
  if (sel >= 0) return sel;
  return Math.max(
    0,
    nodes.findIndex((n) => n.state !== 'predicted'),
  );
}
