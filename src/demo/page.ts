/**
 * `GET /`: a page that calls the demo API the way a real web app would (fetch from page script), so the
 * DevTools panel has something to capture. No external resources, no inline script (works under a strict
 * CSP), and response data is only ever shown with textContent.
 * `/?auto=STYLE` fetches that style's first page on load; tests call `window.pagescopeDemo.fetchStyle(style)`.
 */
import { demoScript } from './page-script.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function demoPageHtml(prefix = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagescope demo API</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; max-width: 70rem; }
  li { margin: .3rem 0; list-style: none; }
  button { min-width: 11rem; text-align: left; }
  output { font-family: ui-monospace, monospace; margin-left: .6rem; color: #245; }
  .kind { color: #777; margin-left: .4rem; }
</style>
</head>
<body>
<h1>Pagescope demo API</h1>
<p>Open DevTools → Pagescope, then click a style: the page fetches its first page with <code>fetch()</code>.
The catalog is <a href="${esc(prefix)}/api/styles.json">/api/styles.json</a>; buggy chains for diagnostics are in
<a href="${esc(prefix)}/buggy/catalog.json">/buggy/catalog.json</a>.</p>
<p id="status" data-testid="demo-status">Loading catalog…</p>
<h2>Styles</h2>
<ul id="styles" data-testid="style-list"></ul>
<h2>Buggy chains</h2>
<ul id="bugs" data-testid="bug-list"></ul>
<script src="${esc(prefix)}/demo.js"></script>
</body>
</html>
`;
}

export function demoPageScript(): string {
  return demoScript;
}
