import type { Command } from '../io.ts';

// Placeholder until the diagnose command lands; main.ts dispatches here.
export const run: Command = async (_argv, io) => {
  io.stderr.write('pagescope diagnose: not implemented yet\n');
  return 2;
};
