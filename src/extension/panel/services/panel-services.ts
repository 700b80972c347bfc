/**
 * The services the panel is given: everything it needs from the outside world, injected so the
 * same app runs in DevTools (main.tsx wires browser.ts and this folder's implementations) and in a
 * plain page or test with fakes (dev/fake-services.ts).
 */
import type { NetworkCapture } from '../../network.ts';
import type { CrawlServices } from './crawl-service.ts';

export type ThemeName = 'default' | 'dark';

/** The capture service's surface the panel uses (see network.ts); absent when nothing is inspected. */
type CaptureSource = Pick<NetworkCapture, 'onExchange' | 'backfill' | 'onNavigated'> & {
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
