/**
 * detect(exchange) → Detection | null. Parses the body once, runs every detector, takes the most
 * confident answer and fills its gaps (totals, links, evidence) from the others that agree.
 */
import { headerValue, headerValues, isJsonMime, looksLikeJson, type Exchange } from '../exchange.ts';
import { parseJson, type ParseResult } from '../json.ts';
import { detectors } from './detectors.ts';
import { finalize } from './finalize.ts';
import { createGate } from './precheck.ts';
import { ev } from './body-evidence.ts';
import { inferParams } from './params.ts';
import { locateRecords } from './records.ts';
import type {
  DetectContext,
  Detection,
  DetectOutcome,
  DetectorResult,
  Detector,
  PaginationKind,
} from './types.ts';

export type { Detection, DetectOutcome } from './types.ts';

/** Bodies larger than this are not parsed for detection (headers still count). @default 64 MiB */
export const MAX_BODY_CHARS = 64 * 1024 * 1024;

/**
 * Builds the shared context, or says why the exchange cannot be paginated JSON at all. `body`, when
 * given, is `parseJson(exchange.response.bodyText)` already done by the caller (not parsed again).
 */
export function createContext(
  exchange: Exchange,
  body?: ParseResult,
): { ok: true; ctx: DetectContext } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(exchange.request.url);
  } catch {
    return { ok: false, reason: `not an absolute URL: ${String(exchange.request.url).slice(0, 200)}` };
  }
  const { response } = exchange;
  let json: unknown = undefined;
  const text = response.bodyText;
  // Cheap gate first (as GNI learned): only parse what claims or looks like JSON. A body too large to
  // parse still lets the header detectors answer; a body that is there but is not JSON ends it here.
  if (text && text.length <= MAX_BODY_CHARS) {
    if (!looksLikeJson(text)) {
      const what = isJsonMime(response.mimeType)
        ? `body is not JSON despite ${response.mimeType}`
        : 'body is not JSON';
      return { ok: false, reason: what };
    }
    const parsed = body ?? parseJson(text);
    if (!parsed.ok) return { ok: false, reason: parsed.reason.slice(0, 200) };
    json = parsed.value;
  }
  const hs = response.headers;
  return {
    ok: true,
    ctx: { exchange, url, json, header: (n) => headerValue(hs, n), headers: (n) => headerValues(hs, n) },
  };
}

/** How detection runs; the defaults are what every caller wants. */
export type DetectOptions = {
  /**
   * Skip detectors whose declared headers are absent or whose body pre-check fails, without calling
   * them. Off only to prove the gates change no result (precheck.test.ts).
   * @default true
   */
  prechecks?: boolean;
  /**
   * The body already parsed: `parseJson(exchange.response.bodyText)`, e.g. by a crawler that reads
   * records from the same value, so a page is parsed once. Must be that very text's parse.
   * @default parsed here
   */
  body?: ParseResult;
};

function runAll(ctx: DetectContext, list: readonly Detector[], prechecks: boolean): DetectorResult[] {
  const out: DetectorResult[] = [];
  const gate = prechecks ? createGate(ctx) : undefined;
  for (const d of list) {
    if (gate && !gate(d)) continue;
    try {
      const r = d.detect(ctx);
      if (r && r.confidence > 0) out.push(r);
    } catch {
      // A detector bug must never stop detection; the others still answer.
    }
  }
  return out;
}

/** Detects pagination, or says why not. Never throws. */
export function detectWithReason(
  exchange: Exchange,
  list: readonly Detector[] = detectors,
  options: DetectOptions = {},
): DetectOutcome {
  const c = createContext(exchange, options.body);
  if (!c.ok) return c;
  const results = runAll(c.ctx, list, options.prechecks ?? true);
  if (!results.length) {
    return {
      ok: false,
      reason: c.ctx.json === undefined ? 'no JSON body and no pagination headers' : 'no pagination found',
    };
  }
  return { ok: true, detection: finalize(c.ctx, merge(results)) };
}

/** Detects pagination in one exchange; null when it is not paginated (or not JSON). Never throws. */
export function detect(exchange: Exchange, options?: DetectOptions): Detection | null {
  const r = detectWithReason(exchange, detectors, options);
  return r.ok ? r.detection : null;
}

