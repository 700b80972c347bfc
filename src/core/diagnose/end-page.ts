/**
 * A chain's last page often carries no pagination at all (PayPal drops its `links` entry, HubSpot its
 * `paging`, a bare array its Link header): no detector recognises it, yet it is the page that ends the
 * chain and its records count. Read it with the chain's own detection, as an end page: same kind and
 * parameters, the position its URL asked for, no next, and evidence that says why.
 */
import { positionFromUrl } from '../chain/known-page.ts';
import type { Detection } from '../detect/types.ts';
import type { Exchange } from '../exchange.ts';
import { formatPath, getPath, parseJson } from '../json.ts';

/** The end-page reading of an undetected 2xx JSON page of a chain, or null when its records are not where the chain keeps them. */
export function endPageDetection(ex: Exchange, chain: Detection): Detection | null {
  if (ex.response.status < 200 || ex.response.status >= 300) return null;
  const parsed = parseJson(ex.response.bodyText);
  if (!parsed.ok) return null;
  const records = getPath(parsed.value, chain.recordsPath);
  if (!Array.isArray(records)) return null;
  const url = ex.request.url;
  const at = positionFromUrl(url, chain.params);
  const position: Detection['position'] =
    chain.kind === 'page' && at.page !== undefined
      ? { page: at.page }
      : chain.kind === 'offset' && at.offset !== undefined
        ? { offset: at.offset }
        : at.cursor !== undefined
          ? { cursor: at.cursor }
          : {};
  return {
    kind: chain.kind,
    style: chain.style,
    confidence: 0,
    evidence: [
      {
        where: 'body',
        path: formatPath(chain.recordsPath),
        value: `${records.length} records`,
        note: 'no pagination fields: read as the end of the chain',
      },
    ],
    method: ex.request.method,
    url,
    position,
    links: {},
    params: chain.params,
    recordsPath: chain.recordsPath,
    recordCount: records.length,
  };
}
