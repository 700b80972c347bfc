/**
 * The one way from exchanges that already carry their detection to chains and their diagnosable
 * pages: group them into chains (core's buildChains), keep the undetected end and error pages their
 * URLs place in a chain, join chains a next link crosses, and order each chain's pages by the
 * position its requests asked for (chain/order.ts). The panel, `diagnose FILE.har` and the tests all come through here.
 */
import { buildChains } from '../chain/build.ts';
import { chainKey, normalizeUrl } from '../chain/key.ts';
import { nextUrlOf, positionFromUrl } from '../chain/known-page.ts';
import { orderRequests } from '../chain/order.ts';
import type { Chain } from '../chain/types.ts';
import type { Detection, PageParams } from '../detect/types.ts';
import type { Exchange } from '../exchange.ts';
import { diagnosePage, type ChainMember } from './page.ts';
import type { DiagnosePage } from './types.ts';

/** A chain with its fetched pages in chain order, ready for diagnose(). */
export type ChainPages = { chain: Chain; pages: DiagnosePage[] };

/**
 * Chains joined by their own next links: a next link that drops a filter (`status=open`) leads into
 * what looks like another endpoint, but it is the same chain the client followed — and the bug.
 */
function joinByNextLinks(
  groups: { chain: Chain; members: ChainMember[] }[],
): { chain: Chain; members: ChainMember[] }[] {
  const owner = new Map<string, number>();
  groups.forEach((g, i) => g.members.forEach((m) => owner.set(normalizeUrl(m.exchange.request.url), i)));
  const parent = groups.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  groups.forEach((g, i) => {
    for (const m of g.members) {
      const next = nextUrlOf(m.detection);
      const j = next ? owner.get(normalizeUrl(next)) : undefined;
      if (j !== undefined && root(j) !== root(i))
        parent[Math.max(root(i), root(j))] = Math.min(root(i), root(j));
    }
  });
  return groups
    .map((g, i) => ({
      chain: g.chain,
      members: groups.filter((_, j) => root(j) === i).flatMap((x) => x.members),
    }))
    .filter((_, i) => root(i) === i);
}

/** The request names a page number or an offset of a numbered chain. */
function numberedRequest(url: string, params: PageParams): boolean {
  const at = positionFromUrl(url, params);
  return !params.cursor && (at.page !== undefined || at.offset !== undefined);
}

/**
 * Every chain among the members, in order of first capture, each with its ordered pages (one page
 * per distinct request URL). Each member's detection is used as given, never recomputed; a member
 * without one is an end or error page of the chain its URL names, or left out.
 */
export function chainsWithPages(members: readonly ChainMember[]): ChainPages[] {
  const detected = members.filter(
    (m): m is { exchange: Exchange; detection: Detection } => m.detection !== null,
  );
  // A last page often carries no pagination at all (a bare array without a Link header): it has no
  // detection, but a chain member's next link names it, so it is the chain's end, not noise.
  const linkedTo = new Set(
    detected
      .map((m) => nextUrlOf(m.detection))
      .filter((u): u is string => !!u)
      .map(normalizeUrl),
  );
  const seen = new Set<string>();
  const groups = buildChains(detected).map((chain) => ({
    chain,
    members: members.filter((m) => {
      const key = chainKey(m.exchange, m.detection ?? { params: chain.params });
      // An error page past the end has no detection, but its URL still places it in the chain.
      if (key !== chain.key) return false;
      // So is a numbered request past the end that came back without pagination (a probe of page N+1).
      if (
        !m.detection &&
        m.exchange.response.status < 400 &&
        !linkedTo.has(normalizeUrl(m.exchange.request.url)) &&
        !numberedRequest(m.exchange.request.url, chain.params)
      )
        return false;
      const u = normalizeUrl(m.exchange.request.url);
      if (seen.has(u)) return false;
      seen.add(u);
      return true;
    }),
  }));
  return joinByNextLinks(groups).map(({ chain, members: mine }) => {
    const first = mine.find((m) => m.detection)?.detection ?? undefined;
    return { chain, pages: orderRequests(mine, chain.params).map((m, i) => diagnosePage(m, i, first)) };
  });
}