/** Header detectors: cheap, and where totals often live beside any body style. */
const HEADER_STYLES = new Set([
  'vanilla',
  'gitlab',
  'wordpress',
  'yii',
  'content-range',
  'link-header',
  'total-count',
]);

/** Styles a detector reports under another name than its own. */
const STYLE_OF: Record<string, string> = {
  'laravel-cursor': 'laravel',
  github: 'link-header',
  shopify: 'link-header',
  sentry: 'link-header',
};

/**
 * The fast path for pages 2..n of a chain whose style is already known: runs only the detector
 * named `style` (a Detection's `style`, or a detector's name) plus the header detectors (for
 * totals and links), merges and finalizes as detect() does. Falls back to detect() when `style`
 * names no detector (styles such as `github` or `shopify` come from the link-header detector).
 * On a page with no pagination fields at all (a chain's last page: no `paging`, no `Link`), a
 * records-only detection in `style` with no `next`; null when the page shows
 * another style's signals, an error status, or no records array. Never throws.
 * Same cost as detect() for the JSON parse (none with `options.body`), but none of the other body
 * detectors' work.
 */
export function detectAs(exchange: Exchange, style: string, options: DetectOptions = {}): Detection | null {
  const name = STYLE_OF[style] ?? style;
  if (!detectors.some((d) => d.name === name)) return detect(exchange, options);
  const list = detectors.filter((d) => d.name === name || HEADER_STYLES.has(d.name));
  const r = detectWithReason(exchange, list, options);
  return r.ok ? r.detection : lastPageOf(exchange, style, options);
}

/**
 * The last page of a chain whose style prints nothing there: HubSpot drops `paging`, Link-header
 * APIs drop the `Link` header, and what is left is a list of records. For detectAs only — a chain
 * is already known, so a bare list ends it (no `next`) with its records kept. `hasMore` stays unset:
 * a concurrent crawl planned from page 1's totals goes on past a page that merely lacks headers.
 * detect() never does this: a plain array alone says nothing about pagination. Null on an error
 * status, when no records array is found, or when another style's signals are on the page (the
 * shape changed: the caller should run detect()).
 */
function lastPageOf(exchange: Exchange, style: string, options: DetectOptions): Detection | null {
  if (exchange.response.status >= 400 || detectWithReason(exchange, detectors, options).ok) return null;
  const c = createContext(exchange, options.body);
  if (!c.ok || c.ctx.json === undefined) return null;
  const found = locateRecords(c.ctx.json);
  if (!found) return null;
  const p = inferParams(exchange.request.url, {});
  const kind: PaginationKind = p.cursor ? 'cursor' : p.page ? 'page' : p.offset ? 'offset' : 'link';
  const where = found.path.join('.') || '(root array)';
  const d = finalize(c.ctx, {
    kind,
    style,
    confidence: 0.3,
    evidence: [
      ev(where, `${found.count} records`, `no pagination fields: the last page of a ${style} chain`),
    ],
    recordsPath: found.path,
    recordCount: found.count,
  });
  delete d.next;
  return d;
}

/** Most confident first (stable, so registry order breaks ties); gaps filled from the rest. */
function merge(results: DetectorResult[]): DetectorResult {
  const sorted = results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.confidence - a.r.confidence || a.i - b.i);
  const primary: DetectorResult = {
    ...sorted[0].r,
    links: { ...sorted[0].r.links },
    evidence: [...sorted[0].r.evidence],
  };
  for (const { r } of sorted.slice(1)) {
    let used = false;
    for (const k of ['totalRecords', 'totalPages', 'pageSize', 'hasMore'] as const) {
      if (primary[k] === undefined && r[k] !== undefined) {
        (primary as Record<string, unknown>)[k] = r[k];
        used = true;
      }
    }
    for (const k of ['first', 'prev', 'next', 'last'] as const) {
      // The winner saying "last page" outranks a weaker detector's next link (Zendesk prints one on
      // its last page with has_more false).
      if (k === 'next' && primary.hasMore === false) continue;
      if (!primary.links![k] && r.links?.[k]) {
        primary.links![k] = r.links[k];
        used = true;
      }
    }
    if (used) primary.evidence.push(...r.evidence.map((e) => ({ ...e, note: e.note ?? `also: ${r.style}` })));
  }
  return primary;
}
