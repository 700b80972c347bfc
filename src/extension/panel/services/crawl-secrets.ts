/**
 * Credentials at rest: a dataset stores the names of the start request's credential headers
 * (core's `isCredentialHeader`: Authorization, Cookie, API-key-like), never their values. The values
 * live in this panel's memory for the crawl and its resumes; after DevTools was closed they are gone,
 * and a resume asks the user for them again instead of crawling without them silently.
 */
import { isCredentialHeader } from '../../../core/crawl/credentials.ts';
import type { CrawlStart } from '../../../core/crawl/types.ts';
import type { Header } from '../../../core/exchange.ts';

/** Stored in place of a secret value: empty, so nothing secret and nothing sendable. */
const REDACTED = '';

/** Set-Cookie in the stored first response holds session values too. */
const isSecretResponseHeader = (name: string) => /^set-cookie2?$/i.test(name);

/** Credential headers that a resume needs back. Cookie is left to the browser (fetch cannot set it). */
const needsValue = (name: string) => isCredentialHeader(name) && name.toLowerCase() !== 'cookie';

/** The start as it may be stored: credential header values blanked. `secrets` are the values taken out. */
export function redactStart(start: CrawlStart): { stored: CrawlStart; secrets: Header[] } {
  const { request, response } = start.exchange;
  const secrets = request.headers.filter((h) => isCredentialHeader(h.name) && h.value !== REDACTED);
  const blank = (h: Header) => ({ name: h.name, value: REDACTED });
  const stored: CrawlStart = {
    ...start,
    exchange: {
      ...start.exchange,
      request: {
        ...request,
        headers: request.headers.map((h) => (isCredentialHeader(h.name) ? blank(h) : h)),
      },
      response: {
        ...response,
        headers: response.headers.map((h) => (isSecretResponseHeader(h.name) ? blank(h) : h)),
      },
    },
  };
  return { stored, secrets };
}

/** Names of the stored (redacted) headers whose values are neither stored nor in `known`. */
export function missingSecrets(headers: readonly Header[], known: readonly Header[] = []): string[] {
  const have = new Set(known.filter((h) => h.value !== REDACTED).map((h) => h.name.toLowerCase()));
  const names = headers
    .filter((h) => needsValue(h.name) && h.value === REDACTED && !have.has(h.name.toLowerCase()))
    .map((h) => h.name);
  return [...new Set(names)];
}

/** The stored start with the secret values put back (`secrets` by name, case-insensitive). */
export function restoreSecrets(start: CrawlStart, secrets: readonly Header[]): CrawlStart {
  if (!secrets.length) return start;
  const byName = new Map(secrets.map((h) => [h.name.toLowerCase(), h.value]));
  const request = start.exchange.request;
  const headers = request.headers.map((h) => {
    const v = h.value === REDACTED ? byName.get(h.name.toLowerCase()) : undefined;
    return v === undefined ? h : { name: h.name, value: v };
  });
  // A header the user typed that the stored request did not name is added too.
  const named = new Set(headers.map((h) => h.name.toLowerCase()));
  for (const s of secrets) if (!named.has(s.name.toLowerCase())) headers.push({ ...s });
  return { ...start, exchange: { ...start.exchange, request: { ...request, headers } } };
}

/** The request as sent: blanked credential headers that are still blank are left out, not sent empty. */
export function withoutBlankSecrets(start: CrawlStart): CrawlStart {
  const request = start.exchange.request;
  const headers = request.headers.filter((h) => !(isCredentialHeader(h.name) && h.value === REDACTED));
  if (headers.length === request.headers.length) return start;
  return { ...start, exchange: { ...start.exchange, request: { ...request, headers } } };
}

/** Thrown by a resume that lacks credential values: `names` are the headers to ask the user for. */
export class MissingSecretsError extends Error {
  constructor(readonly names: string[]) {
    super(
      `This crawl was started with ${names.join(', ')}. Their values are not stored (credentials stay out of ` +
        `IndexedDB) and this panel does not hold them any more: enter them to resume, or resume without them.`,
    );
    this.name = 'MissingSecretsError';
  }
}
