/**
 * The request options `crawl` and `diagnose` share, curl-style: `-H` (repeatable), `-X/--request`,
 * `-d/--data/--data-raw` (repeatable, joined with `&` as curl does; `-d` alone means POST), `-b/--cookie`,
 * and `--curl 'curl …'` (DevTools' "Copy as cURL (bash)"). A body's text is sent exactly as given.
 *
 * `http://user:password@host/…` becomes an `Authorization: Basic …` header and leaves the URL, so
 * the password is scoped like any credential (that origin only) and never lands in a state file.
 */
import type { Header } from '../core/exchange.ts';
import { UsageError, type ArgSpec, type ParsedArgs } from './args.ts';
import type { StartRequest } from '../core/crawl/start-page.ts';
import { parseCurl } from './curl-args.ts';

/** The parser spec of the request options, to merge into a command's own. */
export const REQUEST_ARGS = {
  values: ['-H', '-X', '-d', '-b', '--curl'],
  repeat: ['-H', '-d', '-b'],
  aliases: {
    '--header': '-H',
    '--request': '-X',
    '--data': '-d',
    '--data-raw': '-d',
    '--data-binary': '-d',
    '--cookie': '-b',
  },
} satisfies ArgSpec;

/** The help lines of the request options. */
export const REQUEST_HELP = `  -H, --header 'Name: value'   request header (repeatable; credentials go to the URL's origin only)
  -X, --request METHOD         HTTP method (default GET, or POST with -d)
  -d, --data, --data-raw BODY  request body, sent as given (JSON: Content-Type application/json unless -H says)
  -b, --cookie 'a=1; b=2'      Cookie header
  --curl 'curl …'              the request as DevTools' "Copy as cURL (bash)" gives it
`;

/** `Name: value` → Header; undefined when the text has no usable name. */
function parseHeader(text: string): Header | undefined {
  const i = text.indexOf(':');
  const name = i > 0 ? text.slice(0, i).trim() : '';
  if (!name || /[\s"(),/:;<=>?@[\\\]{}]/.test(name)) return undefined;
  return { name, value: text.slice(i + 1).trim() };
}

/** `user:password@` out of a URL, as an Authorization header (Basic, as curl and browsers send it). */
function splitUserinfo(url: string): { url: string; auth?: Header } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { url };
  }
  if (!u.username && !u.password) return { url };
  const user = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
  u.username = '';
  u.password = '';
  return { url: u.href, auth: basic(user) };
}

function basic(userPass: string): Header {
  return { name: 'Authorization', value: `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}` };
}

const has = (headers: Header[], name: string) =>
  headers.some((h) => h.name.toLowerCase() === name.toLowerCase());

function looksLikeJson(body: string): boolean {
  const t = body.trim();
  if (!/^[[{]/.test(t)) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/**
 * The start request from the parsed options and the positional URL (`--curl` may give the URL).
 * Throws UsageError for a malformed header or a missing URL.
 */
export function requestFromArgs(args: ParsedArgs, positional: string | undefined): Partial<StartRequest> {
  const curl = args.values['--curl'] !== undefined ? parseCurl(args.values['--curl']) : undefined;
  if (curl?.url && positional && curl.url !== positional)
    throw new UsageError(`--curl names ${curl.url}; give no other URL`);
  const headers: Header[] = [...(curl?.headers ?? [])];
  if (curl?.user) headers.push(basic(curl.user));
  for (const text of args.lists['-H'] ?? []) {
    const h = parseHeader(text);
    if (!h) throw new UsageError(`-H takes 'Name: value', not ${JSON.stringify(text)}`);
    // A -H on the command line replaces the same header from --curl.
    for (let i = headers.length - 1; i >= 0; i--)
      if (curl && headers[i].name.toLowerCase() === h.name.toLowerCase()) headers.splice(i, 1);
    headers.push(h);
  }
  const cookies = args.lists['-b'] ?? [];
  for (const c of cookies) {
    if (!c.includes('=')) throw new UsageError(`-b takes cookies (name=value), not a file`);
    headers.push({ name: 'Cookie', value: c });
  }
  const data = [...(curl?.data ?? []), ...(args.lists['-d'] ?? [])];
  const body = data.length ? data.join('&') : undefined;
  const method = (args.values['-X'] ?? curl?.method ?? (body !== undefined ? 'POST' : 'GET')).toUpperCase();
  if (!/^[A-Z]+$/.test(method))
    throw new UsageError(`-X takes an HTTP method, not ${JSON.stringify(method)}`);
  if (body !== undefined && !has(headers, 'content-type'))
    headers.push({
      name: 'Content-Type',
      value: looksLikeJson(body) ? 'application/json' : 'application/x-www-form-urlencoded',
    });
  const raw = curl?.url ?? positional;
  const out: Partial<StartRequest> = { method, headers };
  if (body !== undefined) out.body = body;
  if (raw !== undefined) {
    const { url, auth } = splitUserinfo(raw);
    out.url = url;
    if (auth && !has(headers, 'authorization')) headers.push(auth);
  }
  return out;
}
