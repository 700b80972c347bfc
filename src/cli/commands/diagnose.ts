/**
 * pagescope diagnose URL|FILE.har: find pagination bugs. A URL is crawled (up to --max-pages) and its
 * one chain diagnosed; a HAR file's exchanges are grouped into chains and each is diagnosed.
 * Exit 1 when any finding is an error, 0 otherwise, 2 on bad input.
 */
import { resolve } from 'node:path';
import { diagnose, diagnoseExchanges, hasErrors, type PageReader } from '../../core/diagnose/index.ts';
import { chainTitle } from '../../core/chain/key.ts';
import { intOption, parseArgs, UsageError } from '../args.ts';
import type { StartRequest } from '../../core/crawl/start-page.ts';
import { formatJson, formatText, type ChainReport } from '../diagnose-report.ts';
import { pagesFromUrl } from '../diagnose-url.ts';
import { readHar } from '../har.ts';
import { createNodeFetch } from '../http.ts';
import type { Command } from '../io.ts';
import { REQUEST_ARGS, REQUEST_HELP, requestFromArgs } from '../request-flags.ts';
import { safeText } from '../terminal-text.ts';
import {
  loadSpecFile,
  noSpecArgs,
  OVERRIDE_HELP,
  requestFromSpec,
  SPEC_ARGS,
  specPlan,
} from '../spec-flags.ts';

const HELP = `usage: pagescope diagnose URL|FILE.har [options]
request options (a URL only):
${REQUEST_HELP}  --max-pages N                pages to crawl from a URL (default 50)
  --timeout MS                 per request (default 30000)
  --json                       print findings as JSON
  --spec FILE                  diagnose the chain a pagination spec reads (URL only, as the overrides)
${OVERRIDE_HELP}exit status: 1 when an error-level finding exists, 0 otherwise, 2 on bad input
`;

async function fromUrl(
  request: StartRequest,
  argv: { maxPages: number; timeoutMs: number },
  reader?: PageReader,
): Promise<ChainReport[] | string> {
  const { url } = request;
  const http = createNodeFetch();
  try {
    const got = await pagesFromUrl(http, request, argv.maxPages, argv.timeoutMs, reader);
    if (!got.ok) return got.message;
    const d = got.detection;
    const note =
      got.summary.stoppedReason === 'done'
        ? undefined
        : `crawl stopped: ${got.summary.stoppedReason}${got.summary.detail ? ` (${got.summary.detail})` : ''}`;
    const report: ChainReport = {
      title: chainTitle(d.method, url),
      key: url,
      style: d.style,
      kind: d.kind,
      pages: got.pages.filter((p) => !p.probe).length,
      findings: diagnose(got.pages),
    };
    if (note) report.note = note;
    return [report];
  } finally {
    http.close();
  }
}

async function fromHar(path: string): Promise<ChainReport[] | string> {
  const har = await readHar(path);
  if (!har.ok) return har.reason;
  return diagnoseExchanges(har.exchanges).map(({ chain, pages, findings }) => ({
    title: chain.title,
    key: chain.key,
    style: chain.style,
    kind: chain.kind,
    pages: pages.length,
    findings,
  }));
}

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {
    values: [...REQUEST_ARGS.values, '--max-pages', '--timeout', ...SPEC_ARGS.values],
    repeat: REQUEST_ARGS.repeat,
    booleans: ['--json', '--help', ...SPEC_ARGS.booleans],
    aliases: REQUEST_ARGS.aliases,
  });
  if (args.flags.has('--help')) return (io.stdout.write(HELP), 0);
  if (args.positionals.length > 1) throw new UsageError('give one URL or HAR file\n\n' + HELP);
  const specFile = args.values['--spec']
    ? await loadSpecFile(resolve(io.cwd, args.values['--spec']))
    : undefined;
  const typed = requestFromArgs(args, args.positionals[0] ?? specFile?.request.url);
  const asked = specFile ? requestFromSpec(specFile, typed) : typed;
  const target = asked.url;
  if (!target) throw new UsageError('give one URL or HAR file\n\n' + HELP);
  const maxPages = intOption(args, '--max-pages', 50, 1)!;
  const timeoutMs = intOption(args, '--timeout', 30_000, 1)!;
  const isUrl = /^https?:\/\//i.test(target);
  if (!isUrl && !noSpecArgs(args))
    throw new UsageError('--spec and the override flags apply to a URL, not a HAR file');
  const reader: PageReader = (exchange, detection) => specPlan(args, exchange, detection, specFile);
  const request: StartRequest = { method: asked.method!, url: target, headers: asked.headers ?? [] };
  if (asked.body !== undefined) request.body = asked.body;
  const reports = isUrl
    ? await fromUrl(request, { maxPages, timeoutMs }, reader)
    : await fromHar(resolve(io.cwd, args.positionals[0] ?? target));
  if (typeof reports === 'string') {
    io.stderr.write(`pagescope diagnose: ${safeText(reports)}\n`);
    return 2;
  }
  if (!reports.length) io.stderr.write('pagescope diagnose: no paginated JSON chains found\n');
  io.stdout.write(args.flags.has('--json') ? formatJson(reports) : safeText(formatText(reports)));
  return reports.some((r) => hasErrors(r.findings)) ? 1 : 0;
};
