/**
 * Vend API 2.0: `data` plus `version{min, max}`; the next page is `?after=<version.max>`, and an
 * empty collection means every item has been returned (so an empty page ends the crawl).
 * Docs: Vend "Pagination", API 2.0 (seed 001). Fixtures: fixtures/body-seeds.ts (vend-2).
 */
import { isObject } from '../json.ts';
import { num } from './body-fields.ts';
import { ev, qev } from './body-evidence.ts';
import { nextGet, requestParam } from './next-request.ts';
import type { Detector, Evidence } from './types.ts';

export const vend2: Detector = {
  name: 'vend-2',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.has('data') && b.has('version'),
  detect(ctx) {
    const json = ctx.json;
    if (!isObject(json) || !Array.isArray(json.data) || !('version' in json)) return null;
    const version = json.version;
    const records = json.data;
    const max = isObject(version) ? version.max : undefined;
    const maxOk = num(max) !== undefined;
    // The empty last page may carry `version: null`; it still ends a Vend 2.0 chain.
    if (
      !(isObject(version) && maxOk && num(version.min) !== undefined) &&
      !(records.length === 0 && (version === null || isObject(version)))
    ) {
      return null;
    }
    const after = requestParam(ctx, 'after');
    const evidence: Evidence[] = [ev('data', `${records.length} records`, 'collection')];
    if (isObject(version))
      evidence.push(ev('version.min', version.min), ev('version.max', version.max, 'next after'));
    else evidence.push(ev('version', version, 'empty page: the end'));
    if (after) evidence.push(qev(after[0], after[1], 'cursor in request'));
    // Only the empty page in answer to `after` is surely Vend; a bare empty `data` with `version` is weaker.
    const confidence = maxOk ? 0.9 : after ? 0.85 : 0.6;
    const hasMore = records.length > 0 && maxOk;
    return {
      kind: 'cursor',
      style: 'vend-2',
      confidence,
      evidence,
      position: after ? { cursor: after[1] } : {},
      hasMore,
      links: {},
      // Max is kept as written: versions can be large integers.
      next: hasMore ? nextGet(ctx, { after: String(max) }) : undefined,
      params: { cursor: 'after' },
      recordsPath: ['data'],
      recordCount: records.length,
      emptyPageEnds: true,
    };
  },
};
