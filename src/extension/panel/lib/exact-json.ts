/**
 * Response bodies parsed for display with integers beyond 2^53 exact. Core's `parseJsonLossless`
 * (the parse crawls and exports rely on) keeps such an integer as its digits in a string, which a
 * tree would show as a quoted string. Here it becomes an `ExactInteger`, so the tree shows it as a
 * number with its exact digits, while a genuine string of digits (`"id_str": "9007199254740993"`)
 * stays a string.
 */
import { parseJson, type ParseResult } from '../../../core/json.ts';
import { parseJsonLossless } from '../../../core/export/lossless.ts';

/** A JSON integer literal that `JSON.parse` would round, kept as its exact digits (`-` included). */
export class ExactInteger {
  constructor(readonly digits: string) {}
  toString(): string {
    return this.digits;
  }
  /** `JSON.stringify` writes the digits as a string, as the exports do. */
  toJSON(): string {
    return this.digits;
  }
}

export type DisplayParseResult =
  (ParseResult & { ok: false }) | { ok: true; value: unknown; exactIntegers: number };

/** Own property set even when the key is `__proto__` (JSON.parse makes it an own data property). */
function put(target: Record<string, unknown> | unknown[], key: string | number, v: unknown) {
  Object.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * Where the lossless parse has a string and the plain parse a number, the literal was an unsafe
 * integer the pre-pass quoted: both parses share every key and index (duplicates, key order), so
 * one walk over both finds exactly those. Iterative, so deep bodies cannot overflow the stack.
 */
function markExactIntegers(exact: unknown, rounded: unknown): void {
  const stack: [unknown, unknown][] = [[exact, rounded]];
  while (stack.length) {
    const [e, r] = stack.pop()!;
    if (typeof e !== 'object' || e === null || typeof r !== 'object' || r === null) continue;
    const eo = e as Record<string, unknown>;
    const ro = r as Record<string, unknown>;
    for (const k of Object.keys(eo)) {
      const ev = eo[k];
      const rv = ro[k];
      if (typeof ev === 'string' && typeof rv === 'number') put(eo, k, new ExactInteger(ev));
      else if (typeof ev === 'object' && ev !== null) stack.push([ev, rv]);
    }
  }
}

/**
 * JSON for the Response tab: like `parseJson`, but integers beyond 2^53 are `ExactInteger`s with
 * their exact digits. Bodies without such integers are parsed once; others twice plus one walk.
 * Never throws.
 */
export function parseJsonForDisplay(text: string | null | undefined): DisplayParseResult {
  const exact = parseJsonLossless(text);
  if (!exact.ok || exact.exactIntegers === 0) return exact;
  if (typeof exact.value !== 'object' || exact.value === null) {
    // The whole body is one big integer.
    return { ok: true, value: new ExactInteger(exact.value as string), exactIntegers: 1 };
  }
  const rounded = parseJson(text);
  if (rounded.ok) markExactIntegers(exact.value, rounded.value);
  return exact;
}
