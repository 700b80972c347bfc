/**
 * unstable-order: records are not in the order the API claims across page boundaries. The claim is a
 * `sort=`/`order_by=` parameter naming a field, or a field that is monotonic inside every page (an id,
 * a version, a timestamp). If every page is in order inside but a boundary breaks it, the server sorts
 * per page (or by a non-unique key), and paging mixes records. Conservative: the order must hold inside
 * every page, on enough records, before a broken boundary counts.
 */
import { getParam } from '../../url.ts';
import { isObject } from '../../json.ts';
import type { DiagnoseContext, Finding, PageFacts, Rule } from '../types.ts';

const SORT_PARAMS = ['sort', 'sort_by', 'sortby', 'order_by', 'orderby', 'order', 'ordering', '$orderby'];
/** Fields that commonly carry an order without a sort parameter saying so. */
const ORDER_FIELDS = [
  'id',
  'version',
  'sequence',
  'seq',
  'created_at',
  'createdAt',
  'created',
  'updated_at',
  'updatedAt',
  'timestamp',
];
/** In-page comparisons needed before a field's order is believed. */
const MIN_PAIRS = 8;

type Claim = { field: string; dir?: 1 | -1; source: string };

/** `sort=-created_at`, `sort=created_at:desc`, `order_by=name desc`, `sort=name,asc`. */
function sortClaim(url: string): Claim | undefined {
  for (const p of SORT_PARAMS) {
    const raw = getParam(url, p);
    if (!raw || (raw.includes(',') && !/,(asc|desc)$/i.test(raw))) continue; // multi-key sorts: not checked
    const m = /^([+-]?)([\w.]+)(?:[ :,](asc|desc))?$/i.exec(raw.trim());
    if (!m) continue;
    const desc = m[1] === '-' || m[3]?.toLowerCase() === 'desc';
    const explicit = m[1] !== '' || m[3] !== undefined;
    return { field: m[2], dir: explicit ? (desc ? -1 : 1) : undefined, source: `${p}=${raw}` };
  }
  return undefined;
}

function value(r: unknown, field: string): number | string | undefined {
  const v = isObject(r) ? r[field] : undefined;
  return typeof v === 'number' || (typeof v === 'string' && v !== '') ? v : undefined;
}

const NUMERIC = /^-?\d{1,15}(\.\d+)?$/;

/** Numbers, and numbers written as strings (JSON:API ids are strings: "9" comes before "10"), by value. */
function cmp(a: number | string, b: number | string): number {
  if (typeof a === 'string' && typeof b === 'string' && NUMERIC.test(a) && NUMERIC.test(b))
    return Number(a) - Number(b);
  return typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a) < String(b)
      ? -1
      : String(a) > String(b)
        ? 1
        : 0;
}

function check(pages: PageFacts[], claim: Claim): Finding[] {
  const lists = pages.map((f) => f.page.records.map((r) => value(r, claim.field)));
  if (
    lists.some((l) => l.some((v) => v === undefined)) ||
    lists.some((l) => l.some((v) => typeof v !== typeof lists[0][0]))
  )
    return [];
  const steps = lists.flatMap((l) => l.slice(1).map((v, i) => Math.sign(cmp(v!, l[i]!))));
  if (steps.length < MIN_PAIRS) return [];
  const dir = claim.dir ?? (steps.find((s) => s !== 0) as 1 | -1 | undefined);
  if (!dir || steps.some((s) => s === -dir)) return [];
  for (let i = 1; i < pages.length; i++) {
    const a = lists[i - 1][lists[i - 1].length - 1]!;
    const b = lists[i][0]!;
    if (Math.sign(cmp(b, a)) !== -dir) continue;
    return [
      {
        rule: 'unstable-order',
        severity: 'warning',
        message: `Records are ${dir === 1 ? 'ascending' : 'descending'} by ${claim.field} inside every page (${claim.source}), but ${pages[i].name} starts at ${b} after ${pages[i - 1].name} ended at ${a}: the order is not stable across pages.`,
        evidence: {
          pages: [pages[i - 1].n, pages[i].n],
          urls: [pages[i - 1].url, pages[i].url],
          values: { field: claim.field, end: a, start: b },
        },
        fix: 'Sort the whole query (not each page) by a unique key: ORDER BY the sort field plus the primary key, and page by that key.',
      },
    ];
  }
  return [];
}

/** Numbers and ISO timestamps compare the same everywhere; strings under a server's collation do not. */
function safelyComparable(v: unknown): boolean {
  return typeof v === 'number' || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v));
}

/**
 * With an explicit sort parameter on a number or timestamp field, any record out of that order counts,
 * inside a page too (a cursor taken from `max(version)` then skips the lower ones that were not served).
 */
function checkClaimed(pages: PageFacts[], claim: Claim): Finding[] {
  const values = pages.flatMap((f) => f.page.records.map((r) => ({ f, v: value(r, claim.field) })));
  if (
    values.length < MIN_PAIRS ||
    !values.every((x) => safelyComparable(x.v)) ||
    new Set(values.map((x) => typeof x.v)).size > 1
  )
    return [];
  const breaks = (dir: number) =>
    values.slice(1).filter((x, i) => Math.sign(cmp(x.v!, values[i].v!)) === -dir).length;
  const dir = claim.dir ?? (breaks(1) <= breaks(-1) ? 1 : -1);
  const i = values.findIndex((x, k) => k > 0 && Math.sign(cmp(x.v!, values[k - 1].v!)) === -dir);
  if (i < 0) return [];
  const a = values[i - 1];
  const b = values[i];
  const where = a.f === b.f ? `inside ${a.f.name}` : `between ${a.f.name} and ${b.f.name}`;
  return [
    {
      rule: 'unstable-order',
      severity: 'warning',
      message: `The request claims ${claim.source} (${dir === 1 ? 'ascending' : 'descending'}), but ${claim.field} ${b.v} follows ${a.v} ${where} (${breaks(dir)} records out of order): a cursor taken from the page's last or highest value skips records.`,
      evidence: {
        pages: [...new Set([a.f.n, b.f.n])],
        urls: [...new Set([a.f.url, b.f.url])],
        values: { field: claim.field, before: a.v!, after: b.v!, outOfOrder: breaks(dir) },
      },
      fix: 'Sort the whole query by the claimed field plus a unique tie-breaker (ORDER BY field, id) before paging, and take cursors from the last record served.',
    },
  ];
}

export const unstableOrder: Rule = {
  id: 'unstable-order',
  description: 'records in order inside every page but not across page boundaries',
  check(ctx: DiagnoseContext) {
    // Pages that repeat or share records with earlier ones are the duplicate and cycle rules' to report:
    // overlapping records break any order, and the order is not the cause.
    const seen = new Set<string>();
    const pages = ctx.pages.filter((f) => {
      if (!f.ok || !f.page.records.length || f.repeatOf !== undefined || f.page.probe) return false;
      const overlaps = f.keys.some((k) => k !== undefined && seen.has(k));
      for (const k of f.keys) if (k !== undefined) seen.add(k);
      return !overlaps;
    });
    if (pages.length < 2) return [];
    const claimed = sortClaim(pages[0].url);
    if (claimed) {
      const strict = checkClaimed(pages, claimed);
      return strict.length ? strict : check(pages, claimed);
    }
    for (const field of ORDER_FIELDS) {
      const found = check(pages, {
        field,
        source: 'no sort parameter; the field is ordered inside every page',
      });
      if (found.length) return found;
    }
    return [];
  },
};
