/**
 * Diagnosing a live URL, from its fetched first page on: crawl with the core engine through a tap that
 * keeps every response (the engine's sink gets deduped records and never sees a page its loop guard
 * refused — exactly the pages a diagnosis needs), then probe one page past the end of numbered chains.
 * Network and clock come in as ports; pagesFromUrl fetches the start page first (the CLI wires it:
 * cli/diagnose-url.ts). Pages are built by the one page builder (page.ts).
 */
import { normalizeUrl } from '../chain/key.ts';
import { buildRequest, replayableHeaders } from '../crawl/credentials.ts';
import { crawl } from '../crawl/engine.ts';
import type { Checkpoint, CrawledPage, CrawlSink, CrawlSummary } from '../crawl/types.ts';
import { fetchStart, fetchWithTimeout, type StartRequest } from '../crawl/start-page.ts';
import { detect } from '../detect/index.ts';
import { offsetAfter, pageRequest } from '../detect/params.ts';
import type { Detection } from '../detect/types.ts';
import type { Exchange } from '../exchange.ts';
import type { Clock, HttpFetch, HttpRequest, HttpResponse } from '../ports.ts';
import { diagnosePage } from './page.ts';
import type { DiagnosePage } from './types.ts';

/** The pages of a live URL's chain for diagnose(), or why there are none. */
export type UrlDiagnosisInput =
  | { ok: true; pages: DiagnosePage[]; detection: Detection; summary: CrawlSummary }
  | { ok: false; message: string; notPaginated?: boolean };

type Tapped = { req: HttpRequest; res: HttpResponse };

/**
 * Reads pages by a pagination spec instead of detection (`diagnose --spec`, override flags): page 1's
 * detection and the per-page reader, or null to detect as usual.
 */
export type PageReader = (
  exchange: Exchange,
  detection: Detection | null,
) => { detection: Detection; detectPage: (exchange: Exchange) => Detection | null } | null;

/** A fetch that remembers every response, in order. */
function tap(fetch: HttpFetch, log: Tapped[]): HttpFetch {
  return async (req) => {
    const res = await fetch(req);
    log.push({ req, res });
    return res;
  };
}

/** Keeps the crawled pages' metadata; records are read from the tap, duplicates included. */
function memorySink(): CrawlSink & { pages: CrawledPage[] } {
  const pages: CrawledPage[] = [];
  return {
    pages,
    writePage: async (page: CrawledPage, _records: unknown[], _cp: Checkpoint) => void pages.push(page),
  };
}

function toExchange(t: Tapped): Exchange {
  return {
    request: { method: t.req.method, url: t.req.url, headers: [] },
    response: {
      status: t.res.status,
      statusText: t.res.statusText,
      headers: t.res.headers,
      mimeType: '',
      bodyText: t.res.bodyText,
    },
  };
}

/**
 * The request one page past a numbered chain's last page: page + 1, or offset + page size. Cursor and
 * link chains have no address past their end.
 */
function pastTheEnd(last: Detection): string | undefined {
  if (last.position.page !== undefined) return pageRequest(last, last.position.page + 1)?.url;
  return last.kind === 'offset' && last.position.offset !== undefined ? offsetAfter(last)?.url : undefined;
}

/** The first page as fetched: its exchange and detection (or, when none, why not). */
type FetchedStart = { exchange: Exchange; detection: Detection | null; why?: string };

export type PagesFromStartOptions = {
  /** The URL the user asked for, as messages name it. */
  url: string;
  fetch: HttpFetch;
  clock: Clock;
  maxPages: number;
  timeoutMs: number;
  reader?: PageReader;
};

/**
 * Crawls from a fetched start page (up to maxPages) and probes one page past a numbered chain's end;
 * the pages come back in the order they were fetched, ready for diagnose().
 */
