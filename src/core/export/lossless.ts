/**
 * Integers beyond 2^53 in JSON. `JSON.parse` rounds them (`12345678901234567890` → …68000), which
 * corrupts ids — and can make distinct records look like duplicates. Node 20 has neither
 * `JSON.rawJSON` nor the reviver's `context.source`, so this is a text pre-pass: every integer
 * literal outside strings whose value is not a safe integer is wrapped in quotes, keeping its exact
 * digits as a string (the convention of Twitter's `id_str`). Strings survive structuredClone,
 * IndexedDB, dedup keys and cursor URLs; exports show the exact digits (as a JSON string / CSV text).
 * Fractions and exponents are floats by intent and left alone, except the ones a double cannot hold
 * at all: `1e400` would read as Infinity (which every JSON writer turns into `null`) and `1e-400` as
 * 0. Those keep their exact text as a string too (`"1e400"`), counted apart in `outOfRange`, so no
 * value silently becomes `null` or 0 — the same trade as for big integers: the type changes, the
 * value survives, and the caller can say so.
 */
import type { ParseResult } from '../json.ts';

export type QuotedText = {
  text: string;
  /** How many number literals were quoted (both kinds). 0 means `text` is the input, unchanged. */
  quoted: number;
  /** How many of them were floats beyond a double's range (`1e400`, `-1e999`, `1e-400`). */
  outOfRange?: number;
};

/**
 * Fast gate: a non-safe integer needs 16 digits in a row, not after a `.` (float fractions are
 * common); a float out of a double's range (±1.8e308, or nonzero below 5e-324) needs a
 * three-digit exponent or hundreds of digits.
 */
const MAYBE_BIG = /(?<![.\d])\d{16}|[eE][+-]?\d{3}/;

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
 * True for a float literal a double cannot hold: it reads as ±Infinity (`1e400`), or as 0 although
 * a digit of its mantissa is not 0 (`1e-400`). Only literals with a long exponent or many digits
 * are parsed; invalid literals are left to the JSON parser.
 */
export function isOutOfRangeFloat(lit: string): boolean {
  if (lit.length < 5) return false;
  const v = Number(lit);
  if (Number.isNaN(v)) return false;
  if (!Number.isFinite(v)) return true;
  if (v !== 0) return false;
  const e = lit.search(/[eE]/);
  return /[1-9]/.test(e < 0 ? lit : lit.slice(0, e));
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
  let outOfRange = 0;
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
      let quote = isInteger && isUnsafeIntegerLiteral(text.slice(start, i));
      // Read the rest of a float as one literal, so its digits are not read as a second number.
      while (i < n && /[0-9.eE+-]/.test(text[i])) i++;
      if (!isInteger && isOutOfRangeFloat(text.slice(start, i))) {
        quote = true;
        outOfRange++;
      }
      if (quote) {
        parts.push(text.slice(last, start), '"', text.slice(start, i), '"');
        last = i;
        quoted++;
      }
    } else {
      i++;
    }
  }
  if (!quoted) return { text, quoted: 0 };
  parts.push(text.slice(last));
  return outOfRange ? { text: parts.join(''), quoted, outOfRange } : { text: parts.join(''), quoted };
}

export type LosslessParseResult =
  (ParseResult & { ok: false }) | { ok: true; value: unknown; exactIntegers: number; outOfRange?: number };

/**
 * `JSON.parse` that keeps integers beyond 2^53 exact, as strings of digits, and floats beyond a
 * double's range as their text. `exactIntegers` says how many literals were kept that way (floats
 * included; `outOfRange` counts those alone), so callers can warn that those fields changed type.
 * Never throws.
 */
export function parseJsonLossless(text: string | null | undefined): LosslessParseResult {
  if (text == null || text === '') return { ok: false, reason: 'empty body' };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const q = quoteBigIntegers(body);
  try {
    const value = JSON.parse(q.text);
    return q.outOfRange
      ? { ok: true, value, exactIntegers: q.quoted, outOfRange: q.outOfRange }
      : { ok: true, value, exactIntegers: q.quoted };
  } catch (e) {
    return { ok: false, reason: `invalid JSON: ${(e as Error).message}` };
  }
}
