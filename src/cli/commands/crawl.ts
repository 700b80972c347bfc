/**
 * pagescope crawl URL: fetch the first page, detect pagination, crawl the rest with the core engine
 * and export the records (NDJSON, JSON or CSV) to --out or stdout. State is saved after every page;
 * Ctrl+C stops cleanly and --resume STATE continues with nothing lost or repeated.
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkpointFits } from '../../core/crawl/checkpoint.ts';
import { crawl } from '../../core/crawl/engine.ts';
import type { Checkpoint, CrawlSummary } from '../../core/crawl/types.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/types.ts';
import { systemClock } from '../../core/system-clock.ts';
import { intOption, parseArgs, UsageError, type ParsedArgs } from '../args.ts';
import { fetchStart, redirectNote, type StartRequest } from '../../core/crawl/start-page.ts';
import { withExactIntegers } from '../../core/exact-integers.ts';
import { createNodeFetch } from '../http.ts';
import { DEFAULT_MAX_BODY_BYTES } from '../../core/ports.ts';
import type { Command } from '../io.ts';
import { byteSize, exitCodeFor, resumeHint, summaryJson, summaryLine } from '../output.ts';
import { createProgressBar } from '../progress.ts';
import { REQUEST_ARGS, REQUEST_HELP, requestFromArgs } from '../request-flags.ts';
import { safeText } from '../terminal-text.ts';
import {
  isStorableHeader,
  loadCrawlState,
  type CrawlOptionsSaved,
  type CrawlStateFile,
} from '../../store/crawl-state-file.ts';
import { openFileStore } from '../../store/file-store.ts';
import { singlePage } from '../single-page.ts';
import {
  loadSpecFile,
  missingSecrets,
  OVERRIDE_HELP,
  requestFromSpec,
  SPEC_ARGS,
  specPlan,
} from '../spec-flags.ts';

const HELP = `usage: pagescope crawl URL [options]
${REQUEST_HELP}  -o, --out FILE               write records to FILE (default: stdout)
  --format ndjson|json|csv     default: from --out's extension, else ndjson
  --concurrency N              parallel requests for numbered pages with a known total (default 4)
  --max-pages N, --max-records N, --delay MS, --retries N, --timeout MS
  --max-body SIZE              largest response body, decoded (default 256MiB; e.g. 1GiB, 500MB)
  --state FILE                 where progress is saved (default: OUT.state.json or ./pagescope-crawl.state.json)
  --resume STATE_FILE          continue a stopped crawl (URL, request, format, output and limits come
                               from the state; secret header values and passwords are never stored: pass -H again)
  --json                       print a summary JSON object as the last line of stdout
  --spec FILE                  crawl by a pagination spec (pagescope spec) instead of detection
${OVERRIDE_HELP}`;

/** Signals that end a crawl the way Ctrl+C does: the state saved, a resume hint printed. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function formatFor(value: string | undefined, out: string | undefined): ExportFormat {
  if (value !== undefined) {
    if (!EXPORT_FORMATS.includes(value as ExportFormat))
      throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    return value as ExportFormat;
  }
  const ext = out?.toLowerCase().match(/\.(csv|json|ndjson|jsonl)$/)?.[1];
  return ext === 'csv' ? 'csv' : ext === 'json' ? 'json' : 'ndjson';
}

type Limits = CrawlOptionsSaved & {
  concurrency: number;
  timeoutMs: number;
  delayMs: number;
  maxBody: number;
};

/** The limits of this run: each option given now, else the stopped crawl's, else the default. */
function limitsOf(args: ParsedArgs, saved: CrawlOptionsSaved = {}): Limits {
  const pick = (flag: string, key: keyof CrawlOptionsSaved, dflt: number | undefined, min = 0) =>
    args.values[flag] !== undefined ? intOption(args, flag, dflt, min) : (saved[key] ?? dflt);
  const maxBody =
    args.values['--max-body'] !== undefined ? byteSize(args.values['--max-body']) : saved.maxBody;
  const out = {
    concurrency: pick('--concurrency', 'concurrency', 4, 1)!,
    timeoutMs: pick('--timeout', 'timeoutMs', 30_000, 1)!,
    delayMs: pick('--delay', 'delayMs', 0)!,
    maxBody: maxBody ?? DEFAULT_MAX_BODY_BYTES,
  } as Limits;
  const maxPages = pick('--max-pages', 'maxPages', undefined, 1);
  const maxRecords = pick('--max-records', 'maxRecords', undefined, 1);
  const retries = pick('--retries', 'retries', undefined);
  if (maxPages !== undefined) out.maxPages = maxPages;
  if (maxRecords !== undefined) out.maxRecords = maxRecords;
  if (retries !== undefined) out.retries = retries;
  return out;
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {
    values: [
      ...REQUEST_ARGS.values,
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
      '--max-body',
      ...SPEC_ARGS.values,
    ],
    repeat: REQUEST_ARGS.repeat,
    booleans: ['--json', '--help', ...SPEC_ARGS.booleans],
    aliases: { ...REQUEST_ARGS.aliases, '-o': '--out' },
  });
  if (args.flags.has('--help')) return (io.stdout.write(HELP), 0);
  const say = (line: string) => io.stderr.write(`pagescope crawl: ${safeText(line)}\n`);
  const at = (p: string) => resolve(io.cwd, p);
  let prior: CrawlStateFile | undefined;
  if (args.values['--resume']) {
    prior = await loadCrawlState(at(args.values['--resume'])).catch((e: Error) => {
      throw new UsageError(e.message);
    });
  }
  if (args.positionals.length > 1) throw new UsageError('give one URL to crawl\n\n' + HELP);
  const specFile = args.values['--spec'] ? await loadSpecFile(at(args.values['--spec'])) : undefined;
  const typed = requestFromArgs(args, args.positionals[0] ?? specFile?.request.url);
  const asked = specFile ? requestFromSpec(specFile, typed) : typed;
  const url = asked.url ?? prior?.startUrl;
  if (!url) throw new UsageError('give one URL to crawl (or --resume STATE_FILE)\n\n' + HELP);
  // The URL the user asked for (never where it redirected): a CDN or presigned target may change.
  if (prior && url !== prior.startUrl)
    throw new UsageError(`the state file is for ${prior.startUrl}, not ${url}`);
  const explicitRequest = args.values['-X'] ?? args.lists['-d'] ?? args.values['--curl'];
  // A resume replays the stopped crawl's harmless headers (Accept, Content-Type, …); any other value
  // (credentials above all) comes from the command line again. A -H given now wins.
  const given = asked.headers ?? [];
  const kept = (prior?.headers ?? []).filter(
    (h) => isStorableHeader(h.name) && !given.some((g) => g.name.toLowerCase() === h.name.toLowerCase()),
  );
  const request: StartRequest = {
    method: prior && !explicitRequest ? (prior.request?.method ?? 'GET') : asked.method!,
    url,
    headers: [...kept, ...given],
  };
  const body = prior && !explicitRequest ? prior.request?.body : asked.body;
  if (body !== undefined) request.body = body;
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
  const saved = { ...prior?.options };
  // A limit the stopped crawl reached is what the resume is for: it goes on without it (or with a new one).
  for (const [key, count, flag] of [
    ['maxPages', prior?.checkpoint.pages, '--max-pages'],
    ['maxRecords', prior?.checkpoint.records, '--max-records'],
  ] as const) {
    const limit = saved[key];
    if (limit !== undefined && count !== undefined && count >= limit && args.values[flag] === undefined) {
      delete saved[key];
      say(`note: the stopped crawl reached ${flag} ${limit}; this run goes on without it`);
    }
  }
  const limits = limitsOf(args, saved);
  const { concurrency, timeoutMs } = limits;
  const headerNames = request.headers.filter((h) => !isStorableHeader(h.name)).map((h) => h.name);
  const missing = (prior?.headerNames ?? []).filter(
    (n) => !isStorableHeader(n) && !headerNames.some((h) => h.toLowerCase() === n.toLowerCase()),
  );
  if (missing.length)
    say(`note: the stopped crawl sent ${missing.join(', ')}; pass the same -H again if the API needs it`);
  for (const n of specFile ? missingSecrets(specFile, request.headers) : [])
    say(`note: the spec says the API needs ${n}; pass -H '${n}: …' if it does`);

  const http = createNodeFetch({ maxSockets: Math.max(concurrency, 4), maxBodyBytes: limits.maxBody });
  const fetch = withExactIntegers(http);
  try {
    const start = await fetchStart(fetch, request, { clock: systemClock, timeoutMs });
    if (!start.ok) return (say(start.message), 1);
    const note = redirectNote(start, url);
    if (note) say(note);
    // A spec file or override flags: the spec's paths read every page, not the detectors.
    const plan = specPlan(args, start.exchange, start.detection, specFile);
    let resume: Checkpoint | undefined = prior?.checkpoint;
    if (resume) {
      // The checkpoint names where the start URL led last time; the user asked for the same URL, so
      // a start page served from a new place (a presigned or CDN URL) continues the same crawl.
      const here = start.exchange.request.url;
      if (resume.startUrl !== here) resume = { ...resume, startUrl: here };
      if (!checkpointFits(resume, here) || !(plan ?? start.detection)) {
        say(
          `cannot resume: the checkpoint in ${statePath} does not fit this crawl (${start.detection ? `checkpoint version ${String(resume.version)}` : 'the start page is no longer paginated'}); the state file is left as it was`,
        );
        return 1;
      }
    }
    const store = await openFileStore({
      format,
      out,
      stdout: io.stdout,
      statePath,
      startUrl: url,
      headerNames,
      headers: request.headers.filter((h) => isStorableHeader(h.name)),
      request: { method: request.method, ...(request.body !== undefined ? { body: request.body } : {}) },
      options: limits,
      resume: prior,
    });
    const ac = new AbortController();
    const onSignal = (sig: string) =>
      ac.abort(new Error(sig === 'SIGINT' ? 'interrupted' : `ended by ${sig}`));
    // once: a second Ctrl+C (or SIGTERM) ends the process the usual way.
    for (const sig of STOP_SIGNALS) process.once(sig, onSignal);
    const bar = createProgressBar(io.stderr);
    let summary: CrawlSummary;
    try {
      if (!plan && !start.detection) {
        say(
          `${url} is not paginated (${start.why}); exporting its ${start.records.length} records as one page`,
        );
        summary = await singlePage(start.exchange, start.records, store, systemClock);
      } else {
        summary = await crawl(
          { exchange: start.exchange, detection: (plan?.detection ?? start.detection)! },
          {
            ...(plan ? { detectPage: plan.detectPage } : {}),
            fetch,
            clock: systemClock,
            sink: store,
            signal: ac.signal,
            concurrency,
            timeoutMs,
            maxPages: limits.maxPages,
            maxRecords: limits.maxRecords,
            delayMs: limits.delayMs,
            retries: limits.retries,
            resume,
            onProgress: (p) => bar.update(p),
          },
        );
      }
    } finally {
      for (const sig of STOP_SIGNALS) process.off(sig, onSignal);
      bar.done();
    }
    const complete = summary.stoppedReason === 'done' || summary.stoppedReason === 'not-paginated';
    const hint = () => resumeHint(statePath, headerNames);
    try {
      await store.finish(summary.checkpoint, complete);
    } catch (e) {
      // The output or the state cannot be written (a full disk, a closed pipe): what is on disk is
      // the last consistent state; say so instead of crashing.
      await store.abandon();
      const { code, message } = e as NodeJS.ErrnoException;
      say(`cannot write the output: ${code && !message.startsWith(code) ? `${code} ` : ''}${message}`);
      say(
        (await exists(statePath))
          ? `${hint()} (once the output can be written again)`
          : 'nothing was saved to resume from; run the crawl again once the output can be written',
      );
      return 1;
    }
    say(summaryLine(summary, out ?? 'stdout'));
    if (fetch.count())
      say(
        `note: ${fetch.count()} numbers JSON readers cannot hold exactly (integers beyond 2^53, floats beyond ±1.8e308) were kept as strings of their exact text`,
      );
    if (!complete) say(hint());
    // The state keeps no pagination spec: the resume reads pages by it only when told again.
    if (!complete && plan) say('note: pass the same --spec or override flags when resuming');
    if (args.flags.has('--json')) io.stdout.write(summaryJson(summary) + '\n');
    return exitCodeFor(summary.stoppedReason);
  } finally {
    http.close();
  }
};
