/**
 * link-hygiene: links a client cannot follow blindly. Next links that drop or change the filters of
 * the original request (`status=open` lost on page 2: the chain silently turns into another listing),
 * and chains mixing relative and absolute links (clients resolving one way break on the other).
 *
 * Cursor links may drop filters on purpose when the cursor encodes the query (Shopify's `page_info`
 * forbids other parameters), so only numbered links (page/offset in the URL) are held to the filters —
 * unless the records show the filter lost (a later page serves `status: "closed"` for `status=open`).
 */
import { paginationParamNames } from '../../chain/key.ts';
import { isObject } from '../../json.ts';
import { getParam } from '../../url.ts';
import type { DiagnoseContext, Finding, PageFacts, Rule } from '../types.ts';

/** Parameters that are credentials or cache-busters, not part of what is listed. */
const NOT_FILTERS =
  /^(access_token|api_key|apikey|key|token|auth|signature|sig|_|callback|client_id|client_secret|t|ts|nocache)$/i;

function filters(url: string, drop: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  try {
    for (const [k, v] of new URL(url).searchParams) {
      if (!drop.has(k.toLowerCase()) && !/^page\[/i.test(k) && !NOT_FILTERS.test(k)) out.set(k, v);
    }
  } catch {
    // An unparsable URL has no filters to compare.
  }
  return out;
}

function droppedFilters(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  const first = pages[0];
  const drop = paginationParamNames({ params: ctx.params });
  const wanted = filters(first.url, drop);
  if (!wanted.size) return [];
  for (const f of pages) {
    const d = f.page.detection!;
    const next = d.links.next;
    if (!next) continue;
    const { page, offset } = ctx.params;
    const numbered =
      (page && getParam(next, page) !== undefined) || (offset && getParam(next, offset) !== undefined);
    if (!numbered) continue;
    const got = filters(next, drop);
    // A filter kept under another name (Spotify's next says `query=abba` for `q=abba`) is not lost.
    const all = filters(next, new Set());
    const renamed = (k: string, v: string) =>
      [...all].some(([k2, v2]) => k2 !== k && v2 === v && !wanted.has(k2));
    const lost = [...wanted].filter(([k, v]) => got.get(k) !== v && !renamed(k, v));
    if (!lost.length) continue;
    const shown = lost.map(([k, v]) => `${k}=${v}`).join('&');
    return [
      {
        rule: 'link-hygiene',
        severity: 'error',
        message: `The next link of ${f.name} ${lost.some(([k]) => got.has(k)) ? 'changes' : 'drops'} ${shown} from the original request, so following it pages through a different (unfiltered) listing.`,
        evidence: {
          pages: [f.n],
          urls: [first.url, next],
          values: Object.fromEntries(lost.map(([k, v]) => [k, v])),
        },
        fix: 'Build next/prev/first/last links from the full request query (all filters and sort), changing only the page parameter.',
      },
    ];
  }
  return [];
}

/** A record's top-level field as text, for comparing with a query value. */
function fieldText(r: unknown, k: string): string | undefined {
  const v = isObject(r) ? r[k] : undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/**
 * The records themselves show a filter lost: every record of the first page has `status: "open"` as
 * asked by `status=open`, and a later page serves records with another status. Holds for cursor
 * links too (whatever the cursor encodes, the listing changed) and for servers that keep the
 * parameter in the link but stop applying it.
 */
function filterIgnored(ctx: DiagnoseContext, pages: PageFacts[]): Finding[] {
  const first = pages[0];
  const wanted = filters(first.url, paginationParamNames({ params: ctx.params }));
  const recs = first.page.records;
  if (recs.length < 2) return [];
  for (const [k, v] of wanted) {
    if (!recs.every((r) => fieldText(r, k) === v)) continue;
    for (const f of pages.slice(1)) {
      const other = f.page.records.filter((r) => {
        const got = fieldText(r, k);
        return got !== undefined && got !== v;
      });
      if (!other.length) continue;
      const seen = fieldText(other[0], k)!;
      return [
        {
          rule: 'link-hygiene',
          severity: 'error',
          message: `The request asks ${k}=${v} and every record of ${first.name} has it, but ${f.name} serves ${other.length} record${other.length === 1 ? '' : 's'} with ${k}=${seen}: the filter is lost on the way through the chain, so clients page through a different listing.`,
          evidence: {
            pages: [first.n, f.n],
            urls: [first.url, f.url],
            ids: other
              .map((r, i) => f.keys[f.page.records.indexOf(r)] ?? `#${i}`)
              .slice(0, 5)
              .map((x) => x.replace(/^[ns]:/, '')),
            values: { [k]: v, served: seen, records: other.length },
          },
          fix: 'Carry every filter of the first request into the next link or cursor (encode it in the cursor, or keep the query parameters) and apply it on every page.',
        },
      ];
    }
  }
  return [];
}

/** Raw link values as the API wrote them: read from the response, else from evidence that kept them unresolved. */
function rawLinks(f: PageFacts): string[] {
  if (f.page.rawLinks) return f.page.rawLinks;
  const out: string[] = [];
  for (const e of f.page.detection!.evidence) {
    if (e.where === 'query') continue;
    for (const m of e.value.matchAll(/<([^>]+)>/g)) out.push(m[1]);
    if (
      /^(https?:\/\/|\/|\?)\S*$/.test(e.value.trim()) &&
      /next|prev|first|last|link|url/i.test(`${e.path} ${e.note ?? ''}`)
    )
      out.push(e.value.trim());
  }
  return out;
}

function mixedForms(pages: PageFacts[]): Finding[] {
  let abs: { f: PageFacts; v: string } | undefined;
  let rel: { f: PageFacts; v: string } | undefined;
  for (const f of pages) {
    for (const v of rawLinks(f)) {
      if (/^https?:\/\//i.test(v)) abs ??= { f, v };
      else rel ??= { f, v };
    }
  }
  if (!abs || !rel) return [];
  return [
    {
      rule: 'link-hygiene',
      severity: 'warning',
      message: `The chain mixes absolute links (${abs.v} on ${abs.f.name}) and relative ones (${rel.v} on ${rel.f.name}); clients that handle only one form break on the other.`,
      evidence: { pages: [...new Set([abs.f.n, rel.f.n])], urls: [abs.v, rel.v] },
      fix: 'Emit every pagination link in one form, preferably absolute URLs.',
    },
  ];
}

export const linkHygiene: Rule = {
  id: 'link-hygiene',
  description: "next links that drop the request's filters; relative and absolute links mixed",
  check(ctx: DiagnoseContext) {
    const pages = ctx.pages.filter((f) => f.ok && !f.page.probe);
    if (!pages.length) return [];
    const dropped = droppedFilters(ctx, pages);
    return [...(dropped.length ? dropped : filterIgnored(ctx, pages)), ...mixedForms(pages)];
  },
};
