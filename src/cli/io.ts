/** The CLI's world, passed to each command so tests can run commands in-process. */
export type CliIo = {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  cwd: string;
  env: Record<string, string | undefined>;
};

/** Exit codes: 0 ok, 1 findings/failed crawl, 2 usage or input error. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
