/** What the panel keeps of each captured request (the list, the detail, the chain read it). */
import type { Exchange } from '../../../core/exchange.ts';
import type { Detection } from '../../../core/detect/types.ts';
import type { Unanalysed } from '../lib/unanalysed.ts';

/** A captured exchange, as the list and the detail show it. Detection runs once, on arrival. */
export type CapturedItem = {
  /** Unique within this panel session (arrival order), independent of the exchange's own id. */
  id: string;
  exchange: Exchange;
  detection: Detection | null;
  /** Why detection found nothing (for the Pagination tab); undefined when it found something. */
  notPaginated?: string;
  source: 'live' | 'har';
  /** What the filter box searches: method, status, URL, style. */
  search: string;
  paginated: boolean;
  /** Listed but not analysed, and why (see lib/unanalysed.ts); absent for analysed JSON. */
  unanalysed?: Unanalysed;
};
