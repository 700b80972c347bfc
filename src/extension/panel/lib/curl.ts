/**
 * "Copy as cURL" for bash/zsh, quoting like DevTools' own copy-as-cURL: single quotes normally,
 * ANSI-C `$'…'` when the text holds control characters (a literal CR or NUL would not survive a paste).
 */
import type { Exchange, Header } from '../../../core/exchange.ts';
import { shellQuote } from '../../../core/shell-quote.ts';

export { shellQuote };

/** Headers curl sets itself, or that are HTTP/2 pseudo headers (`:authority`) curl rejects. */
function keepHeader(h: Header): boolean {
  const n = h.name.toLowerCase();
  return !n.startsWith(':') && n !== 'content-length';
}

/** The cURL command that repeats the exchange's request, one option per line. */
export function buildCurl(exchange: Pick<Exchange, 'request'>): string {
  const { method, url, headers, postData } = exchange.request;
  const parts: string[] = [`curl ${shellQuote(url)}`];
  const body = postData?.text;
  const m = method.toUpperCase();
  // curl infers GET, or POST when there is a body; anything else must be said.
  if (!(m === 'GET' && body == null) && !(m === 'POST' && body != null)) parts.push(`-X ${shellQuote(m)}`);
  let compressed = false;
  for (const h of headers) {
    if (!keepHeader(h)) continue;
    if (h.name.toLowerCase() === 'accept-encoding') compressed = true;
    parts.push(`-H ${shellQuote(`${h.name}: ${h.value}`)}`);
  }
  if (body != null) {
    const hasType = headers.some((h) => h.name.toLowerCase() === 'content-type');
    if (!hasType && postData?.mimeType) parts.push(`-H ${shellQuote(`content-type: ${postData.mimeType}`)}`);
    parts.push(`--data-raw ${shellQuote(body)}`);
  }
  if (compressed) parts.push('--compressed');
  return parts.join(' \\\n  ');
}
