/**
 * The real CrawlServices for the panel page: the IndexedDB dataset store, the permissions API
 * handed in by main.tsx (so this file never imports the polyfill), the panel's fetch and Blob
 * downloads through `<a download>`.
 */
import { openIdbDatasetStore } from '../../../store/dataset-store.ts';
import { systemClock } from '../../../core/system-clock.ts';
import type { CrawlServices } from './crawl-service.ts';
import { saveBlobAs } from './dom-services.ts';
import { createExtensionFetch } from './extension-fetch.ts';

type PermissionEvent = { addListener(cb: () => void): void; removeListener(cb: () => void): void };

/** The slice of `browser.permissions` the crawl uses. */
export type PermissionsApi = {
  request(p: { origins: string[] }): Promise<boolean>;
  contains?(p: { origins: string[] }): Promise<boolean>;
  onAdded?: PermissionEvent;
  onRemoved?: PermissionEvent;
};

/** Chrome matches a port in a host pattern; Firefox does not support one (MDN, Firefox bug 1362809). */
export const patternsTakePorts = (userAgent: string = globalThis.navigator?.userAgent ?? '') =>
  !/\bFirefox\//.test(userAgent);

export function createBrowserCrawlServices(permissions: PermissionsApi): CrawlServices {
  return {
    datasets: openIdbDatasetStore(),
    requestHostPermission: (pattern) => permissions.request({ origins: [pattern] }),
    hasHostPermission: async (pattern) => (await permissions.contains?.({ origins: [pattern] })) ?? false,
    onHostPermissionChange(cb) {
      permissions.onAdded?.addListener(cb);
      permissions.onRemoved?.addListener(cb);
      return () => {
        permissions.onAdded?.removeListener(cb);
        permissions.onRemoved?.removeListener(cb);
      };
    },
    portsInPatterns: patternsTakePorts(),
    createFetch: (credentialOrigin) => createExtensionFetch({ credentialOrigin }),
    clock: systemClock,
    saveBlob: (blob, name) => saveBlobAs(blob, name),
  };
}
