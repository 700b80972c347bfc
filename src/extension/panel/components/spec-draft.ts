/**
 * The Edit form's draft: the spec overrides as the text the user types (empty = keep what detection
 * found), read back into `SpecOverrides` with a short message for input that cannot be one.
 */
import { isObject, parseJson } from '../../../core/json.ts';
import { formatSpecPath, type SpecOverrides } from '../../../core/spec/index.ts';

/** Where the next page comes from, as the form's select says it ('' = as detected). */
export type NextChoice = '' | 'link' | 'next-url' | 'next-header' | 'cursor' | 'page' | 'offset';

/** The form's fields, as text (empty = keep what detection found). */
export type Draft = {
  records: string;
  next: NextChoice;
  nextValue: string;
  cursorParam: string;
  cursorIn: '' | 'query' | 'body';
  pageStart: string;
  limitParam: string;
  pageSize: string;
  hasMore: string;
  total: string;
  totalPages: string;
};

/** The form's text for stored overrides (none: every field empty). */
export function draftOf(o: SpecOverrides | undefined): Draft {
  const next: NextChoice = o?.nextLink
    ? 'link'
    : o?.nextUrl !== undefined
      ? 'next-url'
      : o?.nextHeader !== undefined
        ? 'next-header'
        : o?.cursor !== undefined
          ? 'cursor'
          : o?.pageParam !== undefined
            ? 'page'
            : o?.offsetParam !== undefined
              ? 'offset'
              : '';
  return {
    records: o?.records ?? '',
    next,
    nextValue: o?.nextUrl ?? o?.nextHeader ?? o?.cursor ?? o?.pageParam ?? o?.offsetParam ?? '',
    cursorParam: o?.cursorParam ?? '',
    cursorIn: o?.cursorIn ?? '',
    pageStart: o?.pageStart !== undefined ? String(o.pageStart) : '',
    limitParam: o?.limitParam ?? '',
    pageSize: o?.pageSize !== undefined ? String(o.pageSize) : '',
    hasMore: o?.hasMore ?? '',
    total: o?.total ?? '',
    totalPages: o?.totalPages ?? '',
  };
}

/** The overrides a draft says, or what is wrong with it (a message for the form). */
export function readDraft(d: Draft): SpecOverrides | string {
  const o: SpecOverrides = {};
  const t = (s: string) => s.trim() || undefined;
  o.records = t(d.records);
  const v = t(d.nextValue);
  if (d.next === 'link') o.nextLink = true;
  else if (d.next && !v)
    return `say where: the ${d.next === 'page' || d.next === 'offset' ? 'parameter name' : 'path or header'} is empty`;
  if (d.next === 'next-url') o.nextUrl = v;
  if (d.next === 'next-header') o.nextHeader = v;
  if (d.next === 'cursor') o.cursor = v;
  if (d.next === 'page') o.pageParam = v;
  if (d.next === 'offset') o.offsetParam = v;
  if (d.next === 'cursor') {
    o.cursorParam = t(d.cursorParam);
    if (d.cursorIn) o.cursorIn = d.cursorIn;
  }
  if (d.next === 'page' && t(d.pageStart) !== undefined) {
    if (!/^\d+$/.test(d.pageStart.trim())) return 'the first page is a whole number';
    o.pageStart = Number(d.pageStart.trim());
  }
  o.limitParam = t(d.limitParam);
  if (t(d.pageSize) !== undefined) {
    if (!/^[1-9]\d*$/.test(d.pageSize.trim())) return 'the page size is a whole number ≥ 1';
    o.pageSize = Number(d.pageSize.trim());
  }
  o.hasMore = t(d.hasMore);
  o.total = t(d.total);
  o.totalPages = t(d.totalPages);
  return o;
}

/** Paths of the arrays in a body (arrays not entered, 4 levels deep at most): the records path's choices. */
export function arrayPaths(bodyText: string | null): string[] {
  const parsed = parseJson(bodyText);
  if (!parsed.ok) return [];
  const out: string[] = [];
  const walk = (v: unknown, path: string[], depth: number) => {
    if (Array.isArray(v)) return void out.push(formatSpecPath(path));
    if (!isObject(v) || depth > 4) return;
    for (const [k, x] of Object.entries(v)) walk(x, [...path, k], depth + 1);
  };
  walk(parsed.value, [], 0);
  return out.slice(0, 50);
}
