/**
 * Query parameter parsing shared by the styles. Each style decides what bad input means for it
 * (clamp like Spring and GitLab, or a 4xx like WordPress and Stripe), so parsing only reports what it saw.
 */

export type IntParam =
  | { ok: true; value: number; given: boolean }
  | { ok: false; raw: string; reason: 'not-an-integer' | 'too-small' | 'too-large' };

/**
 * Reads an integer parameter. Absent or empty → `def`. Non-integers (`abc`, `1.5`, `1e3`) and values
 * outside [min, max] are reported, not coerced, so the caller can answer the way its API does.
 */
export function readInt(
  query: URLSearchParams,
  name: string,
  def: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): IntParam {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return { ok: true, value: def, given: false };
  if (!/^-?\d{1,15}$/.test(raw.trim())) return { ok: false, raw, reason: 'not-an-integer' };
  const n = Number(raw.trim());
  if (n < min) return { ok: false, raw, reason: 'too-small' };
  if (n > max) return { ok: false, raw, reason: 'too-large' };
  return { ok: true, value: n, given: true };
}

/**
 * Lenient reading for APIs that clamp instead of failing (GitLab, Spring Data, Google AIP-158 for sizes):
 * garbage → default, below min → min (or default when `lowToDefault`), above max → max.
 */
export function clampInt(
  query: URLSearchParams,
  name: string,
  def: number,
  min: number,
  max: number,
  lowToDefault = false,
): number {
  const p = readInt(query, name, def, Number.MIN_SAFE_INTEGER);
  if (!p.ok) return def;
  if (p.value < min) return lowToDefault ? def : min;
  return Math.min(p.value, max);
}

/** Number of pages for `total` records at `size` per page (at least 1, as most APIs report an empty list as one page). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** base64url without padding, as Laravel encodes its cursors. */
export function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** Standard base64 with padding (UserVoice, Slack, GitHub cursors). */
export function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Decodes base64 or base64url; undefined when it is not valid text. */
export function unb64(token: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(token)) return undefined;
  try {
    return Buffer.from(token, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

/** Parses a base64 JSON cursor into an object, or undefined when it is not one. */
export function decodeJsonCursor(token: string | null): Record<string, unknown> | undefined {
  if (!token) return undefined;
  const text = unb64(token);
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
