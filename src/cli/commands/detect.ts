/**
 * `pagescope detect FILE.har [--json]`: one row per JSON response in the HAR — method, status, URL,
 * style/kind, records, totals and the next request — or, with --json, one object per response.
 */
import { isJsonMime, looksLikeJson, type Exchange } from '../../core/exchange.ts';
import { detectWithReason, type DetectOutcome } from '../../core/detect/index.ts';
import { parseArgs, UsageError } from '../args.ts';
import { readHar } from '../har.ts';
import type { Command } from '../io.ts';
import { safeText } from '../terminal-text.ts';
import { resolve } from 'node:path';

const HELP = `usage: pagescope detect FILE.har [--json]

Finds pagination in every JSON response of a HAR file (DevTools → Network → "Save all as HAR with content").
  --json   print a JSON array: {url, paginated, kind, style, next, prev, totalRecords, totalPages, recordCount, evidence}
`;

type Row = { exchange: Exchange; outcome: DetectOutcome };

/** The --json shape of one response: stable keys, null when unknown. */
export function rowJson({ exchange, outcome }: Row) {
  const d = outcome.ok ? outcome.detection : undefined;
  return {
    url: exchange.request.url,
    method: exchange.request.method,
    status: exchange.response.status,
    paginated: !!d,
    kind: d?.kind ?? null,
    style: d?.style ?? null,
    next: d?.next?.url ?? null,
    prev: d?.links.prev ?? null,
    totalRecords: d?.totalRecords ?? null,
    totalPages: d?.totalPages ?? null,
    recordCount: d?.recordCount ?? null,
    evidence: d?.evidence ?? [],
    ...(outcome.ok ? {} : { reason: outcome.reason }),
  };
}

function cut(s: string, width: number): string {
  s = safeText(s, true); // a HAR's method or URL may hold escape sequences
  if (!Number.isFinite(width)) return s;
  if (width <= 1) return '';
  return s.length <= width ? s.padEnd(width) : `${s.slice(0, width - 1)}…`;
}

/** The next URL as briefly as it can be told: only its query when it differs from the request in nothing else. */
function shortNext(url: string, next: string | undefined): string {
  if (!next) return '-';
  const q = (u: string) => (u.includes('?') ? u.slice(0, u.indexOf('?')) : u);
  return q(url) === q(next) && next.includes('?') ? next.slice(next.indexOf('?')) : next;
}

/** One row; `width` Infinity (output piped, not a terminal) cuts nothing. */
function tableRow({ exchange, outcome }: Row, width: number): string {
  const d = outcome.ok ? outcome.detection : undefined;
  const what = d ? `${d.style}/${d.kind}` : 'not paginated';
  const records = d ? String(d.recordCount) : '';
  const totals =
    d && (d.totalRecords !== undefined || d.totalPages !== undefined)
      ? `${d.totalRecords ?? '?'}/${d.totalPages ?? '?'}p`
      : '';
  const fixed = `${cut(exchange.request.method, 7)}${cut(String(exchange.response.status), 5)}${cut(what, 24)}${records.padStart(7)} ${cut(totals, 12)} `;
  const rest = Math.max(20, width - fixed.length);
  const urlWidth = d ? Math.ceil(rest * 0.6) : rest;
  const url = cut(exchange.request.url, urlWidth);
  const next = d
    ? ` ${cut(`next ${shortNext(exchange.request.url, d.next?.url)}`, rest - urlWidth - 1)}`
    : '';
  return `${fixed}${url}${next}`.trimEnd();
}

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, { booleans: ['--json', '--help'], aliases: { '-h': '--help' } });
  if (args.flags.has('--help')) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.positionals.length !== 1)
    throw new UsageError(
      args.positionals.length ? 'takes one HAR file' : 'needs a HAR file (pagescope detect FILE.har)',
    );
  const file = args.positionals[0];
  const har = await readHar(resolve(io.cwd, file));
  if (!har.ok) {
    io.stderr.write(`pagescope detect: ${safeText(har.reason)}\n`);
    return 2;
  }
  const rows: Row[] = har.exchanges
    .filter((e) => isJsonMime(e.response.mimeType) || looksLikeJson(e.response.bodyText))
    .map((exchange) => ({ exchange, outcome: detectWithReason(exchange) }));
  if (args.flags.has('--json')) {
    io.stdout.write(`${JSON.stringify(rows.map(rowJson), null, 2)}\n`);
    return 0;
  }
  if (!rows.length) {
    io.stdout.write(`no JSON responses in ${file} (${har.exchanges.length} entries)\n`);
    return 0;
  }
  // Cut to the terminal; piped to a file or a program, every URL is printed whole.
  const width = !io.stdout.isTTY
    ? Infinity
    : io.stdout.columns && io.stdout.columns > 40
      ? io.stdout.columns
      : 120;
  const header = `${cut('METHOD', 7)}${cut('HTTP', 5)}${cut('STYLE/KIND', 24)}${'RECORDS'.padStart(7)} ${cut('TOTAL/PAGES', 12)} URL`;
  io.stdout.write(`${header}\n${rows.map((r) => tableRow(r, width)).join('\n')}\n`);
  const paginated = rows.filter((r) => r.outcome.ok).length;
  io.stdout.write(`${rows.length} JSON responses, ${paginated} paginated\n`);
  return 0;
};
