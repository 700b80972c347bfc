/**
 * Host permissions for a DevTools panel that has no `permissions` API: Firefox gives panel pages only
 * the content-script APIs plus `devtools.*` (Mozilla bug 1796933), so the panel asks a background
 * page over runtime messages instead. `contains` is answered there. `request` needs a user gesture in
 * a page that has the API, so the background opens the small grant window (grant.html); its Allow
 * button calls `permissions.request` inside the click (the browser's own prompt follows) and
 * broadcasts the answer, which the panel is waiting for. Chrome's panels have the API and skip all this.
 *
 * Everything here takes its browser APIs as arguments, so unit tests drive both ends with fakes.
 */

/** The slice of `browser.permissions` a panel uses (C1's PermissionsApi has the same shape). */
export type HostPermissions = {
  request(p: { origins: string[] }): Promise<boolean>;
  contains(p: { origins: string[] }): Promise<boolean>;
  onAdded: PermissionEvent;
  onRemoved: PermissionEvent;
};
type PermissionEvent = {
  addListener(cb: () => void): void;
  removeListener(cb: () => void): void;
};

/** Panel → background. */
type BrokerCall =
  | { pagescope: 'permissions'; op: 'contains'; origins: string[] }
  | { pagescope: 'permissions'; op: 'request'; origins: string[]; requestId: string };
/** Grant window → everyone (the panel that asked is listening). */
export type GrantResult = { pagescope: 'grant-result'; requestId: string; granted: boolean };
/** Background → everyone, after any host permission change. */
export type PermissionsChanged = { pagescope: 'permissions-changed'; change: 'added' | 'removed' };

/** What the panel needs of `runtime` (the panel has it, in both browsers). */
export type MessagingPort = {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(cb: (message: unknown) => unknown): void;
    removeListener(cb: (message: unknown) => unknown): void;
  };
};

/** The grant window's page, relative to the extension root. */
const GRANT_PAGE = 'grant.html';

// An origin pattern the crawl may ask for: one scheme, one host, every path. Nothing broader
// (no `<all_urls>`, no `*://`, no wildcard host), whatever a message says.
const HOST_PATTERN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d+)?\/\*$/i;

/** True when every entry is a single-host http(s) pattern (`https://api.example.com/*`). */
export function isHostPatternList(origins: unknown): origins is string[] {
  return (
    Array.isArray(origins) &&
    origins.length > 0 &&
    origins.every((o) => typeof o === 'string' && HOST_PATTERN.test(o))
  );
}

const isMessage = <T extends { pagescope: string }>(m: unknown, kind: T['pagescope']): m is T =>
  typeof m === 'object' && m !== null && (m as { pagescope?: unknown }).pagescope === kind;

/** The grant window's URL (relative) for one request. */
export function grantPageUrl(requestId: string, origins: string[]): string {
  const q = new URLSearchParams({ id: requestId });
  for (const o of origins) q.append('origin', o);
  return `${GRANT_PAGE}?${q}`;
}

/** Reads a grant window's query back; null when it is not a valid request. */
export function parseGrantQuery(search: string): { requestId: string; origins: string[] } | null {
  const q = new URLSearchParams(search);
  const requestId = q.get('id');
  const origins = q.getAll('origin');
  return requestId && isHostPatternList(origins) ? { requestId, origins } : null;
}

function changeEvent(port: MessagingPort, change: PermissionsChanged['change']): PermissionEvent {
  const wrapped = new Map<() => void, (m: unknown) => undefined>();
  return {
    addListener(cb) {
      const l = (m: unknown) => {
        if (isMessage<PermissionsChanged>(m, 'permissions-changed') && m.change === change) cb();
        return undefined;
      };
      wrapped.set(cb, l);
      port.onMessage.addListener(l);
    },
    removeListener(cb) {
      const l = wrapped.get(cb);
      if (l) port.onMessage.removeListener(l);
      wrapped.delete(cb);
    },
  };
}

/**
 * The panel's `permissions` when the browser gives it none: calls to the background page.
 * `request` resolves once the user answered in the grant window (false when it was closed unanswered).
 */
export function createBrokeredPermissions(
  port: MessagingPort,
  newId: () => string = () => crypto.randomUUID(),
): HostPermissions {
  return {
    async contains({ origins }) {
      return (await port.sendMessage({ pagescope: 'permissions', op: 'contains', origins })) === true;
    },
    request({ origins }) {
      const requestId = newId();
      return new Promise<boolean>((resolve, reject) => {
        // Listen before asking, so an answer cannot arrive unheard.
        const onAnswer = (m: unknown) => {
          if (!isMessage<GrantResult>(m, 'grant-result') || m.requestId !== requestId) return undefined;
          port.onMessage.removeListener(onAnswer);
          resolve(m.granted === true);
          return undefined;
        };
        port.onMessage.addListener(onAnswer);
        const call: BrokerCall = { pagescope: 'permissions', op: 'request', origins, requestId };
        port.sendMessage(call).then(
          (reply) => {
            // true: already granted, no window opened. 'asking': wait for the window's answer.
            if (reply === true || reply !== 'asking') {
              port.onMessage.removeListener(onAnswer);
              if (reply === true) resolve(true);
              else reject(new Error('the Pagescope background page did not open its access window'));
            }
          },
          (e: unknown) => {
            port.onMessage.removeListener(onAnswer);
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      });
    },
    onAdded: changeEvent(port, 'added'),
    onRemoved: changeEvent(port, 'removed'),
  };
}

/** What the background page needs: the real `permissions` and a way to open the grant window. */
export type BrokerDeps = {
  permissions: Pick<HostPermissions, 'contains'>;
  openGrantWindow(relativeUrl: string): Promise<void>;
};

/**
 * The background page's `runtime.onMessage` handler. Returns a promise for broker calls and
 * undefined for any other message (so other listeners may answer). Malformed calls are refused.
 */
export function handleBrokerCall(deps: BrokerDeps, message: unknown): Promise<unknown> | undefined {
  if (!isMessage<BrokerCall>(message, 'permissions')) return undefined;
  const { op, origins } = message;
  if (!isHostPatternList(origins)) return Promise.reject(new Error('not a list of host patterns'));
  if (op === 'contains') return deps.permissions.contains({ origins });
  if (op === 'request' && typeof message.requestId === 'string' && message.requestId) {
    const requestId = message.requestId;
    return (async () => {
      if (await deps.permissions.contains({ origins })) return true;
      await deps.openGrantWindow(grantPageUrl(requestId, origins));
      return 'asking';
    })();
  }
  return Promise.reject(new Error(`unknown permissions call: ${String(op)}`));
}
