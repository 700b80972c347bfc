/**
 * PostgREST (and RFC 7233-style item ranges): `Content-Range: 0-24/237` — first and last item index
 * and the total, `*` when the total was not asked for (`Prefer: count=exact`) and a `*` range with a total for an
 * empty one; 206 Partial Content when the range is a subset. Paged with `offset`/`limit` query parameters
 * or the `Range: 0-24` request header (`Range-Unit: items`). Docs: docs.postgrest.org "Pagination and
 * Count". Fixtures: fixtures/headers-content-range.ts.
 */
import { queryValue, setQueryParam } from './params.ts';
import { locateRecords } from './records.ts';
import type { Detector, Evidence, RequestSpec } from './types.ts';
import type { Header } from '../exchange.ts';

const RANGE = /^\s*(?:([A-Za-z][\w-]*)\s+)?(?:(\d{1,15})-(\d{1,15})|\*)\s*\/\s*(\d{1,15}|\*)\s*$/;

function header(list: readonly Header[], name: string): string | undefined {
  return list.find((h) => h.name.toLowerCase() === name)?.value;
}

export const contentRange: Detector = {
  name: 'content-range',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  headers: ['content-range'],
  detect(ctx) {
    const raw = ctx.header('content-range');
    const m = raw ? RANGE.exec(raw) : null;
    // Byte ranges are about transfer, not pages.
    if (!raw || !m || (m[1] && m[1].toLowerCase() === 'bytes')) return null;
    const found = locateRecords(ctx.json);
    if (ctx.json !== undefined && (!found || found.path.length)) return null;
    const first = m[2] !== undefined ? Number(m[2]) : undefined;
    const last = m[3] !== undefined ? Number(m[3]) : undefined;
    if (first !== undefined && last! < first) return null;
    const totalRecords = m[4] === '*' ? undefined : Number(m[4]);
    const evidence: Evidence[] = [
      { where: 'header', path: 'Content-Range', value: raw.trim(), note: 'item range / total' },
    ];
    const { url, method, headers: reqHeaders } = ctx.exchange.request;
    const limitQ = queryValue(url, 'limit');
    const rangeReq = header(reqHeaders, 'range');
    const reqRange = rangeReq ? /^\s*(?:items=)?(\d+)-(\d*)\s*$/.exec(rangeReq) : null;
    if (reqRange)
      evidence.push({ where: 'header', path: 'Range', value: rangeReq!.trim(), note: 'requested range' });
    const offsetQ = queryValue(url, 'offset');
    if (offsetQ !== undefined) evidence.push({ where: 'query', path: 'offset', value: offsetQ });
    const shown = first !== undefined ? last! - first + 1 : 0;
    const asked =
      limitQ && /^\d+$/.test(limitQ)
        ? Number(limitQ)
        : reqRange?.[2]
          ? Number(reqRange[2]) - Number(reqRange[1]) + 1
          : undefined;
    const pageSize = asked ?? (shown || undefined);
    const offset = first ?? (offsetQ && /^\d+$/.test(offsetQ) ? Number(offsetQ) : 0);
    const end = first !== undefined ? last! + 1 : offset;
    // Without a total, only a page as full as the size asked for hints at more; a size the server
    // chose by itself says nothing.
    const hasMore = totalRecords !== undefined ? end < totalRecords : asked ? shown >= asked : undefined;
    let next: RequestSpec | undefined;
    if (hasMore && pageSize) {
      next = reqRange
        ? {
            method,
            url,
            headers: [
              { name: 'Range-Unit', value: 'items' },
              { name: 'Range', value: `${end}-${end + pageSize - 1}` },
            ],
          }
        : { method, url: setQueryParam(url, 'offset', String(end)) };
    }
    return {
      kind: 'offset',
      style: 'content-range',
      confidence: ctx.exchange.response.status === 206 || ctx.header('range-unit') ? 0.9 : 0.75,
      evidence,
      position: { offset },
      pageSize,
      totalRecords,
      hasMore,
      next,
      params: { offset: 'offset', size: 'limit' },
      recordsPath: [],
      recordCount: found?.count ?? 0,
      // Without a total, a range shorter than asked is the last (nothing else says more).
      ...(totalRecords === undefined && asked ? { shortPageEnds: true } : {}),
    };
  },
};
