/**
 * `pagescope export-config URL|FILE.har|--spec FILE [flags] --to dlt|airbyte|pagescope`: the spec
 * written as a dlt pipeline (Python), an Airbyte low-code manifest (YAML) or a `pagescope crawl`
 * command line. Secrets are placeholders, never values.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportAirbyte, exportCommand, exportDlt } from '../../core/spec/index.ts';
import { parseArgs, UsageError } from '../args.ts';
import type { Command } from '../io.ts';
import { REQUEST_ARGS, REQUEST_HELP } from '../request-flags.ts';
import { OVERRIDE_HELP, SPEC_ARGS } from '../spec-flags.ts';
import { specFromArgs } from '../spec-source.ts';
import { safeText } from '../terminal-text.ts';

const TARGETS = {
  dlt: exportDlt,
  airbyte: exportAirbyte,
  pagescope: (s: Parameters<typeof exportCommand>[0]) => exportCommand(s),
};

const HELP = `usage: pagescope export-config URL|FILE.har|--spec FILE --to dlt|airbyte|pagescope [options]

  --to dlt                     a runnable Python file: dlt's rest_api source (pip install "dlt[duckdb]")
  --to airbyte                 an Airbyte low-code manifest (YAML) for the Connector Builder
  --to pagescope               the pagescope crawl command line
  -o, --out FILE               write to FILE instead of stdout
${REQUEST_HELP}  --entry N, --timeout MS, --spec FILE   as for pagescope spec
${OVERRIDE_HELP}`;

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {
    values: [...REQUEST_ARGS.values, ...SPEC_ARGS.values, '--entry', '--timeout', '--to', '--out'],
    repeat: REQUEST_ARGS.repeat,
    booleans: [...SPEC_ARGS.booleans, '--help'],
    aliases: { ...REQUEST_ARGS.aliases, '-o': '--out' },
  });
  if (args.flags.has('--help')) return (io.stdout.write(HELP), 0);
  const to = args.values['--to'];
  if (!to || !(to in TARGETS))
    throw new UsageError(`--to takes dlt, airbyte or pagescope${to ? `, not ${JSON.stringify(to)}` : ''}`);
  const got = await specFromArgs(args, io);
  if (!got.ok) return (io.stderr.write(`pagescope export-config: ${safeText(got.message)}\n`), 1);
  for (const n of got.notes) io.stderr.write(`pagescope export-config: ${safeText(n)}\n`);
  const text = TARGETS[to as keyof typeof TARGETS](got.spec);
  if (args.values['--out']) {
    await writeFile(resolve(io.cwd, args.values['--out']), text);
  } else io.stdout.write(text);
  return 0;
};
