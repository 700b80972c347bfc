/**
 * Turns the merged detector answer into a complete Detection: absolute links, the records array,
 * the query parameters, derived totals and the next request — whatever the detector left open.
 */
import { getPath } from '../json.ts';
import { resolveUrl } from '../url.ts';
import { inferParams, nextRequest, queryValue } from './params.ts';
import { locateRecords } from './records.ts';
import type { DetectContext, Detection, DetectorResult } from './types.ts';

const LINK_RELS = ['first', 'prev', 'next', 'last'] as const;
const OPTIONAL = ['pageSize', 'totalPages', 'totalRecords', 'hasMore'] as const;

function absoluteLinks(base: string, links: DetectorResult['links']): Detection['links'] {
  const out: Detection['links'] = {};
  for (const k of LINK_RELS) {
    const abs = resolveUrl(base, links?.[k]);
    if (abs) out[k] = abs;
  }
  return out;
}

/** Length of the array a records path leads to (for `edges,*,node`, the edges). */
function countAt(json: unknown, path: readonly string[]): number {
  const star = path.indexOf('*');
  const v = getPath(json, star >= 0 ? path.slice(0, star) : path);
  return Array.isArray(v) ? v.length : 0;
}

function intParam(url: string, name: string | undefined): number | undefined {
  const v = name ? queryValue(url, name) : undefined;
  return v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : undefined;
}

/**
 * The size asked for in the request, unless the page holds fewer records and the totals show it is
 * not the last (records before it at the asked size, plus its own, fall short of the total): then the
 * server used a smaller size (a cap) and the count is it. A next link alone does not show that — it
 * may be the server's bug on a short last page (diagnose's next-on-last-page). Not for APIs whose
 * pages may be short mid-chain (`emptyPageEnds: false`).
 */
function servedSize(
  asked: number | undefined,
  r: DetectorResult,
  position: Detection['position'],
  pageBase: number,
  records: number,
): number | undefined {
  const total = r.totalRecords;
  if (asked === undefined || total === undefined || r.emptyPageEnds === false) return asked;
  if (records === 0 || records >= asked) return asked;
  const before =
    r.kind === 'page' && position.page !== undefined
      ? (position.page - pageBase) * asked
      : r.kind === 'offset'
        ? position.offset
        : undefined;
  return before !== undefined && before >= 0 && before + records < total ? records : asked;
}

/** Fills what every Detection must have from what the detectors found. */
export function finalize(ctx: DetectContext, r: DetectorResult): Detection {
  const url = ctx.exchange.request.url;
  const method = ctx.exchange.request.method;
  const links = absoluteLinks(url, r.links);
  let recordsPath = r.recordsPath;
  let recordCount = r.recordCount;
  if (!recordsPath) {
    const found = locateRecords(ctx.json);
    recordsPath = found?.path ?? [];
    recordCount ??= found?.count ?? 0;
  }
  recordCount ??= countAt(ctx.json, recordsPath);
  const params = inferParams(url, links, { kind: r.kind, pageSize: r.pageSize, params: r.params });
  const position = { ...r.position };
  if (r.kind === 'page' && position.page === undefined) {
    position.page =
      intParam(url, params.page) ??
      (params.page && !queryValue(url, params.page) ? (params.pageBase ?? 1) : undefined);
  }
  if (r.kind === 'offset' && position.offset === undefined)
    position.offset = intParam(url, params.offset) ?? 0;
  const pageSize =
    r.pageSize ?? servedSize(intParam(url, params.size), r, position, params.pageBase ?? 1, recordCount);
  let totalPages = r.totalPages;
  if (totalPages === undefined && r.totalRecords !== undefined && pageSize)
    totalPages = Math.ceil(r.totalRecords / pageSize);
  // GitHub and friends give no count, but the last link's page number is the page count.
  const lastPage = r.kind === 'page' && links.last ? intParam(links.last, params.page) : undefined;
  if (totalPages === undefined && lastPage !== undefined) totalPages = lastPage + 1 - (params.pageBase ?? 1);
  // Built without `delete` where it can be (a deleted key turns the object into a slow dictionary,
  // for every reader after): optional fields are added only when known.
  const d: Detection = { ...r, method, url, position, links, params, recordsPath, recordCount };
  if (pageSize !== undefined) d.pageSize = pageSize;
  if (totalPages !== undefined) d.totalPages = totalPages;
  // A next link the server sent beats a URL a detector rebuilt, unless that request carries more (a
  // POST body, Range headers) than a link can.
  const plainGet = !r.next || (r.next.method === 'GET' && !r.next.body && !r.next.headers?.length);
  // A detector that knows this is the last page has the last word, whatever link was printed.
  const next =
    r.hasMore === false
      ? undefined
      : links.next && plainGet
        ? { method: 'GET', url: links.next }
        : (r.next ?? nextRequest(d));
  if (next) d.next = next;
  else if ('next' in d) delete d.next;
  // A detector may hand over a field as `undefined`; a Detection leaves it out.
  for (const k of OPTIONAL) if (k in d && d[k] === undefined) delete d[k];
  return d;
}
