/**
 * pagescope crawl URL: fetch the first page, detect pagination, crawl the rest with the core engine
 * and export the records (NDJSON, JSON or CSV) to --out or stdout. State is saved after every page;
 * Ctrl+C stops cleanly and --resume STATE continues with nothing lost or repeated.
 */
import { resolve } from 'node:path';
import { crawl } from '../../core/crawl/engine.ts';
import type { CrawlSummary } from '../../core/crawl/types.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/types.ts';
import { intOption, parseArgs, UsageError } from '../args.ts';
import { fetchStart, parseHeader, withExactIntegers } from '../crawl-start.ts';
import { createNodeFetch } from '../http.ts';
import type { Command } from '../io.ts';
import { nodeClock } from '../node-clock.ts';
import { exitCodeFor, resumeHint, summaryJson, summaryLine } from '../output.ts';
import { createProgressBar } from '../progress.ts';
import { loadCrawlState, type CrawlState } from '../../store/crawl-state.ts';
import { openFileStore } from '../../store/file-store.ts';
import { singlePage } from '../single-page.ts';

const HELP = `usage: pagescope crawl URL [options]
  -H, --header 'Name: value'   request header (repeatable; sent only to the URL's origin)
  -o, --out FILE               write records to FILE (default: stdout)
  --format ndjson|json|csv     default: from --out's extension, else ndjson
  --concurrency N              parallel requests for numbered pages with a known total (default 4)
  --max-pages N, --max-records N, --delay MS, --retries N, --timeout MS
  --state FILE                 where progress is saved (default: OUT.state.json or ./pagescope-crawl.state.json)
  --resume STATE_FILE          continue a stopped crawl (URL, format and output come from the state)
  --json                       print a summary JSON object as the last line of stdout
`;

function formatFor(value: string | undefined, out: string | undefined): ExportFormat {
  if (value !== undefined) {
    if (!EXPORT_FORMATS.includes(value as ExportFormat))
      throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    return value as ExportFormat;
  }
  const ext = out?.toLowerCase().match(/\.(csv|json|ndjson|jsonl)$/)?.[1];
  return ext === 'csv' ? 'csv' : ext === 'json' ? 'json' : 'ndjson';
}

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {
    values: [
      '-H',
      '--out',
      '--format',
      '--concurrency',
      '--max-pages',
      '--max-records',
      '--delay',
      '--resume',
      '--state',
      '--retries',
      '--timeout',
    ],
    repeat: ['-H'],
    booleans: ['--json', '--help'],
    aliases: { '--header': '-H', '-o': '--out' },
  });
  if (args.flags.has('--help')) return (io.stdout.write(HELP), 0);
  const say = (line: string) => io.stderr.write(`pagescope crawl: ${line}\n`);
  const at = (p: string) => resolve(io.cwd, p);
  let prior: CrawlState | undefined;
  if (args.values['--resume']) {
    prior = await loadCrawlState(at(args.values['--resume'])).catch((e: Error) => {
      throw new UsageError(e.message);
    });
  }
  const url = args.positionals[0] ?? prior?.startUrl;
  if (!url || args.positionals.length > 1)
    throw new UsageError('give one URL to crawl (or --resume STATE_FILE)\n\n' + HELP);
  if (prior && url !== prior.startUrl)
    throw new UsageError(`the state file is for ${prior.startUrl}, not ${url}`);
  const outArg = args.values['--out'] ? at(args.values['--out']) : undefined;
  if (prior && args.values['--out'] && outArg !== (prior.out ?? undefined))
    throw new UsageError(`the state file writes to ${prior.out ?? 'stdout'}; drop --out`);
  const format = prior?.format ?? formatFor(args.values['--format'], outArg);
  if (prior && args.values['--format'] && args.values['--format'] !== prior.format)
    throw new UsageError(`the state file's format is ${prior.format}`);
  const out = prior ? prior.out : (outArg ?? null);
  const statePath = args.values['--state']
    ? at(args.values['--state'])
    : args.values['--resume']
      ? at(args.values['--resume'])
      : out
        ? `${out}.state.json`
        : at('pagescope-crawl.state.json');
  const headers = (args.lists['-H'] ?? []).map((h) => {
    const header = parseHeader(h);
    if (!header) throw new UsageError(`-H takes 'Name: value', not ${JSON.stringify(h)}`);
    return header;
  });
  const concurrency = intOption(args, '--concurrency', 4, 1)!;
  const timeoutMs = intOption(args, '--timeout', 30_000, 1)!;
  const missing = (prior?.headerNames ?? []).filter(
    (n) => !headers.some((h) => h.name.toLowerCase() === n.toLowerCase()),
  );
  if (missing.length)
    say(`note: the stopped crawl sent ${missing.join(', ')}; pass the same -H again if the API needs it`);

  const http = createNodeFetch({ maxSockets: Math.max(concurrency, 4) });
  const fetch = withExactIntegers(http);
  try {
    const start = await fetchStart(fetch, url, headers, timeoutMs);
    if (!start.ok) return (say(start.message), 1);
    const store = await openFileStore({
      format,
      out,
      stdout: io.stdout,
      statePath,
      startUrl: url,
      headerNames: headers.map((h) => h.name),
      resume: prior,
    });
    const ac = new AbortController();
    const onSigint = () => ac.abort(new Error('interrupted'));
    process.once('SIGINT', onSigint);
    const bar = createProgressBar(io.stderr);
    let summary: CrawlSummary;
    try {
      if (!start.detection) {
        say(
          `${url} is not paginated (${start.why}); exporting its ${start.records.length} records as one page`,
        );
        summary = await singlePage(start.exchange, start.records, store, nodeClock);
      } else {
        summary = await crawl(
          { exchange: start.exchange, detection: start.detection },
          {
            fetch,
            clock: nodeClock,
            sink: store,
            signal: ac.signal,
            concurrency,
            timeoutMs,
            maxPages: intOption(args, '--max-pages', undefined, 1),
            maxRecords: intOption(args, '--max-records', undefined, 1),
            delayMs: intOption(args, '--delay', 0),
            retries: intOption(args, '--retries', undefined),
            resume: prior?.checkpoint,
            onProgress: (p) => bar.update(p),
          },
        );
      }
    } finally {
      process.off('SIGINT', onSigint);
      bar.done();
    }
    const complete = summary.stoppedReason === 'done' || summary.stoppedReason === 'not-paginated';
    await store.finish(summary.checkpoint, complete);
    say(summaryLine(summary, out ?? 'stdout'));
    if (fetch.count())
      say(`note: ${fetch.count()} integers beyond 2^53 were kept exact as strings of digits`);
    if (!complete)
      say(
        resumeHint(
          statePath,
          headers.map((h) => h.name),
        ),
      );
    if (args.flags.has('--json')) io.stdout.write(summaryJson(summary) + '\n');
    return exitCodeFor(summary.stoppedReason);
  } finally {
    http.close();
  }
};
