/**
 * `pagescope spec URL|FILE.har|--spec FILE [request flags] [override flags]`: prints the pagination
 * spec as JSON — what `crawl --spec` and `export-config --spec` read, and what to edit by hand.
 */
import { parseArgs } from '../args.ts';
import type { Command } from '../io.ts';
import { REQUEST_ARGS, REQUEST_HELP } from '../request-flags.ts';
import { OVERRIDE_HELP, SPEC_ARGS } from '../spec-flags.ts';
import { specFromArgs } from '../spec-source.ts';
import { safeText } from '../terminal-text.ts';

const HELP = `usage: pagescope spec URL|FILE.har|--spec FILE [options]

Prints the pagination spec (JSON; format in docs/spec.schema.json): the request, where the records
are, how the next request is made and when the chain ends. Secret headers appear by name only.
${REQUEST_HELP}  --entry N                    the HAR entry to use (default: the first paginated JSON response)
  --timeout MS                 for the first request (default 30000)
  --spec FILE                  start from a spec file (apply overrides to it)
${OVERRIDE_HELP}`;

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {
    values: [...REQUEST_ARGS.values, ...SPEC_ARGS.values, '--entry', '--timeout'],
    repeat: REQUEST_ARGS.repeat,
    booleans: [...SPEC_ARGS.booleans, '--help'],
    aliases: REQUEST_ARGS.aliases,
  });
  if (args.flags.has('--help')) return (io.stdout.write(HELP), 0);
  const got = await specFromArgs(args, io);
  if (!got.ok) return (io.stderr.write(`pagescope spec: ${safeText(got.message)}\n`), 1);
  for (const n of got.notes) io.stderr.write(`pagescope spec: ${safeText(n)}\n`);
  io.stdout.write(JSON.stringify(got.spec, null, 2) + '\n');
  return 0;
};
