/**
 * Exchange: the HAR-shaped unit every layer consumes. One request and its response, with the
 * body as text. Plain data only, so it survives structuredClone between extension contexts.
 */
export type Header = { name: string; value: string };

export type Exchange = {
  /** Stable id within a capture (panel) or a HAR file (index). */
  id?: string;
  startedDateTime?: string;
  /** Total time in ms, as HAR's `time`. */
  time?: number;
  request: {
    method: string;
    url: string;
    headers: Header[];
    postData?: { mimeType?: string; text?: string };
  };
  response: {
    status: number;
    statusText?: string;
    headers: Header[];
    mimeType: string;
    /** Decoded body text, or null when none was captured. */
    bodyText: string | null;
    bodySize?: number;
  };
};

/** A HAR 1.2 entry, as far as Pagescope reads it. */
export type HarEntry = {
  startedDateTime?: string;
  time?: number;
  request?: {
    method?: string;
    url?: string;
    headers?: Header[];
    postData?: { mimeType?: string; text?: string };
  };
  response?: {
    status?: number;
    statusText?: string;
    headers?: Header[];
    content?: { mimeType?: string; text?: string; encoding?: string; size?: number };
  };
};

/** Base64 → UTF-8 text without Node or DOM globals beyond `atob`/`TextDecoder` (both ES-platform in Node 20 and browsers). */
function decodeBase64(text: string): string | null {
  try {
    const bin = atob(text);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return null;
  }
}

function cleanHeaders(list: unknown): Header[] {
  if (!Array.isArray(list)) return [];
  const out: Header[] = [];
  for (const h of list) {
    if (h && typeof h === 'object' && typeof (h as Header).name === 'string') {
      out.push({ name: (h as Header).name, value: String((h as Header).value ?? '') });
    }
  }
  return out;
}

/**
 * Turns a HAR entry into an Exchange. Missing fields become safe defaults; a base64 body is decoded.
 * `bodyOverride` is the text from DevTools' `getContent()`, which the HAR entry itself lacks.
 */
export function fromHarEntry(entry: HarEntry, id?: string, bodyOverride?: string | null): Exchange {
  const req = entry.request ?? {};
  const res = entry.response ?? {};
  const content = res.content ?? {};
  let bodyText: string | null = bodyOverride ?? content.text ?? null;
  if (bodyOverride == null && bodyText != null && content.encoding === 'base64')
    bodyText = decodeBase64(bodyText);
  return {
    id,
    startedDateTime: entry.startedDateTime,
    time: typeof entry.time === 'number' ? entry.time : undefined,
    request: {
      method: String(req.method ?? 'GET').toUpperCase(),
      url: String(req.url ?? ''),
      headers: cleanHeaders(req.headers),
      postData: req.postData,
    },
    response: {
      status: Number(res.status ?? 0),
      statusText: res.statusText,
      headers: cleanHeaders(res.headers),
      mimeType: String(content.mimeType ?? headerValue(cleanHeaders(res.headers), 'content-type') ?? ''),
      bodyText,
      bodySize: typeof content.size === 'number' ? content.size : bodyText?.length,
    },
  };
}

/** First value of a header, case-insensitive. */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const n = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === n) return h.value;
  return undefined;
}

/** Every value of a header, case-insensitive, in order (repeated headers are kept). */
export function headerValues(headers: readonly Header[], name: string): string[] {
  const n = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === n).map((h) => h.value);
}

/** True when the response looks like JSON by MIME type (`application/json`, `+json`, `text/json`). */
export function isJsonMime(mime: string): boolean {
  const m = mime.toLowerCase().split(';')[0].trim();
  return m === 'application/json' || m === 'text/json' || m.endsWith('+json');
}

/** True when the body text starts like a JSON object or array (for servers whose MIME type lies). */
export function looksLikeJson(text: string | null): boolean {
  if (!text) return false;
  for (let i = 0; i < text.length && i < 64; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
    return c === 0x7b /* { */ || c === 0x5b; /* [ */
  }
  return false;
}
