/**
 * RFC 8288 `Link` header parsing: the one parser every part of Pagescope reads Link headers with
 * (the link-header detector, diagnose's raw links, the spec). Pure; never throws.
 */
import type { Detection } from './detect/types.ts';
import { resolveUrl } from './url.ts';

export type LinkValue = {
  /** The target as written between `<` and `>` (not yet resolved). */
  uri: string;
  /** Relation types, lower-cased (`rel="next last"` gives both). */
  rel: string[];
  /** Other parameters by lower-cased name; `title*` is decoded from RFC 8187 form. */
  params: Record<string, string>;
};

const WS = /[ \t\r\n]/;
const TOKEN_END = /[ \t\r\n;,=]/;

/** RFC 8187 ext-value (`UTF-8'en'%e2%82%ac%20rates`) → text; undefined when malformed. */
function decodeExtValue(v: string): string | undefined {
  const m = /^([A-Za-z0-9!#$%&+^_`{}~-]+)'[^']*'(.*)$/.exec(v);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[2]);
  } catch {
    return undefined;
  }
}

/**
 * Parses one or more `Link` header values into links, in order. Commas and semicolons inside `<…>`
 * belong to the URL; quoted and unquoted values, any whitespace and any parameter case are
 * accepted; a link with garbage in it is skipped up to the next comma and parsing goes on. Only the
 * first `rel` of a link counts (RFC 8288 §3.3). Never throws.
 */
export function parseLinkHeader(values: string | readonly string[]): LinkValue[] {
  const out: LinkValue[] = [];
  for (const s of typeof values === 'string' ? [values] : values) {
    if (typeof s === 'string') parseOne(s, out);
  }
  return out;
}

function parseOne(s: string, out: LinkValue[]): void {
  let i = 0;
  const n = s.length;
  const skipWs = () => {
    while (i < n && WS.test(s[i])) i++;
  };
  // Skips to just past the next comma that is not inside quotes or angle brackets.
  const skipToComma = () => {
    let quoted = false;
    for (; i < n; i++) {
      const c = s[i];
      if (quoted) {
        if (c === '\\') i++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '<') {
        const close = s.indexOf('>', i);
        if (close < 0) return void (i = n);
        i = close;
      } else if (c === ',') return void i++;
    }
  };
  while (i < n) {
    while (i < n && (WS.test(s[i]) || s[i] === ',')) i++;
    if (i >= n) break;
    if (s[i] !== '<') {
      skipToComma();
      continue;
    }
    const close = s.indexOf('>', i + 1);
    if (close < 0) break;
    const link: LinkValue = { uri: s.slice(i + 1, close).trim(), rel: [], params: {} };
    i = close + 1;
    let ok = true;
    let sawRel = false;
    for (;;) {
      skipWs();
      if (i >= n || s[i] === ',') break;
      if (s[i] !== ';') {
        ok = false;
        break;
      }
      i++;
      skipWs();
      const start = i;
      while (i < n && !TOKEN_END.test(s[i])) i++;
      const name = s.slice(start, i).toLowerCase();
      skipWs();
      let value = '';
      if (s[i] === '=') {
        i++;
        skipWs();
        if (s[i] === '"' || s[i] === "'") {
          // Single quotes are not RFC 8288, but some servers send rel='next'.
          const q = s[i++];
          while (i < n && s[i] !== q) {
            if (s[i] === '\\' && i + 1 < n) i++;
            value += s[i++];
          }
          if (i >= n) {
            ok = false;
            break;
          }
          i++;
        } else {
          const vs = i;
          while (i < n && !/[ \t\r\n;,]/.test(s[i])) i++;
          value = s.slice(vs, i);
        }
      }
      if (!name) continue;
      if (name === 'rel') {
        if (!sawRel)
          link.rel = value
            .split(/[ \t\r\n]+/)
            .filter(Boolean)
            .map((r) => r.toLowerCase());
        sawRel = true;
      } else if (name.endsWith('*')) {
        const decoded = decodeExtValue(value);
        if (decoded !== undefined) link.params[name] ??= decoded;
      } else link.params[name] ??= value;
    }
    if (ok) out.push(link);
    else skipToComma();
  }
}

/** The first/prev/next/last targets of parsed links, resolved against `base` (`previous` = `prev`). */
export function pageLinks(links: readonly LinkValue[], base: string): Detection['links'] {
  const out: Detection['links'] = {};
  for (const l of links) {
    for (const r of l.rel) {
      const key = r === 'previous' ? 'prev' : r;
      if (key !== 'first' && key !== 'prev' && key !== 'next' && key !== 'last') continue;
      if (out[key]) continue;
      const abs = resolveUrl(base, l.uri);
      if (abs) out[key] = abs;
    }
  }
  return out;
}
