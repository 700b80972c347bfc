/**
 * Google APIs: `nextPageToken` beside the collection (`items`, `files`, `books`), passed back as
 * `pageToken`; no token means the last page. Also the snake_case `next_page_token` of older Google
 * web services (Places: `pagetoken`). Totals, where given: `totalItems`, `totalSize`,
 * `resultSizeEstimate`. Docs: cloud.google.com/apis/design/design_patterns#list_pagination (AIP-158),
 * developers.google.com/maps/documentation/places/web-service/search. Fixtures: fixtures/body-apis.ts (google).
 */
import { isObject } from '../json.ts';
import { count, envelopes, field, namedCollection, text } from './body-fields.ts';
import { ev, qev } from './body-evidence.ts';
import { nextGet } from './next-request.ts';
import type { Detector, Evidence } from './types.ts';

/** Names a token goes back under; the request's own spelling wins. */
const TOKEN_PARAMS = ['pageToken', 'page_token', 'pagetoken', 'PageToken'];

export const google: Detector = {
  name: 'google',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  requires: (b) => b.object,
  detect(ctx) {
    for (const { path, obj } of envelopes(ctx.json)) {
      const tokenKey = ['nextPageToken', 'next_page_token'].find((k) => k in obj);
      const sentEntry = TOKEN_PARAMS.map((n) => [n, ctx.url.searchParams.get(n)] as const).find(
        ([, v]) => v !== null,
      );
      if (!tokenKey && !sentEntry) continue;
      const records = namedCollection(obj);
      const token = tokenKey ? text(obj[tokenKey]) : undefined;
      if (tokenKey && obj[tokenKey] != null && typeof obj[tokenKey] !== 'string') continue;
      // The last page has no token: only a request that sent one (in Google's own spelling), with a
      // list beside, says so — Twilio's `PageToken` pages have their own end markers.
      if (!token && !(sentEntry && sentEntry[0] !== 'PageToken' && records)) continue;
      const at = (k: string) => [...path, k].join('.');
      const param = sentEntry?.[0] ?? (tokenKey === 'next_page_token' ? 'pagetoken' : 'pageToken');
      // YouTube puts totals in pageInfo{totalResults, resultsPerPage}.
      const info = isObject(obj.pageInfo) ? obj.pageInfo : undefined;
      const totalF =
        field(obj, 'totalItems', 'totalSize', 'total_size', 'resultSizeEstimate', 'totalResults') ??
        (info && field(info, 'totalResults')
          ? { key: 'pageInfo.totalResults', value: info.totalResults }
          : undefined);
      const evidence: Evidence[] = [];
      if (token) evidence.push(ev(at(tokenKey!), token, 'next page token'));
      else evidence.push(qev(sentEntry![0], sentEntry![1] ?? '', 'token sent, none returned: the last page'));
      if (records) evidence.push(ev(at(records.key), `${records.records.length} records`, 'collection'));
      if (totalF) evidence.push(ev(at(totalF.key), totalF.value, 'total records'));
      return {
        kind: 'cursor',
        style: 'google',
        confidence: token && records ? 0.9 : token ? 0.75 : 0.55,
        evidence,
        position: sentEntry?.[1] ? { cursor: sentEntry[1] } : {},
        totalRecords: count(totalF?.value),
        pageSize: count(info?.resultsPerPage),
        hasMore: Boolean(token),
        links: {},
        next: token ? nextGet(ctx, { [param]: token }) : undefined,
        params: {
          cursor: param,
          size: ctx.url.searchParams.has('maxResults')
            ? 'maxResults'
            : ctx.url.searchParams.has('pageSize')
              ? 'pageSize'
              : undefined,
        },
        recordsPath: records ? [...path, records.key] : undefined,
        recordCount: records?.records.length,
      };
    }
    return null;
  },
};
