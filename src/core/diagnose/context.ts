/** Facts every rule reads, computed once per diagnosis: ids, repeats, completeness. */
import { inferIdKey, recordKey } from '../record-id.ts';
import { normalizeUrl } from '../chain/key.ts';
import { getParam } from '../url.ts';
import type { PageParams } from '../detect/types.ts';
import type { DiagnoseContext, DiagnoseOptions, DiagnosePage, PageFacts } from './types.ts';
import { jsonText } from '../json-deep.ts';

/**
 * How messages name a page: the page number or offset the request asked for (a server that clamps
 * `page=6` to 5 still answered the request for page 6), else what the body says, else its position.
 */
function nameOf(p: DiagnosePage, n: number): string {
  const params = p.detection?.params;
  const url = p.requestUrl ?? p.url;
  for (const [role, word] of [
    ['page', 'page'],
    ['offset', 'offset'],
  ] as const) {
    const name = params?.[role];
    const v = name ? getParam(url, name) : undefined;
    if (v !== undefined && /^\d{1,9}$/.test(v)) return `${word} ${Number(v)}`;
  }
  const pos = p.detection?.position;
  if (pos?.page !== undefined) return `page ${pos.page}`;
  if (pos?.offset !== undefined) return `offset ${pos.offset}`;
  return `page #${n}`;
}

/** Stable fingerprint of a page's records: their ids when every record has one, else their JSON. */
function fingerprint(keys: (string | undefined)[], records: unknown[]): string {
  if (keys.every((k) => k !== undefined)) return keys.join('\u0000');
  // Iterative past JSON.stringify's depth: a record nested thousands deep still has a fingerprint.
  return jsonText(records);
}

/** True when the page says the chain goes on (a next link/cursor, or `hasMore`). */
export function saysMore(p: DiagnosePage): boolean {
  const d = p.detection;
  return !!d && (!!d.next || !!d.links.next || d.hasMore === true);
}

/** The page a previous page's next (link, cursor request or Link header) offered is this one. */
function offeredBy(prev: DiagnosePage | undefined, p: DiagnosePage): boolean {
  const d = prev?.detection;
  const next = d?.links.next ?? d?.next?.url ?? prev?.rawNext;
  return !!next && normalizeUrl(next) === normalizeUrl(p.requestUrl ?? p.url);
}

/**
 * Asked for past the end: a probe the API did not offer, or a page requested after one that said
 * there is no more. A page the API's own next offered is inside the chain.
 */
export function askedPastEnd(ctx: DiagnoseContext, f: PageFacts): boolean {
  const prev = ctx.pages[f.n - 2];
  if (f.page.probe && !offeredBy(prev?.page, f.page)) return true;
  return !!prev && !saysMore(prev.page) && !prev.page.rawNext;
}

/**
 * Past the end of the chain: asked for past it (above), or beyond the page count. A page the API's
 * own next offered within the count is inside the chain, even when it repeats the one before (that
 * is a cycle, not a clamp).
 */
export function pastEnd(ctx: DiagnoseContext, f: PageFacts): boolean {
  const d = f.page.detection;
  const total = ctx.pages.find((p) => p.page.detection?.totalPages !== undefined)?.page.detection!.totalPages;
  if (total !== undefined && d?.position.page !== undefined && d.position.page > ctx.pageBase + total - 1)
    return true;
  return askedPastEnd(ctx, f);
}

function startsChain(p: DiagnosePage, base: number): boolean {
  const d = p.detection;
  if (!d) return false;
  if (d.position.page !== undefined) return d.position.page === base;
  if (d.position.offset !== undefined) return d.position.offset === 0;
  // A cursor chain starts with the request that carries no cursor. Without a known cursor parameter the
  // position may sit in the path (Salesforce's `/query/01gD…-2000`): the start cannot be proven.
  const url = p.requestUrl ?? p.url;
  if (!d.params.cursor) return false;
  return !getParam(url, d.params.cursor);
}

