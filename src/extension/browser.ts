/**
 * The one place that touches the WebExtension globals. Everything else receives `browser` or a
 * small service built here, so switching to the native `browser` namespace is a one-file change.
 */
import polyfill from 'webextension-polyfill';
import type { DevtoolsNetwork, DevtoolsRequest } from './network.ts';
import { createBrokeredPermissions, type HostPermissions, type MessagingPort } from './permission-broker.ts';

export const browser = polyfill;
type Browser = typeof polyfill;

/** The callback-style `chrome.devtools.network`, as both Chrome and Firefox expose it. */
type RawRequest = DevtoolsRequest & { getContent(cb?: (content: string, encoding: string) => void): unknown };
type RawEvent<A extends unknown[]> = {
  addListener(cb: (...args: A) => void): void;
  removeListener(cb: (...args: A) => void): void;
};
type RawNetwork = {
  getHAR(cb?: (log: { entries: RawRequest[] }) => void): unknown;
  onRequestFinished: RawEvent<[RawRequest]>;
  onNavigated: RawEvent<[string]>;
};

/**
 * Calls a `chrome.*` method that takes a callback. Firefox's `chrome` namespace may return a
 * promise instead of calling back; whichever answers first wins.
 */
function call<T extends unknown[]>(invoke: (cb: (...args: T) => void) => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const result = invoke((...args: T) => {
      const err = (globalThis as { chrome?: { runtime?: { lastError?: { message?: string } } } }).chrome
        ?.runtime?.lastError;
      if (err) reject(new Error(err.message ?? 'devtools call failed'));
      else resolve(args);
    });
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then((v) => resolve((Array.isArray(v) ? v : [v]) as T), reject);
    }
  });
}

// Chrome's devtools.network gives each HAR entry a callback `getContent(cb(content, encoding))`;
// Firefox resolves `[content, mimeType]`. The polyfill wraps getContent for onRequestFinished
// only, not for getHAR()'s entries, and passes getHAR itself through unwrapped, so one path here
// normalises both to `{ content, encoding }` where encoding is only ever 'base64' or undefined.
function wrapRequest(raw: RawRequest): DevtoolsRequest {
  const entry = { ...raw } as DevtoolsRequest;
  entry.getContent = async () => {
    // Firefox's getHAR() entries may carry the body inline and no getContent at all.
    if (typeof raw.getContent !== 'function') {
      const c = raw.response?.content;
      return { content: c?.text ?? null, encoding: c?.encoding === 'base64' ? 'base64' : undefined };
    }
    const [content, second] = await call<[string, string]>((cb) => raw.getContent(cb));
    return { content: content ?? null, encoding: second === 'base64' ? 'base64' : undefined };
  };
  return entry;
}

const FIREFOX_HAR_RETRIES = [250, 500, 1000];
const isFirefox = () => /\bFirefox\//.test(globalThis.navigator?.userAgent ?? '');

function listen<A extends unknown[]>(event: RawEvent<A>, cb: (...args: A) => void): () => void {
  event.addListener(cb);
  return () => event.removeListener(cb);
}

/** The DevTools network port for createNetworkCapture. Only valid in a devtools page or panel. */
export function createDevtoolsNetwork(): DevtoolsNetwork {
  const g = globalThis as { chrome?: { devtools?: { network?: RawNetwork } } };
  const raw = g.chrome?.devtools?.network ?? (polyfill.devtools.network as unknown as RawNetwork);
  return {
    onRequestFinished: (cb) => listen(raw.onRequestFinished, (req) => cb(wrapRequest(req))),
    async getHAR() {
      const read = async () =>
        (await call<[{ entries?: RawRequest[] }]>((cb) => raw.getHAR(cb)))[0]?.entries ?? [];
      let entries = await read();
      // Firefox answers a panel's first getHAR() with no entries while its network monitor is still
      // attaching, though it recorded requests (seen in ESR 153); asked again a moment later, it has them.
      for (const wait of FIREFOX_HAR_RETRIES) {
        if (entries.length || !isFirefox()) break;
        await new Promise((r) => setTimeout(r, wait));
        entries = await read();
      }
      return entries.map(wrapRequest);
    },
    onNavigated: (cb) => listen(raw.onNavigated, cb),
  };
}

/**
 * What the panel needs of `devtools.panels` beyond the polyfill's typings (Chrome-only theme hooks).
 * Called without a callback, `setThemeChangeHandler` removes the handler (theme.ts does so on cleanup).
 */
export type DevtoolsPanels = Browser['devtools']['panels'] & {
  setThemeChangeHandler?: (cb?: (themeName: string) => void) => void;
};

/**
 * `chrome.devtools.panels` where it exists: Chrome's `setThemeChangeHandler` lives only there, the
 * polyfill's proxy does not carry it. Elsewhere (Firefox), the polyfill's object.
 */
export function devtoolsPanels(): DevtoolsPanels {
  const g = globalThis as { chrome?: { devtools?: { panels?: DevtoolsPanels } } };
  return g.chrome?.devtools?.panels ?? polyfill.devtools.panels;
}

/**
 * Host permissions for the panel: the browser's own `permissions` where the panel has it (Chrome);
 * in Firefox, whose DevTools panels get no `permissions` API (bug 1796933), calls to the background
 * page, which answers `contains` and opens the grant window for `request` (permission-broker.ts).
 */
export function panelPermissions(): HostPermissions {
  const own = (polyfill as { permissions?: HostPermissions }).permissions;
  return own ?? createBrokeredPermissions(polyfill.runtime as unknown as MessagingPort);
}
