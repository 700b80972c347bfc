/**
 * Pagination links exactly as the API wrote them (before any resolution), for the mixed-forms check:
 * detectors resolve links to absolute URLs, so their evidence no longer shows whether the API sent
 * `/items?page=2` or `https://host/items?page=2`. Read from the Link header, `Paging-*`-style headers
 * and the body's next/prev/first/last/self fields (HAL's `{href}` and HATEOAS `[{rel, href}]` arrays
 * too), never from inside the records.
 */
import type { Exchange } from '../exchange.ts';
import { isObject, parseJson } from '../json.ts';
import { parseLinkHeader } from '../link.ts';
import { resolveUrl } from '../url.ts';

// Links a client follows. Not `self` (the resource's canonical URL: Confluence writes it absolute and
// its next/prev relative to `_links.base`, as documented) and not `base`/`context`.
const NAME =
  /^(next|prev|previous|first|last)([_-]?page)?([_-]?(url|link|href))?$|^@odata\.nextlink$|^nextlink$/i;
const RELS = /^(next|prev|previous|first|last)$/i;
const URLISH = /^(https?:\/\/\S+|\/(?!\/)\S*|\?\S*)$/i;

function fromBody(
  value: unknown,
  recordsKey: string | undefined,
  out: string[],
  depth = 0,
  parent = '',
): void {
  if (depth > 4) return;
  // HATEOAS link arrays (PayPal, older Spring): `links: [{rel: "next", href: "…"}]`.
  if (Array.isArray(value) && /^_?links$/i.test(parent)) {
    for (const l of value.slice(0, 20))
      if (isObject(l) && typeof l.href === 'string' && typeof l.rel === 'string' && NAME.test(l.rel))
        if (URLISH.test(l.href.trim())) out.push(l.href.trim());
    return;
  }
  if (!isObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    if (depth === 0 && k === recordsKey) continue;
    if (typeof v === 'string') {
      const name = k === 'href' ? parent : k;
      if (NAME.test(name) && URLISH.test(v.trim())) out.push(v.trim());
    } else if (isObject(v) || Array.isArray(v)) fromBody(v, recordsKey, out, depth + 1, k);
  }
}

/** Every pagination link of the response in its raw form. */
export function rawLinksOf(exchange: Exchange, recordsPath: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const h of exchange.response.headers) {
    if (/^link$/i.test(h.name)) {
      for (const l of parseLinkHeader(h.value)) if (l.rel.some((r) => RELS.test(r))) out.push(l.uri);
    } else if (
      /^(x-)?(paging|page|pagination)?-?(next|prev|previous|first|last)(-page)?(-url|-link)?$/i.test(
        h.name,
      ) &&
      URLISH.test(h.value.trim())
    )
      out.push(h.value.trim());
  }
  const parsed = parseJson(exchange.response.bodyText);
  if (parsed.ok) fromBody(parsed.value, recordsPath[0], out);
  return out;
}

/**
 * The Link header's `rel="next"` target, resolved. Detectors that read the end from page counts
 * (X-WP-TotalPages, X-Pagination-Page-Count) let that outrank a next link printed on the last page,
 * but a client that follows Link headers follows it. Sentry's `results="false"` says the target is
 * empty (documented): not a next.
 */
export function linkHeaderNext(exchange: Exchange): string | undefined {
  for (const h of exchange.response.headers) {
    if (!/^link$/i.test(h.name)) continue;
    for (const l of parseLinkHeader(h.value)) {
      if (!l.rel.includes('next') || l.params.results === 'false') continue;
      return resolveUrl(exchange.request.url, l.uri);
    }
  }
  return undefined;
}
