/**
 * Zoom API: `next_page_token` (empty string on the last page) with `page_size`, `total_records`
 * and, on older list endpoints, `page_count`/`page_number`, beside the named list (`users`,
 * `meetings`, `participants`). The token goes back as `next_page_token`, the size as `page_size`.
 * Docs: developers.zoom.us/docs/api/using-zoom-apis/#pagination ("next_page_token").
 * Fixtures: fixtures/body-saas-apis.ts (zoom).
 */
import { isObject } from '../json.ts';
import { count, namedCollection } from './body-fields.ts';
import { ev, qev } from './body-evidence.ts';
import { nextGet, requestParam } from './next-request.ts';
import type { Detector, Evidence } from './types.ts';

export const zoom: Detector = {
  name: 'zoom',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('next_page_token'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !('next_page_token' in json)) return null;
    const raw = json.next_page_token;
    if (raw != null && typeof raw !== 'string') return null;
    // Zoom's companions; Google Places (next_page_token + html_attributions) has none of them.
    const size = count(json.page_size);
    const total = count(json.total_records);
    if (size === undefined && total === undefined) return null;
    const records = namedCollection(json);
    if (!records) return null;
    const token = typeof raw === 'string' && raw.trim() ? raw : undefined;
    const sent = requestParam(ctx, 'next_page_token');
    const evidence: Evidence[] = [
      ev('next_page_token', raw ?? null, token ? 'next page token' : 'empty: the last page'),
      ev(records.key, `${records.records.length} records`, 'collection'),
    ];
    if (size !== undefined) evidence.push(ev('page_size', size, 'page size'));
    if (total !== undefined) evidence.push(ev('total_records', total, 'total records'));
    if (sent) evidence.push(qev(sent[0], sent[1], 'token in request'));
    return {
      kind: 'cursor',
      style: 'zoom',
      confidence: 0.92,
      evidence,
      position: sent ? { cursor: sent[1] } : {},
      pageSize: size,
      totalRecords: total,
      totalPages: count(json.page_count),
      hasMore: !!token,
      links: {},
      next: token ? nextGet(ctx, { next_page_token: token }) : undefined,
      params: { cursor: 'next_page_token', size: 'page_size' },
      recordsPath: [records.key],
      recordCount: records.records.length,
    };
  },
};
