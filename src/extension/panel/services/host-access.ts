/**
 * Host access for a crawl: the match pattern asked for, and the wait for the browser's answer.
 *
 * `permissions.request` must be called inside the user's click (browsers show the prompt only
 * during a user gesture), so `waitForAccess` calls it before its first await. The prompt can stay
 * up for as long as the user likes; the wait races it against the crawl's abort signal, so Cancel
 * ends the wait at once (the browser's prompt may stay open; its late answer is then ignored).
 */

/** Why a crawl got no access: refused in the prompt, cancelled while waiting, or the request failed. */
export type AccessProblem = 'refused' | 'cancelled' | 'failed';

/** A crawl that could not start for want of host access. `message` says what happened and what to do. */
export class AccessError extends Error {
  constructor(
    message: string,
    readonly problem: AccessProblem,
    readonly origin: string,
  ) {
    super(message);
    this.name = 'AccessError';
  }
}

/**
 * Host match pattern for a URL. Chrome matches ports in patterns (`http://127.0.0.1:8787/*` grants that
 * port only); Firefox does not support a port there (bug 1362809), so it gets the host's every port.
 * A URL on its scheme's default port has no port in its origin and gets none in the pattern.
 */
export function hostPattern(url: string, withPort = true): string {
  const u = new URL(url);
  return `${u.protocol}//${withPort ? u.host : u.hostname}/*`;
}

/** What the user reads while the browser's prompt is up. */
export const waitingText = (origin: string) =>
  `Waiting for access to ${origin} — answer the browser's prompt`;

/** What the user reads after a refusal, with the way to try again. */
const refusedText = (origin: string) =>
  `Access to ${origin} was refused, so nothing was crawled. To try again, press “Grant access” (or the crawl button) ` +
  `and choose Allow in the browser's prompt; the site can also be allowed from the browser's extensions menu.`;

/**
 * Asks for access to `url`'s origin (`ask` is called synchronously) and waits for the answer or for
 * `signal` to abort, whichever comes first. Resolves when granted; rejects with an AccessError otherwise.
 */
export async function waitForAccess(
  url: string,
  ask: () => Promise<boolean>,
  signal?: AbortSignal,
): Promise<void> {
  const origin = new URL(url).origin;
  let asked: Promise<boolean>;
  try {
    asked = ask();
  } catch (e) {
    asked = Promise.reject(e);
  }
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () =>
      reject(
        new AccessError(
          `Cancelled by you while waiting for access to ${origin}; nothing was fetched.`,
          'cancelled',
          origin,
        ),
      );
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  let granted: boolean;
  try {
    granted = await Promise.race([asked, aborted]);
  } catch (e) {
    if (e instanceof AccessError) throw e;
    throw new AccessError(`Could not ask for access to ${origin}: ${(e as Error).message}`, 'failed', origin);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (!granted) throw new AccessError(refusedText(origin), 'refused', origin);
}
