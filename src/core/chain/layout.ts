/**
 * Lays out one chain: fetched pages in order, predicted pages around them (numbered pages up to the
 * total, or the one next link/cursor), gap nodes where a huge total would draw too many, and edges.
 */
import { normalizeUrl } from './key.ts';
import { positionFromUrl, type KnownPage } from './known-page.ts';
import { pageId, pageLabel, type OrderMode } from './label.ts';
import { chooseMode, orderByLinks, orderByNumber } from './order.ts';
import { predictNumbered } from './predict.ts';
import type { Chain, ChainEdge, ChainMeta, ChainNode } from './types.ts';

export type { ChainMeta } from './types.ts';

function toNode(p: KnownPage, mode: OrderMode): ChainNode {
  const n: ChainNode = {
    id: pageId(p, mode, normalizeUrl(p.url)),
    label: pageLabel(p, mode),
    url: p.url,
    state: p.state,
  };
  if (p.cursor) n.cursor = p.cursor;
  if (p.page !== undefined) n.page = p.page;
  if (p.offset !== undefined) n.offset = p.offset;
  if (p.exchangeId !== undefined) n.exchangeId = p.exchangeId;
  if (p.recordCount !== undefined) n.recordCount = p.recordCount;
  if (p.next) n.next = p.next;
  if (p.prev) n.prev = p.prev;
  if (p.ended) n.last = true;
  return n;
}

/** One node per id; a later capture of the same page fills what the first lacked. */
function dedupe(pages: KnownPage[], mode: OrderMode): KnownPage[] {
  const byId = new Map<string, KnownPage>();
  for (const p of pages) {
    const id = pageId(p, mode, normalizeUrl(p.url));
    const had = byId.get(id);
    if (!had) byId.set(id, { ...p });
    else
      for (const k of Object.keys(p) as (keyof KnownPage)[])
        if (had[k] === undefined) (had as Record<string, unknown>)[k] = p[k];
  }
  return [...byId.values()];
}

/** Builds nodes and edges for the fetched pages of one chain. */
export function layoutChain(meta: ChainMeta, fetched: KnownPage[]): Chain {
  const mode = chooseMode(fetched);
  const pages = dedupe(fetched, mode);
  const ordered = mode === 'links' ? orderByLinks(pages) : orderByNumber(pages, mode);
  let nodes = ordered.map((p) => toNode(p, mode));
  // In a cursor chain the page without a cursor is the start, whatever page number it echoes.
  if (mode === 'links' && nodes.some((n) => n.cursor))
    for (const n of nodes) if (!n.cursor) n.label = 'start';
  if (mode !== 'links') nodes = predictNumbered(meta, mode, nodes);
  nodes = predictNext(meta, mode, nodes);
  const base = meta.params.pageBase ?? 1;
  const lastPage = meta.totalPages !== undefined ? base + meta.totalPages - 1 : undefined;
  for (const n of nodes) {
    if (n.page === base && mode === 'page') n.first = true;
    if (n.offset === 0 && mode === 'offset') n.first = true;
    if (mode === 'links' && n.state !== 'predicted' && !n.cursor && !n.prev && n.page === undefined)
      n.first = true;
    if (mode === 'page' && lastPage !== undefined && n.page === lastPage) n.last = true;
  }
  return { ...meta, nodes, edges: linkEdges(meta, mode, nodes) };
}

/**
 * For every fetched page whose next link leads to no node, one predicted node right after it (in
 * numbered chains, at its place in order). Links mode with a known total also gets a gap node for the
 * pages beyond that.
 */
function predictNext(meta: ChainMeta, mode: OrderMode, nodes: ChainNode[]): ChainNode[] {
  const out = [...nodes];
  const resolve = resolver(meta, mode, out);
  for (const n of nodes) {
    if (n.state === 'predicted' || !n.next || resolve(n.next)) continue;
    const pos = positionFromUrl(n.next, meta.params);
    const p: ChainNode = {
      id: pageId(pos, mode, normalizeUrl(n.next)),
      label: pageLabel(pos, mode),
      url: n.next,
      state: 'predicted',
    };
    if (pos.page !== undefined) p.page = pos.page;
    if (pos.offset !== undefined) p.offset = pos.offset;
    if (pos.cursor) p.cursor = pos.cursor;
    if (out.some((o) => o.id === p.id)) continue;
    const field = mode === 'page' ? 'page' : 'offset';
    const at =
      mode === 'links' || p[field] === undefined
        ? out.indexOf(n) + 1
        : out.findIndex((o) => (o[field] ?? -1) > p[field]!);
    out.splice(at < 0 ? out.length : at, 0, p);
  }
  if (
    mode === 'links' &&
    meta.totalPages !== undefined &&
    out.length &&
    out[out.length - 1].state === 'predicted'
  ) {
    const more = meta.totalPages - out.length;
    if (more > 0) {
      const tail = out[out.length - 1];
      out.push({
        id: `gap:after`,
        label: '…',
        url: tail.url,
        state: 'predicted',
        gap: { from: out.length + 1, to: meta.totalPages, count: more },
        note: `about ${more} more page${more === 1 ? '' : 's'} (the API says ${meta.totalPages} in total); their cursors are known only once fetched`,
      });
    }
  }
  return out;
}

/** Finds the node a link leads to: by URL, or by the page number/offset/cursor in it. */
function resolver(meta: ChainMeta, mode: OrderMode, nodes: ChainNode[]): (url: string) => string | undefined {
  const byUrl = new Map(nodes.filter((n) => !n.gap).map((n) => [normalizeUrl(n.url), n.id]));
  const ids = new Set(nodes.map((n) => n.id));
  return (url) => {
    const hit = byUrl.get(normalizeUrl(url));
    if (hit) return hit;
    const pos = positionFromUrl(url, meta.params);
    const id =
      mode === 'page' && pos.page !== undefined
        ? `p${pos.page}`
        : mode === 'offset' && pos.offset !== undefined
          ? `o${pos.offset}`
          : pos.cursor
            ? `c:${pos.cursor}`
            : undefined;
    return id && ids.has(id) ? id : undefined;
  };
}

/**
 * Numbered chains are contiguous, so neighbours are linked even without a link between them; in a
 * links chain only a gap node continues a predicted node (fragments stay apart: who knows what is between).
 */
function implicitNext(mode: OrderMode, n: ChainNode, after: ChainNode | undefined): boolean {
  if (!after || n.last) return false;
  if (n.next && n.state !== 'predicted') return false;
  return mode !== 'links' || after.gap !== undefined;
}

/** Explicit edges from each page's next/prev links; implicit next edges along the order elsewhere. */
function linkEdges(meta: ChainMeta, mode: OrderMode, nodes: ChainNode[]): ChainEdge[] {
  const resolve = resolver(meta, mode, nodes);
  const edges: ChainEdge[] = [];
  nodes.forEach((n, i) => {
    const to = n.next ? resolve(n.next) : undefined;
    if (to) edges.push({ from: n.id, to, rel: 'next' });
    else if (implicitNext(mode, n, nodes[i + 1]))
      edges.push({ from: n.id, to: nodes[i + 1].id, rel: 'next' });
    const back = n.prev ? resolve(n.prev) : undefined;
    if (back) edges.push({ from: n.id, to: back, rel: 'prev' });
  });
  return edges;
}
