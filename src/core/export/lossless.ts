/**
 * Integers beyond 2^53 in JSON. `JSON.parse` rounds them (`12345678901234567890` → …68000), which
 * corrupts ids — and can make distinct records look like duplicates. Node 20 has neither
 * `JSON.rawJSON` nor the reviver's `context.source`, so this is a text pre-pass: every integer
 * literal outside strings whose value is not a safe integer is wrapped in quotes, keeping its exact
 * digits as a string (the convention of Twitter's `id_str`). Strings survive structuredClone,
 * IndexedDB, dedup keys and cursor URLs; exports show the exact digits (as a JSON string / CSV text).
 * Fractions and exponents are left alone: they are floats by intent.
 */
import type { ParseResult } from '../json.ts';

export type QuotedText = {
  text: string;
  /** How many integer literals were quoted. 0 means `text` is the input, unchanged. */
  quoted: number;
};

/** Fast gate: a non-safe integer needs 16 digits in a row, not after a `.` (float fractions are common). */
const MAYBE_BIG = /(?<![.\d])\d{16}/;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** True when the integer literal (optional `-`, then digits) is beyond ±(2^53 − 1). */
export function isUnsafeIntegerLiteral(lit: string): boolean {
  const digits = lit.startsWith('-') ? lit.length - 1 : lit.length;
  if (digits < 16) return false;
  return !Number.isSafeInteger(Number(lit)) || digits > 16;
}

/**
 * Quotes unsafe integer literals in JSON text. Invalid JSON passes through (the parser that
 * follows reports it). Linear in the text; texts without 16 consecutive digits are not scanned.
 */
export function quoteBigIntegers(text: string): QuotedText {
  if (!MAYBE_BIG.test(text)) return { text, quoted: 0 };
  const parts: string[] = [];
  let last = 0;
  let quoted = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
    } else if (c === 0x2d /* - */ || isDigit(c)) {
      const start = i;
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const e = i < n ? text.charCodeAt(i) : 0;
      const isInteger = e !== 0x2e /* . */ && e !== 0x65 /* e */ && e !== 0x45; /* E */
      if (isInteger && isUnsafeIntegerLiteral(text.slice(start, i))) {
        parts.push(text.slice(last, start), '"', text.slice(start, i), '"');
        last = i;
        quoted++;
      }
      // Skip the rest of a float so its digits are not read as a second number.
      while (i < n && /[0-9.eE+-]/.test(text[i])) i++;
    } else {
      i++;
    }
  }
  if (!quoted) return { text, quoted: 0 };
  parts.push(text.slice(last));
  return { text: parts.join(''), quoted };
}

export type LosslessParseResult =
  (ParseResult & { ok: false }) | { ok: true; value: unknown; exactIntegers: number };

/**
 * `JSON.parse` that keeps integers beyond 2^53 exact, as strings of digits. `exactIntegers` says
 * how many were kept that way, so callers can warn that those fields changed type. Never throws.
 */
export function parseJsonLossless(text: string | null | undefined): LosslessParseResult {
  if (text == null || text === '') return { ok: false, reason: 'empty body' };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const q = quoteBigIntegers(body);
  try {
    return { ok: true, value: JSON.parse(q.text), exactIntegers: q.quoted };
  } catch (e) {
    return { ok: false, reason: `invalid JSON: ${(e as Error).message}` };
  }
}
