/**
 * Reads a curl command line as DevTools' "Copy as cURL (bash)" writes it: bash words ('…', "…",
 * $'…', backslash escapes, line continuations) and the curl options such a copy uses (-H, -X,
 * --data-raw and friends, -b, -u, --compressed, …). What this does not understand is an error, never
 * silently dropped.
 */
import { UsageError } from './args.ts';

/** ANSI-C escapes of bash's $'…'. */
const C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Decodes the body of a $'…' word starting at `i` (after the quote); returns the text and the index after the closing quote. */
function ansiC(s: string, i: number): [string, number] {
  let out = '';
  while (i < s.length && s[i] !== "'") {
    if (s[i] !== '\\') {
      out += s[i++];
      continue;
    }
    const c = s[i + 1];
    i += 2;
    if (c === undefined) break;
    if (c in C_ESCAPES) out += C_ESCAPES[c];
    else if (c === 'x' || c === 'u' || c === 'U') {
      const max = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const hex = /^[0-9a-fA-F]+/.exec(s.slice(i, i + max))?.[0] ?? '';
      if (!hex) out += `\\${c}`;
      else out += String.fromCodePoint(parseInt(hex, 16));
      i += hex.length;
    } else if (/[0-7]/.test(c)) {
      const oct = /^[0-7]{0,2}/.exec(s.slice(i))![0];
      out += String.fromCharCode(parseInt(c + oct, 8) & 0xff);
      i += oct.length;
    } else if (c === 'c' && i < s.length) out += String.fromCharCode(s.charCodeAt(i++) & 0x1f);
    else out += `\\${c}`;
  }
  if (s[i] !== "'") throw new UsageError("--curl: unterminated $'…' quote");
  return [out, i + 1];
}

/** Splits a bash command line into words, as bash would (no expansions: `$VAR` stays literal). */
export function shellWords(s: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let i = 0;
  const add = (t: string) => (word = (word ?? '') + t);
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\\') {
      if (s[i + 1] === '\n')
        i += 2; // line continuation
      else if (s[i + 1] === '\r' && s[i + 2] === '\n') i += 3;
      else {
        if (i + 1 < s.length) add(s[i + 1]);
        i += 2;
      }
    } else if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new UsageError("--curl: unterminated ' quote");
      add(s.slice(i + 1, end));
      i = end + 1;
    } else if (ch === '$' && s[i + 1] === "'") {
      const [text, next] = ansiC(s, i + 2);
      add(text);
      i = next;
    } else if (ch === '"') {
      i++;
      let text = '';
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && '"\\$`\n'.includes(s[i + 1] ?? '')) {
          if (s[i + 1] !== '\n') text += s[i + 1];
          i += 2;
        } else text += s[i++];
      }
      if (s[i] !== '"') throw new UsageError('--curl: unterminated " quote');
      add(text);
      i++;
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
      i++;
    } else {
      add(ch);
      i++;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** What a curl command asks for. Headers in order; cookies (-b) as a Cookie header. */
export type CurlRequest = {
  url?: string;
  method?: string;
  headers: { name: string; value: string }[];
  data: string[];
  user?: string;
};

const WITH_VALUE: Record<string, string> = {
  '-H': 'header',
  '--header': 'header',
  '-X': 'method',
  '--request': 'method',
  '-d': 'data',
  '--data': 'data',
  '--data-raw': 'data',
  '--data-binary': 'data',
  '--data-ascii': 'data',
  '-b': 'cookie',
  '--cookie': 'cookie',
  '-u': 'user',
  '--user': 'user',
  '-A': 'agent',
  '--user-agent': 'agent',
  '-e': 'referer',
  '--referer': 'referer',
  '--url': 'url',
};
/** Options that change nothing for a crawl: decoding, output and verbosity, redirects (always followed). */
const IGNORED = new Set([
  '--compressed',
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-L',
  '--location',
  '-i',
  '--include',
  '-v',
  '--verbose',
  '-g',
  '--globoff',
  '--http1.1',
  '--http2',
  '--no-buffer',
  '-N',
]);

/** Reads the options of a curl command line (the leading `curl` is optional). */
export function parseCurl(command: string): CurlRequest {
  const words = shellWords(command.trim());
  if (words[0] === 'curl') words.shift();
  const out: CurlRequest = { headers: [], data: [] };
  const setUrl = (u: string) => {
    if (out.url !== undefined) throw new UsageError(`--curl: more than one URL (${out.url}, ${u})`);
    out.url = u;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w.startsWith('-') || w === '-') {
      setUrl(w);
      continue;
    }
    if (IGNORED.has(w)) continue;
    const kind = WITH_VALUE[w];
    if (!kind)
      throw new UsageError(
        `--curl: unsupported curl option ${w}${w === '-k' || w === '--insecure' ? ' (certificates are always checked)' : ''}`,
      );
    const v = words[++i];
    if (v === undefined) throw new UsageError(`--curl: ${w} needs a value`);
    if (kind === 'url') setUrl(v);
    else if (kind === 'method') out.method = v.toUpperCase();
    else if (kind === 'data') out.data.push(v.startsWith('@') && w !== '--data-raw' ? fileData(w) : v);
    else if (kind === 'user') out.user = v;
    else if (kind === 'header') out.headers.push(headerOf(v, w));
    else if (kind === 'cookie') {
      if (!v.includes('=')) throw new UsageError(`--curl: ${w} takes cookies (name=value), not a file`);
      out.headers.push({ name: 'Cookie', value: v });
    } else out.headers.push({ name: kind === 'agent' ? 'User-Agent' : 'Referer', value: v });
  }
  return out;
}

function fileData(flag: string): never {
  throw new UsageError(`--curl: ${flag} @FILE is not supported; paste the body itself`);
}

function headerOf(text: string, flag: string): { name: string; value: string } {
  const i = text.indexOf(':');
  const name = i > 0 ? text.slice(0, i).trim() : '';
  if (!name) throw new UsageError(`--curl: ${flag} takes 'Name: value', not ${JSON.stringify(text)}`);
  return { name, value: text.slice(i + 1).trim() };
}
