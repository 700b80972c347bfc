/**
 * The demo page's browser script, served as `/demo.js` (plain ES2020, no build step). Kept as a string
 * because it runs in the page, not in Node.
 */
export const demoScript = String.raw`(() => {
  'use strict';
  // Keep the fault prefix when the page itself is served under /_faults/<spec>/.
  const m = /^\/_faults\/[^/]+/.exec(location.pathname);
  const prefix = m ? m[0] : '';
  const status = document.getElementById('status');
  const results = new Map();

  function countRecords(body, depth) {
    if (Array.isArray(body)) return body.length;
    if (!body || typeof body !== 'object' || depth > 3) return undefined;
    for (const v of Object.values(body)) if (Array.isArray(v)) return v.length;
    for (const v of Object.values(body)) {
      const n = countRecords(v, depth + 1);
      if (n !== undefined) return n;
    }
    return undefined;
  }

  const HEADERS = ['link', 'paging-next', 'x-next-page', 'x-total', 'x-wp-total', 'x-total-count', 'content-range'];

  async function run(key, url, init) {
    const res = await fetch(prefix + url, init);
    const text = await res.text();
    let body;
    try { body = JSON.parse(text); } catch { body = undefined; }
    const n = countRecords(body, 0);
    const hs = HEADERS.filter((h) => res.headers.has(h));
    const summary = 'HTTP ' + res.status + ' · ' + (n === undefined ? 'no records array' : n + ' records') +
      (hs.length ? ' · headers: ' + hs.join(', ') : '');
    const out = results.get(key);
    if (out) out.textContent = summary;
    return { status: res.status, records: n, summary };
  }

  function item(list, key, label, note, onClick) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.testid = 'fetch-' + key;
    button.addEventListener('click', () => { onClick().catch((e) => { out.textContent = 'failed: ' + e; }); });
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = note;
    const out = document.createElement('output');
    out.dataset.testid = 'result-' + key;
    results.set(key, out);
    li.append(button, kind, out);
    list.append(li);
  }

  const ready = Promise.all([
    fetch(prefix + '/api/styles.json').then((r) => r.json()),
    fetch(prefix + '/buggy/catalog.json').then((r) => r.json()),
  ]).then(([styles, bugs]) => {
    const list = document.getElementById('styles');
    for (const s of styles) item(list, s.style, s.style, s.kind + ' · ' + s.title, () => fetchStyle(s.style));
    const bugList = document.getElementById('bugs');
    for (const b of bugs) item(bugList, 'bug-' + b.bug, b.bug, b.description, () => fetchBug(b.bug));
    status.textContent = styles.length + ' styles, ' + bugs.length + ' buggy chains';
    return { styles, bugs };
  });

  async function fetchStyle(style) {
    const { styles } = await ready;
    const s = styles.find((x) => x.style === style);
    if (!s) throw new Error('unknown style: ' + style);
    const init = s.request ? { method: s.request.method, headers: s.request.headers, body: s.request.body } : undefined;
    return Object.assign({ style }, await run(style, s.firstPage, init));
  }

  async function fetchBug(bug) {
    const { bugs } = await ready;
    const b = bugs.find((x) => x.bug === bug);
    if (!b) throw new Error('unknown bug: ' + bug);
    return Object.assign({ bug }, await run('bug-' + bug, b.firstPage));
  }

  window.pagescopeDemo = { ready, fetchStyle, fetchBug };
  const auto = new URLSearchParams(location.search).get('auto');
  if (auto) ready.then(() => fetchStyle(auto)).catch((e) => { status.textContent = 'auto failed: ' + e; });
})();
`;
