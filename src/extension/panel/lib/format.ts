/** Short, DevTools-like text for sizes, durations and URLs in the request list. */

export function formatBytes(n: number | undefined): string {
  if (n == null || !Number.isFinite(n) || n < 0) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatMs(ms: number | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Path and query of a URL (what the Name column shows); the whole text when it does not parse. */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** `0.93` → `93%`. */
export function formatConfidence(c: number): string {
  return `${Math.round(c * 100)}%`;
}

/** `[origin, rest]` with `origin + rest === url`, so a row can show the rest and still hold the URL. */
export function splitUrl(url: string): [string, string] {
  try {
    const { origin } = new URL(url);
    if (origin !== 'null' && url.startsWith(origin)) return [origin, url.slice(origin.length)];
  } catch {
    // not a URL: show it whole
  }
  return ['', url];
}
