/**
 * CKAN Action API (`/api/3/action/package_search`, `datastore_search`): every answer is
 * `{help, success, result}`; a search's `result` holds `count` (all matches) and `results` (or
 * `records` for the DataStore) for one page. Pages move with `start` + `rows` (package_search: rows
 * default 10, at most 1000) or `offset` + `limit` (datastore_search: limit default 100); the next
 * start is this start plus the records returned, which stays right when the server caps the size.
 * Docs: docs.ckan.org/en/latest/api/ ("Making an API request"; ckan.logic.action.get.package_search;
 * DataStore "datastore_search"). Fixtures: fixtures/body-search-apis.ts.
 */
import { isObject } from '../json.ts';
import { count } from './body-fields.ts';
import { ev } from './body-evidence.ts';
import { carry } from './next-request.ts';
import type { Detector } from './types.ts';

export const ckan: Detector = {
  name: 'ckan',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('help') && b.has('success') && b.has('result'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || json.success !== true || typeof json.help !== 'string') return null;
    const result = json.result;
    if (!isObject(result)) return null;
    const datastore = Array.isArray(result.records) && !Array.isArray(result.results);
    const key = datastore ? 'records' : 'results';
    const records = result[key];
    const total = count(datastore ? result.total : result.count);
    if (!Array.isArray(records) || total === undefined) return null;
    const [offsetName, sizeName, defaultSize] = datastore
      ? (['offset', 'limit', 100] as const)
      : (['start', 'rows', 10] as const);
    const q = ctx.url.searchParams;
    const start = count(q.get(offsetName)) ?? (datastore ? count(result.offset) : undefined) ?? 0;
    const asked = count(q.get(sizeName)) ?? (datastore ? count(result.limit) : undefined) ?? defaultSize;
    const hasMore = records.length > 0 && start + records.length < total;
    // A full page may be shorter than asked (rows above the server's cap): the server's size is what came.
    const size = hasMore && records.length < asked ? records.length : asked;
    return {
      kind: 'offset',
      style: 'ckan',
      confidence: 0.9,
      evidence: [
        ev('help', json.help, 'CKAN action API'),
        ev(`result.${datastore ? 'total' : 'count'}`, total, 'total records'),
        ev(`result.${key}`, `${records.length} records`, 'records'),
      ],
      position: { offset: start },
      pageSize: size,
      totalRecords: total,
      hasMore,
      links: {},
      next: hasMore ? carry(ctx, { [offsetName]: start + records.length }) : undefined,
      params: { offset: offsetName, size: sizeName },
      recordsPath: ['result', key],
      recordCount: records.length,
    };
  },
};
