/**
 * pagescope diagnose URL|FILE.har: find pagination bugs. A URL is crawled (up to --max-pages) and its
 * one chain diagnosed; a HAR file's exchanges are grouped into chains and each is diagnosed.
 * Exit 1 when any finding is an error, 0 otherwise, 2 on bad input.
 */
import { resolve } from 'node:path';
import { diagnose, diagnoseExchanges, hasErrors } from '../../core/diagnose/index.ts';
import { chainTitle } from '../../core/chain/key.ts';
import { intOption, parseArgs, UsageError } from '../args.ts';
import { parseHeader } from '../crawl-start.ts';
import { formatJson, formatText, type ChainReport } from '../diagnose-report.ts';
import { pagesFromUrl } from '../diagnose-url.ts';
import { readHar } from '../har.ts';
import { createNodeFetch } from '../http.ts';
import type { Command } from '../io.ts';

const HELP = `usage: pagescope diagnose URL|FILE.har [options]
  -H, --header 'Name: value'   request header (repeatable; URL only)
  --max-pages N                pages to crawl from a URL (default 50)
  --timeout MS                 per request (default 30000)
  --json                       print findings as JSON
exit status: 1 when an error-level finding exists, 0 otherwise, 2 on bad input
`;

async function fromUrl(
  url: string,
  argv: { headers: ReturnType<typeof parseHeader>[]; maxPages: number; timeoutMs: number },
): Promise<ChainReport[] | string> {
  const http = createNodeFetch();
  try {
    const got = await pagesFromUrl(
      http,
      url,
      argv.headers.filter((h) => !!h),
      argv.maxPages,
      argv.timeoutMs,
    );
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
    values: ['-H', '--max-pages', '--timeout'],
    repeat: ['-H'],
    booleans: ['--json', '--help'],
    aliases: { '--header': '-H' },
  });
  if (args.flags.has('--help')) return (io.stdout.write(HELP), 0);
  const target = args.positionals[0];
  if (!target || args.positionals.length > 1) throw new UsageError('give one URL or HAR file\n\n' + HELP);
  const headers = (args.lists['-H'] ?? []).map(
    (h) =>
      parseHeader(h) ??
      (() => {
        throw new UsageError(`-H takes 'Name: value', not ${JSON.stringify(h)}`);
      })(),
  );
  const maxPages = intOption(args, '--max-pages', 50, 1)!;
  const timeoutMs = intOption(args, '--timeout', 30_000, 1)!;
  const isUrl = /^https?:\/\//i.test(target);
  const reports = isUrl
    ? await fromUrl(target, { headers, maxPages, timeoutMs })
    : await fromHar(resolve(io.cwd, target));
  if (typeof reports === 'string') {
    io.stderr.write(`pagescope diagnose: ${reports}\n`);
    return 2;
  }
  if (!reports.length) io.stderr.write('pagescope diagnose: no paginated JSON chains found\n');
  io.stdout.write(args.flags.has('--json') ? formatJson(reports) : formatText(reports));
  return reports.some((r) => hasErrors(r.findings)) ? 1 : 0;
};
