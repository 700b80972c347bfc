/** URL helpers shared by detectors, the chain builder and the crawler. */

/** Resolves a possibly relative link against a base URL; undefined when it is not a usable http(s) URL. */
export function resolveUrl(base: string, ref: string | null | undefined): string | undefined {
  if (typeof ref !== 'string' || !ref.trim()) return undefined;
  try {
    const u = new URL(ref.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The URL with the given query parameters set (undefined removes one). Other parameters keep their order. */
export function withParams(url: string, params: Record<string, string | number | undefined>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) u.searchParams.delete(k);
    else u.searchParams.set(k, String(v));
  }
  return u.href;
}

/** One query parameter's value, or undefined. */
export function getParam(url: string, name: string): string | undefined {
  try {
    return new URL(url).searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** `scheme://host:port`, or undefined for an unparsable URL. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
