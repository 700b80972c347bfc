/** Override flags / Edit-form fields applied to a spec: each replaces one part, the rest stays. */
import type { NextRule, PaginationSpec, SpecOverrides, ValueSource } from './types.ts';

export class SpecOverrideError extends Error {}

/** `header:X-Total` names a header; anything else is a dotted body path. */
function totalSource(text: string): ValueSource {
  const m = /^header:\s*(.+)$/i.exec(text.trim());
  return m ? { in: 'header', name: m[1].trim() } : { in: 'body', path: text.trim() };
}

/** True when no override is set. */
export function noOverrides(o: SpecOverrides): boolean {
  return Object.values(o).every((v) => v === undefined);
}

/**
 * `spec` with the overrides applied: at most one next rule (`nextLink`, `nextUrl`, `nextHeader`,
 * `cursor`, `pageParam`, `offsetParam`); `cursorParam`/`cursorIn` adjust a cursor rule, `pageStart`
 * a page rule, `limitParam` the page-size parameter. Throws SpecOverrideError on a contradiction.
 */
export function applyOverrides(spec: PaginationSpec, o: SpecOverrides): PaginationSpec {
  const out: PaginationSpec = structuredClone(spec);
  const rules = (
    [
      ['--next-link', o.nextLink ? true : undefined],
      ['--next-url', o.nextUrl],
      ['--next-header', o.nextHeader],
      ['--cursor', o.cursor],
      ['--page-param', o.pageParam],
      ['--offset-param', o.offsetParam],
    ] as const
  ).filter(([, v]) => v !== undefined);
  if (rules.length > 1)
    throw new SpecOverrideError(`${rules.map(([n]) => n).join(' and ')} each set the next rule: give one`);
  if (o.records !== undefined) out.records = o.records.trim() || '.';
  const prev = spec.next;
  let next: NextRule = out.next;
  if (o.nextLink) next = { type: 'link-header' };
  if (o.nextUrl !== undefined) next = { type: 'next-url', from: { in: 'body', path: o.nextUrl } };
  if (o.nextHeader !== undefined) next = { type: 'next-url', from: { in: 'header', name: o.nextHeader } };
  if (o.cursor !== undefined)
    next = {
      type: 'cursor',
      from: { in: 'body', path: o.cursor },
      param: prev.type === 'cursor' ? prev.param : 'cursor',
      in: prev.type === 'cursor' ? prev.in : 'query',
    };
  if (o.pageParam !== undefined)
    next = { type: 'page', param: o.pageParam, start: prev.type === 'page' ? prev.start : 1 };
  if (o.offsetParam !== undefined) next = { type: 'offset', param: o.offsetParam };
  if (o.cursorParam !== undefined || o.cursorIn !== undefined) {
    if (next.type !== 'cursor')
      throw new SpecOverrideError('--cursor-param and --cursor-in adjust a cursor rule: add --cursor PATH');
    next = { ...next, param: o.cursorParam ?? next.param, in: o.cursorIn ?? next.in };
  }
  if (o.pageStart !== undefined) {
    if (next.type !== 'page')
      throw new SpecOverrideError('--page-start adjusts a page rule: add --page-param NAME');
    next = { ...next, start: o.pageStart };
  }
  out.next = next;
  if (o.limitParam !== undefined) out.pageSize = { ...out.pageSize, param: o.limitParam };
  if (o.pageSize !== undefined) {
    if (!Number.isInteger(o.pageSize) || o.pageSize < 1)
      throw new SpecOverrideError('--page-size takes a whole number ≥ 1');
    if (!out.pageSize?.param)
      throw new SpecOverrideError('--page-size needs the page-size parameter: add --limit-param NAME');
    if (next.type === 'page')
      throw new SpecOverrideError(
        '--page-size does not apply to page numbers (page 2 at another size skips records): put the size in the URL of page 1',
      );
    out.pageSize = { ...out.pageSize, request: o.pageSize };
  }
  if (o.hasMore !== undefined) out.end.hasMore = o.hasMore;
  if (o.total !== undefined) out.end.totalRecords = totalSource(o.total);
  if (o.totalPages !== undefined) out.end.totalPages = totalSource(o.totalPages);
  // A rule the user chose drops the detected end rules that belonged to the old way of paging,
  // unless the user set them too.
  if (rules.length && next.type !== prev.type) {
    if (o.hasMore === undefined) delete out.end.hasMore;
    if (o.total === undefined) delete out.end.totalRecords;
    if (o.totalPages === undefined) delete out.end.totalPages;
  }
  return out;
}
