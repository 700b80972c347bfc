/**
 * Quoting one word for bash or zsh, for every command Pagescope shows to be pasted: DevTools-style
 * "Copy as cURL", the CLI's resume hint, the exported `pagescope crawl` command.
 */

/** Characters a pasted command must not carry raw: C0/C1 controls (a CR, ESC or NUL does not survive a
 * terminal), format characters (bidi overrides that make the shown command lie, zero-width), line and
 * paragraph separators. */
const ESCAPE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** A word the shell reads as itself, unquoted (no leading `=`: zsh expands `=cmd` to a path). */
const BARE = /^[\w@%+:,./-][\w@%+=:,./-]*$/;

export type ShellQuoteOptions = {
  /** Leave a word made only of plain characters (`page.json`, `https://a.test/x`) unquoted. */
  bare?: boolean;
};

/** `\xHH` for each UTF-8 byte of `ch`, so the shell builds the same bytes in any locale. */
function byteEscapes(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
  return encodeURIComponent(ch).replace(/%/g, '\\x');
}

/**
 * Quotes `value` as one POSIX shell word (bash, zsh) that the shell reads back exactly as `value`:
 * single quotes, or ANSI-C `$'…'` when the value holds characters a paste must not carry raw (each
 * written as its UTF-8 bytes `\xHH`). Inside `$'…'` a quote and `!` are escapes too, so no quote ever
 * ends the word early and interactive history expansion finds nothing. (A NUL cannot be passed in a
 * shell argument at all: bash ends the word there.)
 */
export function shellQuote(value: string, options: ShellQuoteOptions = {}): string {
  if (options.bare && BARE.test(value)) return value;
  if (!ESCAPE.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  let out = "$'";
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === "'" || ch === '!' || ESCAPE.test(ch)) out += byteEscapes(ch);
    else out += ch;
  }
  return `${out}'`;
}
