/**
 * `X-Total-Count`: the total record count in a header beside a bare array — json-server (`_page`,
 * `_limit`, with a Link header), Gitea (`page`, `limit`), react-admin style backends. The header says
 * how many there are, the query parameters say how to page. Docs: json-server README "Paginate"
 * (v0.17), docs.gitea.com "API Usage / Pagination". Fixtures: fixtures/headers-total-count.ts.
 */
import { inferParams, queryValue } from './params.ts';
import { locateRecords } from './records.ts';
import type { Detector, Evidence } from './types.ts';

export const totalCount: Detector = {
  name: 'total-count',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  headers: ['x-total-count'],
  detect(ctx) {
    const raw = ctx.header('x-total-count');
    if (raw === undefined || !/^\s*\d{1,15}\s*$/.test(raw)) return null;
    const found = locateRecords(ctx.json);
    // The count describes a list; on a single object it is someone else's header.
    if (ctx.json !== undefined && !found) return null;
    const totalRecords = Number(raw);
    const url = ctx.exchange.request.url;
    const params = inferParams(url, {});
    const kind = params.offset && !params.page ? 'offset' : 'page';
    const evidence: Evidence[] = [
      { where: 'header', path: 'X-Total-Count', value: raw.trim(), note: 'total records' },
    ];
    for (const p of [params.page, params.offset, params.size]) {
      const v = p ? queryValue(url, p) : undefined;
      if (p && v !== undefined) evidence.push({ where: 'query', path: p, value: v });
    }
    const sizeParam = params.size ? Number(queryValue(url, params.size)) : NaN;
    const count = found?.count ?? 0;
    // Without a size parameter the server's default page size is what the first (full) page holds.
    const pageValue = params.page ? queryValue(url, params.page) : undefined;
    const offsetValue = params.offset ? queryValue(url, params.offset) : undefined;
    const firstPage =
      (pageValue === undefined || pageValue === '1') && (offsetValue === undefined || offsetValue === '0');
    const pageSize =
      Number.isInteger(sizeParam) && sizeParam > 0
        ? sizeParam
        : firstPage && count > 0 && count < totalRecords
          ? count
          : undefined;
    return {
      kind,
      style: 'total-count',
      // A count alone is weaker than a scheme's own headers or body: others win ties and fill in.
      confidence: params.page || params.offset || count < totalRecords ? 0.6 : 0.4,
      evidence,
      totalRecords,
      pageSize,
      params,
      ...(found ? { recordsPath: found.path, recordCount: found.count } : {}),
    };
  },
};
