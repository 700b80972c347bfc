#!/usr/bin/env node
/** Entry: dispatch to a command. Each command module exports `run(argv, io) → exit code`. */
import pkg from '../../package.json' with { type: 'json' };
import { UsageError } from './args.ts';
import type { CliIo, Command } from './io.ts';
import { safeText } from './terminal-text.ts';

const commands: Record<string, () => Promise<{ run: Command }>> = {
  detect: () => import('./commands/detect.ts'),
  crawl: () => import('./commands/crawl.ts'),
  diagnose: () => import('./commands/diagnose.ts'),
  spec: () => import('./commands/spec.ts'),
  'export-config': () => import('./commands/export-config.ts'),
};

const USAGE = `usage: pagescope <command> [options]

commands:
  detect FILE.har [--json]          find pagination in a HAR file's JSON responses
  crawl URL [options]               fetch every page of a paginated API and export the records
  diagnose URL|FILE.har [options]   find pagination bugs (exit 1 on an error-level finding)
  spec URL|FILE.har [options]       print the pagination spec (JSON) to edit, crawl --spec or export
  export-config URL|FILE.har|--spec FILE --to dlt|airbyte|pagescope   the crawl as a dlt, Airbyte or CLI config

pagescope <command> --help for a command's options
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr).write(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout.write(`pagescope ${pkg.version}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`pagescope: unknown command ${JSON.stringify(name)}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load()).run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`pagescope ${name}: ${safeText(e.message)}\n`);
      return 2;
    }
    io.stderr.write(`pagescope ${name}: ${safeText((e as Error)?.message ?? String(e))}\n`);
    return 1;
  }
}

const isEntry = process.argv[1] && /pagescope(\.m?js)?$|cli[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry) {
  void main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
