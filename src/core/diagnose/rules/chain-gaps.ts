/**
 * Records the chain itself steps over (missing-records' third and fourth signals): a chain that ends
 * while a page past its end still holds fresh records (has_more false, no next link, a page count or a
 * total that is too small — found by the probe past the end, or by a capture that asked on), and a
 * next link that jumps over pages (page 1 → page 3, or offset + more than the page served).
 */
import { getParam } from '../../url.ts';
import { sample } from '../context.ts';
import type { DiagnoseContext, Finding, PageFacts } from '../types.ts';

/** The page number or offset a page stands at, in the chain's numbering; undefined for cursor pages. */
function positionOf(f: PageFacts): { at: number; word: 'page' | 'offset' } | undefined {
  const p = f.page.detection?.position;
  if (p?.page !== undefined) return { at: p.page, word: 'page' };
  if (p?.offset !== undefined) return { at: p.offset, word: 'offset' };
  return undefined;
}

/** A record as a comparable string: its id key, else its JSON. */
function identities(f: PageFacts): string[] {
  return f.page.records.map((r, i) => {
    const k = f.keys[i];
    if (k !== undefined) return k;
    try {
      return `j:${JSON.stringify(r)}`;
    } catch {
      return `#${f.n}:${i}`;
    }
  });
}

/**
 * Why the page is the API's last, in its own words — an explicit signal only: a page without next in a
 * chain that gives no end signal at all (clients count up until a page is empty) proves nothing.
 */
function endSignal(ctx: DiagnoseContext, f: PageFacts, linked: boolean): string | undefined {
  const d = f.page.detection!;
  if (d.links.next || f.page.rawNext || d.hasMore === true) return undefined;
  if (d.kind === 'cursor' && d.next) return undefined;
  const base = ctx.pageBase;
  if (
    d.totalPages !== undefined &&
    d.position.page !== undefined &&
    d.position.page >= base + d.totalPages - 1
  )
    return `the API says ${d.totalPages} page${d.totalPages === 1 ? '' : 's'}`;
  if (
    d.totalRecords !== undefined &&
    d.position.offset !== undefined &&
    d.position.offset + f.page.records.length >= d.totalRecords
  )
    return `the API says ${d.totalRecords} records`;
  if (linked) return 'no next link';
  if (d.hasMore === false) return 'hasMore false';
  return undefined;
}

/** The chain ends (by the API's own signal) while pages past that end still hold records never served. */
export function endsEarly(ctx: DiagnoseContext): Finding[] {
  const pages = ctx.pages.filter((f) => f.ok);
  let linked = false;
  let endAt = -1;
  let why: string | undefined;
  for (let i = 0; i < pages.length && endAt < 0; i++) {
    const f = pages[i];
    if (f.page.probe) continue;
    why = endSignal(ctx, f, linked);
    if (why && positionOf(f)) endAt = i;
    if (f.page.detection!.links.next || f.page.rawNext) linked = true;
  }
  if (endAt < 0) return [];
  const end = pages[endAt];
  const endPos = positionOf(end)!;
  const seen = new Set(pages.slice(0, endAt + 1).flatMap(identities));
  const fresh: { f: PageFacts; ids: string[] }[] = [];
  for (const f of pages.slice(endAt + 1)) {
    const pos = positionOf(f);
    if (!pos || pos.word !== endPos.word || pos.at <= endPos.at || f.repeatOf !== undefined) continue;
    // A total that grew since the end page: records were added after the chain ended (live data).
    const total = f.page.detection!.totalRecords;
    const endTotal = end.page.detection!.totalRecords;
    if (total !== undefined && endTotal !== undefined && total > endTotal) continue;
    const ids = identities(f).filter((k) => !seen.has(k));
    for (const k of ids) seen.add(k);
    if (ids.length) fresh.push({ f, ids });
  }
  if (!fresh.length) return [];
  const count = fresh.reduce((s, x) => s + x.ids.length, 0);
  const first = fresh[0].f;
  const shown = fresh
    .flatMap((x) => x.ids)
    .filter((k) => /^[ns]:/.test(k))
    .map((k) => k.slice(2));
  const past = first.page.probe ? `a probe past the end, ${first.name},` : first.name;
  return [
    {
      rule: 'missing-records',
      severity: 'error',
      message:
        `The chain ends at ${end.name} (${why}), but ${past} still returns ${count} record${count === 1 ? '' : 's'} ` +
        `never served before${shown.length ? ` (${ctx.idKey ?? 'id'} ${sample(shown, 3).join(', ')}${shown.length > 3 ? ', …' : ''})` : ''}: ` +
        'the API ends the chain too early, so clients that stop where it says miss them.',
      evidence: {
        pages: [end.n, ...fresh.map((x) => x.f.n)],
        urls: [end.url, ...fresh.map((x) => x.f.url)],
        ...(shown.length ? { ids: sample(shown) } : {}),
        values: { endsAt: end.name, said: why!, pastTheEnd: first.name, freshRecords: count },
      },
      fix: 'Decide the end from the rows themselves, not from a separate or stale count: fetch size + 1 rows to set has_more/next, compute total and last_page with the same filters as the listing, and give a next link whenever another page has records.',
    },
  ];
}

/** A next link the API gave that jumps over pages: the records between are never requested. */
export function skippedPages(ctx: DiagnoseContext): Finding[] {
  if (ctx.shortPagesAllowed) return [];
  const pages = ctx.pages.filter((f) => f.ok && !f.page.probe);
  // Only a full page's size is the step (a filtered short page may step by the size asked for).
  const full = Math.max(0, ...pages.map((f) => f.page.records.length));
  for (const f of pages) {
    const d = f.page.detection!;
    const next = d.links.next ?? f.page.rawNext;
    const pos = positionOf(f);
    if (!next || !pos || !f.page.records.length) continue;
    const name = pos.word === 'page' ? ctx.params.page : ctx.params.offset;
    const v = name ? getParam(next, name) : undefined;
    if (v === undefined || !/^\d{1,9}$/.test(v)) continue;
    const to = Number(v);
    const step = pos.word === 'page' ? 1 : f.page.records.length;
    if (to <= pos.at + step || (pos.word === 'offset' && f.page.records.length < full)) continue;
    // The page the link leads to must exist with records (else it is an end-of-chain problem); for
    // offsets it must have been fetched (docs examples show one record of a page of 100).
    const target = pages.find((p) => p.n > f.n && positionOf(p)?.at === to);
    if (target ? !target.page.records.length : pos.word === 'offset') continue;
    const gap = to - pos.at - step;
    const what =
      pos.word === 'page'
        ? `page${gap === 1 ? '' : 's'} ${Array.from({ length: Math.min(gap, 3) }, (_, i) => pos.at + 1 + i).join(', ')}${gap > 3 ? ', …' : ''}`
        : `${gap} record${gap === 1 ? '' : 's'} (offsets ${pos.at + step}–${to - 1})`;
    return [
      {
        rule: 'missing-records',
        severity: 'error',
        message: `The next link of ${f.name} jumps to ${pos.word} ${to}, so ${what} ${gap === 1 && pos.word === 'page' ? 'is' : 'are'} never requested: a client following next misses those records.`,
        evidence: {
          pages: [f.n, ...(target ? [target.n] : [])],
          urls: [f.url, next],
          values: { [pos.word]: pos.at, next: to, skipped: gap },
        },
        fix:
          pos.word === 'page'
            ? 'Build the next link as page + 1 from the page actually served.'
            : 'Build the next link as offset + the number of records actually served (the capped size, not the size asked for).',
      },
    ];
  }
  return [];
}