async function pagesFromStart(start: FetchedStart, o: PagesFromStartOptions): Promise<UrlDiagnosisInput> {
  const { url, fetch, maxPages, timeoutMs, reader } = o;
  const log: Tapped[] = [];
  const planned = reader?.(start.exchange, start.detection) ?? null;
  const first = planned?.detection ?? start.detection;
  if (!first)
    return {
      ok: false,
      notPaginated: true,
      message: `${url} is not paginated (${start.detection ? '' : start.why}): nothing to diagnose`,
    };
  const sink = memorySink();
  // One request at a time, so the fetch order is the chain order, and few retries: a diagnosis is not a harvest.
  const summary = await crawl(
    { exchange: start.exchange, detection: first },
    {
      ...(planned ? { detectPage: planned.detectPage } : {}),
      fetch: tap(fetch, log),
      clock: o.clock,
      sink,
      maxPages,
      concurrency: 1,
      retries: 1,
      timeoutMs,
    },
  );
  const last = sink.pages[sink.pages.length - 1]?.detection ?? first;
  let probeUrl: string | undefined;
  // Numbered chains only (a link chain whose last page reads like offsets has no address past its end).
  if (summary.stoppedReason === 'done' && last.kind === first.kind) {
    // The next the last page still offered (a crawler stops on a short page), else one page past it.
    const offered = last.next && last.next.method === 'GET' && !last.next.body ? last.next.url : undefined;
    probeUrl = last.kind === 'page' || last.kind === 'offset' ? (offered ?? pastTheEnd(last)) : undefined;
    if (probeUrl && !log.some((t) => normalizeUrl(t.req.url) === normalizeUrl(probeUrl!))) {
      // Built like every crawled page: credentials only to the start page's origin.
      const ex = start.exchange.request;
      const probe = buildRequest(
        { method: 'GET', url: probeUrl },
        replayableHeaders(ex.headers),
        ex.url,
        false,
      );
      await fetchWithTimeout(tap(fetch, log), probe, o.clock, timeoutMs).catch(() => undefined);
    } else probeUrl = undefined;
  }
  // Keep the last answer per URL (a retried request answers more than once).
  const latest = new Map<string, Tapped>();
  // A POST chain (GraphQL) pages through one URL: its pages differ by their body.
  const keyOf = (r: { url: string; body?: string }) => `${normalizeUrl(r.url)} ${r.body ?? ''}`;
  for (const t of log) latest.set(keyOf(t.req), t);
  const ordered = [{ ex: start.exchange, final: start.exchange.request.url }];
  const done = new Set([
    keyOf({ url: start.exchange.request.url, body: start.exchange.request.postData?.text }),
  ]);
  // The chain is what the crawl kept: pages written, the page a guard refused or a failure stopped
  // on, and the probe. A prediction the links did not confirm was never part of the API's chain.
  const chain = new Set(sink.pages.map((p) => keyOf(p.request)));
  const stoppedOn = summary.checkpoint.next;
  if (stoppedOn && summary.stoppedReason !== 'done') chain.add(keyOf(stoppedOn));
  if (probeUrl) chain.add(keyOf({ url: probeUrl }));
  for (const t of log) {
    const k = keyOf(t.req);
    if (done.has(k) || !chain.has(k)) continue;
    done.add(k);
    const pick = latest.get(k)!;
    ordered.push({ ex: toExchange(pick), final: pick.res.url || pick.req.url });
  }
  // Each answer read once here (the spec's reader, or detect(); the start page as fetched), then
  // built by the one page builder, an undetected 2xx page as the chain's end.
  const read = planned?.detectPage ?? detect;
  const pages = ordered.map((o, i) => {
    const ok = o.ex.response.status >= 200 && o.ex.response.status < 300;
    const detection = !ok ? null : i === 0 && !planned ? start.detection : read(o.ex);
    const probe = !!probeUrl && normalizeUrl(o.ex.request.url) === normalizeUrl(probeUrl);
    return diagnosePage({ exchange: o.ex, detection }, i, first, {
      finalUrl: o.final,
      probe,
    });
  });
  // What the crawl noticed (the links and the page numbers disagreed) goes with the start page.
  if (summary.notes?.length && pages[0]) pages[0].notes = [...summary.notes];
  return { ok: true, pages, detection: first, summary };
}

/**
 * A live URL's pages for diagnose(): fetches the start page (fetchStart: the one-line messages for
 * network and HTTP failures), then pagesFromStart.
 */
export async function pagesFromUrl(
  request: StartRequest,
  o: Omit<PagesFromStartOptions, 'url'>,
): Promise<UrlDiagnosisInput> {
  const start = await fetchStart(o.fetch, request, { clock: o.clock, timeoutMs: o.timeoutMs });
  if (!start.ok) return { ok: false, message: start.message };
  return pagesFromStart(start, { ...o, url: request.url });
}
