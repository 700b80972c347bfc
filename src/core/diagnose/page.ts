/**
 * The one page builder: an exchange that already carries its detection (null when nothing was
 * detected) becomes a DiagnosePage. Detection is never run here: the panel detected each exchange on
 * arrival, a HAR's exchanges once by `detectMembers` (from-exchanges.ts), a live URL's pages as they
 * were fetched (from-url.ts).
 */
import type { Detection } from '../detect/types.ts';
import type { Exchange } from '../exchange.ts';
import { extractRecords, parseJson } from '../json.ts';
import { endPageDetection } from './end-page.ts';
import { linkHeaderNext, rawLinksOf } from './raw-links.ts';
import type { DiagnosePage } from './types.ts';

/** An exchange with its detection, as captured (detection null for an end page or an error page). */
export type ChainMember = { exchange: Exchange; detection: Detection | null };

/** Where a fetched page ended up, when it was followed live: its final URL, and whether it was a probe. */
type PageFetch = { finalUrl: string; probe: boolean };

/**
 * The page at `index` of a chain. Its records are read by its own detection, or, for an undetected
 * 2xx page, by the chain's (`chain`, read as the chain's end page: end-page.ts). With `fetched`, the
 * page is the final URL of a request followed live and names the URL asked for.
 */
export function diagnosePage(
  m: ChainMember,
  index: number,
  chain: Detection | undefined,
  fetched?: PageFetch,
): DiagnosePage {
  const ex = m.exchange;
  const detection = m.detection ?? (chain ? endPageDetection(ex, chain) : null);
  const parsed = detection ? parseJson(ex.response.bodyText) : undefined;
  const records = parsed?.ok && detection ? extractRecords(parsed.value, detection.recordsPath) : [];
  const page: DiagnosePage = {
    index,
    url: fetched?.finalUrl ?? ex.request.url,
    status: ex.response.status,
    detection,
    records,
  };
  if (fetched) page.requestUrl = ex.request.url;
  if (detection) page.rawLinks = rawLinksOf(ex, detection.recordsPath);
  const rawNext = linkHeaderNext(ex);
  if (rawNext) page.rawNext = rawNext;
  if (fetched?.probe) page.probe = true;
  return page;
}
