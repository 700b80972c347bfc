/**
 * Everything the panel needs from the outside world, injected so the same app runs in DevTools
 * (main.tsx wires browser.ts) and in a plain page or test with fakes (dev/fake-services.ts).
 */
import type { Exchange } from '../../../core/exchange.ts';
import type { NetworkCapture } from '../../network.ts';
import type { Detection } from '../../../core/detect/types.ts';
import type { CrawlServices } from '../services/crawl-service.ts';
import type { Unanalysed } from '../lib/unanalysed.ts';

export type ThemeName = 'default' | 'dark';

/** The capture service's surface the panel uses (see network.ts); absent when nothing is inspected. */
export type CaptureSource = Pick<NetworkCapture, 'onExchange' | 'backfill' | 'onNavigated'> & {
  /** Requests the service did not analyse (not JSON, empty, body unavailable, too large), to list them. */
  onSkipped?: NetworkCapture['onSkipped'];
  /** Cumulative counts of what the service passed over (`asset`: images, scripts, styles, fonts). */
  stats?(): { skipped: Record<string, number> };
};

export type PanelServices = {
  network?: CaptureSource;
  /** `devtools.panels.themeName`: 'dark' or 'default'. */
  themeName(): ThemeName;
  /** Firefox tells of theme changes; Chrome reloads the panel instead. Returns unsubscribe. */
  onThemeChange?(cb: (name: ThemeName) => void): () => void;
  clipboard: { writeText(text: string): Promise<void> };
  /** Saves a file the user asked for (a Blob behind `<a download>` in the panel). */
  download: { save(file: { name: string; text: string; mime: string }): void };
  /** IndexedDB, host permission, fetch and Blob downloads for crawls; absent = no crawling (plain page). */
  crawl?: CrawlServices;
};

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
