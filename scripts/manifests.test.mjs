// The generated manifests: what each browser's store build asks for, and nothing from the tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { STORE_TARGETS, TARGETS, manifestFor, targetHas } from './manifests.mjs';

const root = path.resolve(import.meta.dirname, '..');
const source = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const chrome = manifestFor('chrome', source, version);
const firefox = manifestFor('firefox', source, version);

test("Chrome's manifest: MV3, no permission up front, host access only on request, per origin", () => {
  assert.equal(chrome.manifest_version, 3);
  assert.equal(chrome.version, version, 'the version comes from package.json');
  assert.deepEqual(chrome.permissions ?? [], []);
  assert.equal(chrome.host_permissions, undefined, 'no host is granted at install');
  assert.deepEqual(chrome.optional_host_permissions, ['http://*/*', 'https://*/*']);
  assert.equal(chrome.devtools_page, 'devtools.html');
  for (const key of [
    'browser_specific_settings',
    'background',
    'content_scripts',
    'web_accessible_resources',
  ])
    assert.equal(chrome[key], undefined, `${key} is not in the Chrome manifest`);
});

test('the store manifests keep a strict CSP: scripts from the package only, no eval, no plugins', () => {
  for (const m of [chrome, firefox]) {
    const csp = m.content_security_policy.extension_pages;
    const script = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1].trim().split(/\s+/);
    assert.deepEqual(script, ["'self'"]);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.doesNotMatch(csp, /unsafe|https?:|\*/);
  }
});

test('the host permission of the test build stays out of the store builds', () => {
  assert.deepEqual(manifestFor('chrome-e2e', source, version).host_permissions, ['http://127.0.0.1/*']);
  for (const target of STORE_TARGETS) {
    const m = manifestFor(target, source, version);
    assert.equal(m.host_permissions, undefined, target);
    assert.ok(!JSON.stringify(m).includes('127.0.0.1'), `${target} names no test host`);
    assert.ok(!JSON.stringify(m).includes('<all_urls>'), `${target} asks for no <all_urls>`);
  }
  assert.ok(TARGETS.includes('chrome-e2e') && !STORE_TARGETS.includes('chrome-e2e'));
});

test("Firefox's manifest: its id, a minimum version that knows the data-collection key, no data collected", () => {
  assert.equal(firefox.manifest_version, 3);
  assert.deepEqual(firefox.permissions, []);
  assert.equal(firefox.browser_specific_settings.gecko.id, 'pagescope@pagescope.dev');
  // data_collection_permissions is read from Firefox 140 (142 on Android); older versions ignore it.
  assert.ok(Number.parseFloat(firefox.browser_specific_settings.gecko.strict_min_version) >= 140);
  assert.ok(Number.parseFloat(firefox.browser_specific_settings.gecko_android.strict_min_version) >= 142);
  assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, {
    required: ['none'],
  });
  // The permission broker (background page, grant window) ships in Firefox only.
  assert.deepEqual(firefox.background, { scripts: ['background.js'] });
  assert.equal(targetHas('firefox', 'grant.js'), true);
  assert.equal(targetHas('chrome', 'grant.js'), false);
  assert.equal(targetHas('chrome', 'background.js'), false);
  assert.equal(targetHas('chrome', 'panel.js'), true);
});
