/**
 * The real clock and the global fetch as crawl ports, for the tests that crawl real local servers
 * (engine-http.test.ts, demo-styles.test.ts). Only standard globals: Node 20 and browsers have both.
 */
import type { HttpFetch } from '../../ports.ts';

/** The real clock is the one systemClock. */
export { systemClock as realClock } from '../../system-clock.ts';

/** HttpFetch over the global fetch: the request's method, headers, body and signal; the body read as text. */
export const realFetch: HttpFetch = async (req) => {
  const res = await fetch(req.url, {
    method: req.method,
    headers: req.headers.map((h): [string, string] => [h.name, h.value]),
    body: req.body,
    signal: req.signal,
  });
  return {
    status: res.status,
    statusText: res.statusText,
    url: res.url,
    headers: [...res.headers].map(([name, value]) => ({ name, value })),
    bodyText: await res.text(),
  };
};