/** For each role, the parameter name most pages agree on (one page's odd guess must not mislead the rules). */
function consensus(pages: readonly DiagnosePage[]): PageParams {
  const out: PageParams = {};
  for (const role of ['page', 'size', 'offset', 'cursor'] as const) {
    const votes = new Map<string, number>();
    for (const p of pages) {
      const name = p.detection?.params[role];
      if (name) votes.set(name, (votes.get(name) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0];
    if (best) out[role] = best[0];
  }
  return out;
}

/**
 * A link chain whose links step a page number or an offset (PayPal's HATEOAS `links`, a generic `next`
 * URL) is a numbered chain: its position is what the request asked for. Detectors leave the position
 * of link chains empty, so the rules that compare positions would skip it.
 */
function numberedView(p: DiagnosePage, params: PageParams, base: number): DiagnosePage {
  const d = p.detection;
  if (d?.kind !== 'link' || Object.keys(d.position).length) return p;
  const url = p.requestUrl ?? p.url;
  for (const role of ['page', 'offset'] as const) {
    const name = params[role];
    if (!name || params.cursor) continue;
    const v = getParam(url, name);
    const at = v === undefined ? (role === 'page' ? base : 0) : /^\d{1,9}$/.test(v) ? Number(v) : undefined;
    if (at === undefined) return p;
    return { ...p, detection: { ...d, kind: role, position: { [role]: at } } };
  }
  return p;
}

/**
 * The first page number most pages agree on: a request for `page=0` on a 1-based API makes that one
 * page's detector guess 0-based, and it must not renumber the whole chain.
 */
function baseOf(pages: readonly DiagnosePage[]): number {
  const votes = [0, 0];
  for (const p of pages) {
    const params = p.detection?.params;
    const b = params?.pageBase ?? (params?.page ? 1 : undefined);
    if (b === 0 || b === 1) votes[b]++;
  }
  return votes[0] > votes[1] ? 0 : 1;
}

/** Builds the shared facts. Pages must be in chain order. */
export function createContext(given: readonly DiagnosePage[], opts: DiagnoseOptions = {}): DiagnoseContext {
  const chainParams = consensus(given.filter((p) => p.status >= 200 && p.status < 300 && p.detection));
  const pageBase = baseOf(given);
  const pages = given.map((p) => numberedView(p, chainParams, pageBase));
  const okPages = pages.filter((p) => p.status >= 200 && p.status < 300 && p.detection);
  const idKey = opts.idKey ?? inferIdKey(okPages.flatMap((p) => p.records));
  const seen = new Map<string, number>();
  const facts: PageFacts[] = pages.map((p, i) => {
    const n = i + 1;
    const ok = p.status >= 200 && p.status < 300 && p.detection !== null;
    const keys = p.records.map((r) => recordKey(r, idKey));
    const inChain = !p.probe || offeredBy(pages[i - 1], p);
    const f: PageFacts = { page: p, n, name: nameOf(p, n), url: p.requestUrl ?? p.url, ok, keys, inChain };
    if (ok && p.records.length) {
      const fp = fingerprint(keys, p.records);
      if (fp && seen.has(fp)) f.repeatOf = seen.get(fp);
      else if (fp) seen.set(fp, n);
    }
    return f;
  });
  const chainPages = facts.filter((f) => f.inChain);
  const last = chainPages[chainPages.length - 1];
  const complete =
    opts.complete ??
    (chainPages.length > 0 &&
      chainPages.every((f) => f.ok) &&
      startsChain(chainPages[0].page, pageBase) &&
      // The last page says no more, or it came back empty: past the data, whatever a total promised.
      (!saysMore(last.page) || (last.page.records.length === 0 && chainPages.length > 1)));
  return {
    pages: facts,
    idKey,
    complete,
    shortPagesAllowed: pages.some((p) => p.detection?.emptyPageEnds === false),
    pageBase,
    params: consensus(okPages),
  };
}

/** Up to `max` items and how many were left out, for evidence lists. */
export function sample<T>(items: T[], max = 10): T[] {
  return items.slice(0, max);
}

/** `n:42` → `42`: a record key as people read it. */
export function showKey(key: string): string {
  return key.slice(2);
}
