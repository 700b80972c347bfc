/**
 * Text a server or a file controls (reason phrases, URLs, body snippets, HAR methods) must not drive
 * the terminal: an ESC or a C1 control could retitle the window, clear the screen or hide text. Every
 * human-readable line the CLI prints goes through `safeText`; records written as data never do.
 */

// C0 controls except \n (kept: line breaks are ours), DEL, C1 controls, and the bidi overrides that
// can reorder what is shown (U+202A–U+202E, U+2066–U+2069).
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function escape(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  return c > 0xff ? `\\u${c.toString(16).padStart(4, '0')}` : `\\x${c.toString(16).padStart(2, '0')}`;
}

/** `text` with control characters shown as `\xNN` escapes; `\n` kept unless `oneLine`. */
export function safeText(text: string, oneLine = false): string {
  const s = text.replace(UNSAFE, escape);
  return oneLine ? s.replace(/\n/g, '\\n') : s;
}
