// Firefox-only background page (an event page; the Chrome build has none): answers the panel's
// host-permission calls, because Firefox's DevTools panels have no `permissions` API, and tells
// every page when a host permission changes. See ../permission-broker.ts.
import { browser } from '../browser.ts';
import { handleBrokerCall, type PermissionsChanged } from '../permission-broker.ts';

const deps = {
  permissions: browser.permissions,
  async openGrantWindow(url: string) {
    await browser.windows.create({
      url: browser.runtime.getURL(url),
      type: 'popup',
      width: 480,
      height: 320,
    });
  },
};

// Listeners are added at the top level, so the event page wakes for them.
browser.runtime.onMessage.addListener((message: unknown) => handleBrokerCall(deps, message));

const broadcast = (change: PermissionsChanged['change']) => () => {
  const m: PermissionsChanged = { pagescope: 'permissions-changed', change };
  // No page listening is fine: the panel asks `contains` again when it opens.
  browser.runtime.sendMessage(m).catch(() => {});
};
browser.permissions.onAdded.addListener(broadcast('added'));
browser.permissions.onRemoved.addListener(broadcast('removed'));
