/**
 * From captured exchanges (panel capture, HAR file) to diagnosable pages: detect each, group them
 * into chains, order each chain by the position its request asked for, extract the records.
 */
import { buildChains } from '../chain/build.ts';
import { chainKey, normalizeUrl } from '../chain/key.ts';
import { positionFromUrl, type KnownPage } from '../chain/known-page.ts';
import { chooseMode, orderByLinks, orderByNumber } from '../chain/order.ts';
import type { Chain } from '../chain/types.ts';
import { detect } from '../detect/index.ts';
import type { Detection, PageParams } from '../detect/types.ts';
import type { Exchange } from '../exchange.ts';
import { extractRecords, parseJson } from '../json.ts';
import { diagnose } from './diagnose.ts';
import { endPageDetection } from './end-page.ts';
import { linkHeaderNext, rawLinksOf } from './raw-links.ts';
import type { DiagnoseOptions, DiagnosePage, Finding } from './types.ts';

export type ChainDiagnosis = { chain: Chain; pages: DiagnosePage[]; findings: Finding[] };

type Member = { exchange: Exchange; detection: Detection | null };

/**
 * Orders by what each request asked for (the URL), not what the body claims: a server that clamps
 * `page=6` to page 5 must show up as a sixth page, not merge with the fifth.
 */
function order(members: Member[], params: PageParams): Member[] {
  const base = params.pageBase ?? 1;
  const known = members.map((m, i): KnownPage & { i: number } => {
    const url = m.exchange.request.url;
    const pos = positionFromUrl(url, params);
    const d = m.detection;
    return {
      i,
      url,
      page: pos.page ?? (params.page && !pos.cursor ? base : undefined),
      offset: pos.offset ?? (params.offset && !pos.cursor ? 0 : undefined),
      cursor: pos.cursor,
      next: d?.next?.url ?? d?.links.next,
      ended: !d?.next,
      state: 'seen',
    };
  });
  const mode = chooseMode(known);
  const sorted = mode === 'links' ? orderByLinks(known) : orderByNumber(known, mode);
  return (sorted as (KnownPage & { i: number })[]).map((k) => members[k.i]);
}

/** Records by the page's own detection, or for an undetected 2xx end page by the chain's (end-page.ts). */
function toPage(m: Member, index: number, chain: Detection | undefined): DiagnosePage {
  const detection = m.detection ?? (chain ? endPageDetection(m.exchange, chain) : null);
  const parsed = detection ? parseJson(m.exchange.response.bodyText) : undefined;
  const records = parsed?.ok && detection ? extractRecords(parsed.value, detection.recordsPath) : [];
  const page: DiagnosePage = {
    index,
    url: m.exchange.request.url,
    status: m.exchange.response.status,
    detection,
    records,
  };
  if (detection) page.rawLinks = rawLinksOf(m.exchange, detection.recordsPath);
  const rawNext = linkHeaderNext(m.exchange);
  if (rawNext) page.rawNext = rawNext;
  return page;
}

/**
 * Chains joined by their own next links: a next link that drops a filter (`status=open`) leads into
 * what looks like another endpoint, but it is the same chain the client followed — and the bug.
 */
function joinByNextLinks(
  groups: { chain: Chain; members: Member[] }[],
): { chain: Chain; members: Member[] }[] {
  const owner = new Map<string, number>();
  groups.forEach((g, i) => g.members.forEach((m) => owner.set(normalizeUrl(m.exchange.request.url), i)));
  const parent = groups.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  groups.forEach((g, i) => {
    for (const m of g.members) {
      const next = m.detection?.next?.url ?? m.detection?.links.next;
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

/** Every chain among the exchanges with its ordered pages (one page per distinct request URL). */
export function chainsOfExchanges(exchanges: readonly Exchange[]): { chain: Chain; pages: DiagnosePage[] }[] {
  const members: Member[] = exchanges.map((exchange, i) => ({
    exchange: { ...exchange, id: exchange.id ?? `#${i}` },
    detection: detect(exchange),
  }));
  const detected = members.filter(
    (m): m is { exchange: Exchange; detection: Detection } => m.detection !== null,
  );
  // A last page often carries no pagination at all (a bare array without a Link header): it has no
  // detection, but a chain member's next link names it, so it is the chain's end, not noise.
  const linkedTo = new Set(
    detected
      .map((m) => m.detection.next?.url ?? m.detection.links.next)
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
    return { chain, pages: order(mine, chain.params).map((m, i) => toPage(m, i, first)) };
  });
}

/**
 * The pages of the exchanges' chain, detected, ordered and with their records. When the exchanges
 * hold several chains, the one with the most pages.
 */
export function pagesFromExchanges(exchanges: readonly Exchange[]): DiagnosePage[] {
  const chains = chainsOfExchanges(exchanges);
  return chains.reduce<DiagnosePage[]>((best, c) => (c.pages.length > best.length ? c.pages : best), []);
}

/** Diagnoses every chain among the exchanges (a HAR file, a panel capture). */
export function diagnoseExchanges(
  exchanges: readonly Exchange[],
  opts: DiagnoseOptions = {},
): ChainDiagnosis[] {
  return chainsOfExchanges(exchanges).map(({ chain, pages }) => ({
    chain,
    pages,
    findings: diagnose(pages, opts),
  }));
}
