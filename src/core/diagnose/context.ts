/** Facts every rule reads, computed once per diagnosis: ids, repeats, completeness. */
import { inferIdKey, recordKey } from '../record-id.ts';
import { getParam } from '../url.ts';
import type { PageParams } from '../detect/types.ts';
import type { DiagnoseContext, DiagnoseOptions, DiagnosePage, PageFacts } from './types.ts';

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
  try {
    return JSON.stringify(records);
  } catch {
    return '';
  }
}

/** True when the page says the chain goes on (a next link/cursor, or `hasMore`). */
export function saysMore(p: DiagnosePage): boolean {
  const d = p.detection;
  return !!d && (!!d.next || !!d.links.next || d.hasMore === true);
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

/** Builds the shared facts. Pages must be in chain order. */
export function createContext(pages: readonly DiagnosePage[], opts: DiagnoseOptions = {}): DiagnoseContext {
  const okPages = pages.filter((p) => p.status >= 200 && p.status < 300 && p.detection);
  const idKey = opts.idKey ?? inferIdKey(okPages.flatMap((p) => p.records));
  const pageBase =
    pages.find((p) => p.detection?.params.pageBase !== undefined)?.detection?.params.pageBase ?? 1;
  const seen = new Map<string, number>();
  const facts: PageFacts[] = pages.map((p, i) => {
    const n = i + 1;
    const ok = p.status >= 200 && p.status < 300 && p.detection !== null;
    const keys = p.records.map((r) => recordKey(r, idKey));
    const f: PageFacts = { page: p, n, name: nameOf(p, n), url: p.requestUrl ?? p.url, ok, keys };
    if (ok && p.records.length) {
      const fp = fingerprint(keys, p.records);
      if (fp && seen.has(fp)) f.repeatOf = seen.get(fp);
      else if (fp) seen.set(fp, n);
    }
    return f;
  });
  const chainPages = facts.filter((f) => !f.page.probe);
  const last = chainPages[chainPages.length - 1];
  const complete =
    opts.complete ??
    (chainPages.length > 0 &&
      chainPages.every((f) => f.ok) &&
      startsChain(chainPages[0].page, pageBase) &&
      !saysMore(last.page));
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
