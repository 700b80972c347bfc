/** Test helper: runs the CLI's main() in-process and collects what it printed. */
import { PassThrough } from 'node:stream';
import { main } from './main.ts';

export type CliRun = { code: number; out: string; err: string };

/** Runs `pagescope ...argv` with captured stdout/stderr and an empty environment. */
export async function runCli(argv: string[], cwd: string = process.cwd()): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(argv, { stdout, stderr, cwd, env: {} });
  return { code, out, err };
}
