/**
 * The crawl sub-store's host access: which origins the panel may fetch (`access`, checked without a
 * prompt and kept in step when access changes elsewhere), and the origin whose prompt is up
 * (`waitingFor`). The prompt and its wait are services/host-access.ts; this keeps the signals.
 */
import { signal } from '@preact/signals';
import type { CrawlServices } from '../services/crawl-service.ts';
import { hostPattern, waitForAccess } from '../services/host-access.ts';

export function createCrawlAccessState(services: CrawlServices | undefined) {
  /** Host access known per origin (true: granted); an origin not in the map was not checked yet. */
  const access = signal<ReadonlyMap<string, boolean>>(new Map());
  /** The origin whose access is being waited for (the crawl's phase `waiting`). */
  const waitingFor = signal<string | null>(null);

  function set(origin: string, granted: boolean) {
    if (access.value.get(origin) === granted) return;
    access.value = new Map(access.value).set(origin, granted);
  }

  /** Checks (without a prompt) whether `url`'s origin is accessible, into `access`. */
  async function check(url: string) {
    if (!services?.hasHostPermission) return;
    try {
      const pattern = hostPattern(url, services.portsInPatterns ?? true);
      set(new URL(url).origin, await services.hasHostPermission(pattern));
    } catch {
      // an unparsable URL or a browser without the API: nothing to show
    }
  }

  /**
   * Asks for access to `url`'s origin (the prompt opens before the first await: call from the click)
   * and waits for the answer or `signal`. Resolves when granted; rejects with an AccessError.
   */
  async function ask(s: CrawlServices, url: string, signal: AbortSignal) {
    const origin = new URL(url).origin;
    const pending = waitForAccess(
      url,
      () => s.requestHostPermission(hostPattern(url, s.portsInPatterns ?? true)),
      signal,
    );
    waitingFor.value = origin;
    try {
      await pending;
      set(origin, true);
    } finally {
      waitingFor.value = null;
    }
  }

  // Access granted or removed elsewhere (the extensions menu, another panel) shows at once.
  services?.onHostPermissionChange?.(() => {
    for (const origin of access.value.keys()) void check(`${origin}/`);
  });

  return {
    access,
    waitingFor,
    set,
    check,
    ask,
    /** The crawl's own wait began (its hooks): `origin`'s prompt is up. */
    waiting(origin: string) {
      waitingFor.value = origin;
    },
    /** The crawl's wait ended with access (its hooks). */
    granted() {
      if (waitingFor.value) set(waitingFor.value, true);
      waitingFor.value = null;
    },
  };
}
