import type { Command } from '../io.ts';

// Placeholder until the crawl command lands; main.ts dispatches here.
export const run: Command = async (_argv, io) => {
  io.stderr.write('pagescope crawl: not implemented yet\n');
  return 2;
};
