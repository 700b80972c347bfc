/**
 * The chain drawn as SVG: one node per page or cursor, arrows for next links, dashed arcs for prev
 * links, first/last markers, findings outlined. Everything from the response is a text node
 * (<text>, <title>), never markup. The row scrolls horizontally; the selected page is kept in view.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Chain, ChainNode } from '../../../core/chain/types.ts';
import { layoutChainRow, type NodeBox } from '../lib/chain-geometry.ts';
import type { NodeMark } from '../lib/finding-marks.ts';

type Props = {
  chain: Chain;
  marks: ReadonlyMap<string, NodeMark>;
  /** The selected captured item's id (its node is highlighted). */
  selectedId: string | null;
  /** A rule whose nodes are emphasised (the finding under the pointer). */
  highlight?: string | null;
  onPick(node: ChainNode): void;
};

/** The tooltip: what the node is, its full cursor/URL, and why it is marked. */
function tooltip(n: ChainNode, mark: NodeMark | undefined): string {
  const what = n.gap
    ? `${n.gap.count} more pages`
    : n.page !== undefined
      ? `page ${n.page}`
      : n.offset !== undefined
        ? `offset ${n.offset}`
        : n.cursor
          ? `cursor ${n.cursor}`
          : 'first page';
  const lines = [`${what} (${n.state}${n.first ? ', first' : ''}${n.last ? ', last' : ''})`];
  if (n.recordCount !== undefined) lines.push(`${n.recordCount} records`);
  if (n.note) lines.push(n.note);
  lines.push(n.url);
  if (mark) lines.push(`findings: ${mark.rules.join(', ')}`);
  if (n.state === 'seen' && n.exchangeId) lines.push('click to select this request');
  return lines.join('\n');
}

type NodeProps = {
  n: ChainNode;
  box: NodeBox;
  mark?: NodeMark;
  selected: boolean;
  lit: boolean;
  onPick(n: ChainNode): void;
};

function NodeShape({ n, box, mark, selected, lit, onPick }: NodeProps) {
  const pickable = n.state === 'seen' && !!n.exchangeId;
  const flags = [
    n.gap && 'gap',
    mark && `flag-${mark.severity}`,
    selected && 'selected',
    pickable && 'pickable',
    lit && 'lit',
  ];
  const cls = ['chain-node', n.state, ...flags];
  return (
    <g
      class={cls.filter(Boolean).join(' ')}
      data-testid="chain-node"
      data-node-id={n.id}
      data-state={n.state}
      data-gap={n.gap ? 'true' : undefined}
      data-first={n.first ? 'true' : undefined}
      data-last={n.last ? 'true' : undefined}
      data-finding={mark ? mark.rules.join(' ') : undefined}
      data-selected={selected ? 'true' : undefined}
      tabindex={pickable ? 0 : undefined}
      role={pickable ? 'button' : undefined}
      onClick={() => pickable && onPick(n)}
      onKeyDown={(e) => pickable && (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onPick(n))}
    >
      <title>{tooltip(n, mark)}</title>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={n.gap ? 11 : 3} />
      {n.first && (
        <line class="end-mark" x1={box.x - 3} y1={box.y - 2} x2={box.x - 3} y2={box.y + box.h + 2} />
      )}
      {n.last && (
        <line
          class="end-mark"
          x1={box.x + box.w + 3}
          y1={box.y - 2}
          x2={box.x + box.w + 3}
          y2={box.y + box.h + 2}
        />
      )}
      <text x={box.x + box.w / 2} y={box.y + box.h / 2}>
        {n.label}
      </text>
    </g>
  );
}

export function ChainSvg({ chain, marks, selectedId, highlight, onPick }: Props) {
  const layout = useMemo(() => layoutChainRow(chain.nodes, chain.edges), [chain]);
  const scroller = useRef<HTMLDivElement>(null);
  const selIndex = chain.nodes.findIndex((n) => n.exchangeId !== undefined && n.exchangeId === selectedId);

  useEffect(() => {
    const box = layout.boxes[selIndex];
    const el = scroller.current;
    if (!box || !el) return;
    if (box.x < el.scrollLeft || box.x + box.w > el.scrollLeft + el.clientWidth)
      el.scrollLeft = Math.max(0, box.x - 40);
  }, [layout, selIndex]);

  return (
    <div class="chain-scroll" ref={scroller} data-testid="chain-view">
      <svg
        class="chain-svg"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={`${chain.title}: ${chain.nodes.length} nodes`}
      >
        <defs>
          <marker
            id="chain-arrow"
            viewBox="0 0 8 8"
            refX="7.5"
            refY="4"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0 L8 4 L0 8 z" class="arrow-head" />
          </marker>
        </defs>
        {layout.edges.map((e) => (
          <path
            key={`${e.rel}:${e.from}>${e.to}`}
            class={`chain-edge ${e.rel}`}
            d={e.d}
            marker-end="url(#chain-arrow)"
            data-testid="chain-edge"
            data-rel={e.rel}
            data-from={e.from}
            data-to={e.to}
          />
        ))}
        {chain.nodes.map((n, i) => (
          <NodeShape
            key={n.id}
            n={n}
            box={layout.boxes[i]}
            mark={marks.get(n.id)}
            selected={i === selIndex}
            lit={!!highlight && !!marks.get(n.id)?.rules.includes(highlight)}
            onPick={onPick}
          />
        ))}
      </svg>
    </div>
  );
}
