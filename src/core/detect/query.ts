/**
 * Query-string reading and editing that leaves every other parameter byte-for-byte as it was
 * (URLSearchParams re-encodes the whole query, turning `sort=-a,b` into `sort=-a%2Cb`), so a built
 * page URL matches the one the API itself links to.
 */

function decode(s: string): string {
  if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * Parameter names keep `[` `]` readable (`page[number]`), as JSON:API documents them, and `$`
 * (`$skip`, `$top`), as OData and Socrata document theirs; servers accept either form.
 */
function encodeName(s: string): string {
  return encodeURIComponent(s).replace(/%5B/gi, '[').replace(/%5D/gi, ']').replace(/%24/gi, '$');
}

function split(url: string): { head: string; query: string; hash: string } {
  const h = url.indexOf('#');
  const hash = h >= 0 ? url.slice(h) : '';
  const rest = h >= 0 ? url.slice(0, h) : url;
  const q = rest.indexOf('?');
  return q >= 0
    ? { head: rest.slice(0, q), query: rest.slice(q + 1), hash }
    : { head: rest, query: '', hash };
}

/**
 * The last few URLs read: one page's detection asks about the same request URL and links many
 * times over (and a page's next link is the next page's request URL). Read-only maps, so sharing is safe.
 */
const recent = new Map<string, ReadonlyMap<string, string>>();
const RECENT = 16;
const NONE: ReadonlyMap<string, string> = new Map();

/** Query parameters by decoded name → decoded value (first occurrence wins). Empty for a bad URL. */
export function queryEntries(url: string): ReadonlyMap<string, string> {
  if (typeof url !== 'string') return NONE;
  const known = recent.get(url);
  if (known) return known;
  const out = new Map<string, string>();
  for (const part of split(url).query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decode(eq >= 0 ? part.slice(0, eq) : part);
    if (!out.has(name)) out.set(name, eq >= 0 ? decode(part.slice(eq + 1)) : '');
  }
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(url, out);
  return out;
}

/** One query parameter's decoded value, or undefined. */
export function queryValue(url: string, name: string): string | undefined {
  return queryEntries(url).get(name);
}

/**
 * The URL with parameter `name` set to `value` (undefined removes it): replaced in place when present
 * (later duplicates dropped), appended otherwise. Everything else is untouched.
 */
export function setQueryParam(url: string, name: string, value: string | undefined): string {
  const { head, query, hash } = split(url);
  const out: string[] = [];
  let done = false;
  for (const part of query ? query.split('&') : []) {
    const eq = part.indexOf('=');
    if (part && decode(eq >= 0 ? part.slice(0, eq) : part) === name) {
      if (!done && value !== undefined) out.push(`${encodeName(name)}=${encodeURIComponent(value)}`);
      done = true;
    } else if (part) out.push(part);
  }
  if (!done && value !== undefined) out.push(`${encodeName(name)}=${encodeURIComponent(value)}`);
  return head + (out.length ? `?${out.join('&')}` : '') + hash;
}
