// Per-browser manifests from the one source (manifest.json), used by the build and the packager.
// Chrome warns on unknown keys, so Firefox's go; only the e2e build may reach 127.0.0.1 unasked.

/** The build's targets, each a folder under dist/. */
export const TARGETS = ['chrome', 'chrome-e2e', 'firefox'];

/** Targets that are published (zipped by `npm run package`); chrome-e2e is for the test suite only. */
export const STORE_TARGETS = ['chrome', 'firefox'];

/** Files only the Firefox build has (the permission broker's background page and grant window). */
const FIREFOX_ONLY = /^(background|grant)\./;

/** True when `target`'s folder gets the file at `rel` (relative to the extension root). */
export const targetHas = (target, rel) => target === 'firefox' || !FIREFOX_ONLY.test(rel);

/**
 * The manifest for one target, from the parsed source manifest and the package version.
 * @param {string} target one of TARGETS
 */
export function manifestFor(target, source, version) {
  const { browser_specific_settings: firefoxOnly, ...common } = { ...source, version };
  switch (target) {
    case 'chrome':
      return common;
    // The e2e build may reach the local test servers without a permission prompt; the store
    // builds ask at run time (optional_host_permissions) and never list <all_urls>.
    case 'chrome-e2e':
      return { ...common, host_permissions: ['http://127.0.0.1/*'] };
    // Firefox's DevTools panels have no `permissions` API: a background event page answers for
    // them and opens the grant window (src/extension/permission-broker.ts).
    case 'firefox':
      return {
        ...common,
        background: { scripts: ['background.js'] },
        browser_specific_settings: firefoxOnly,
      };
    default:
      throw new Error(`unknown target: ${target}`);
  }
}
