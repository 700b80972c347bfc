/**
 * CPU time (user + system) used so far by this process's descendants that are still running — the
 * browser a bench launched — read from /proc (Linux). A busy machine stretches wall-clock time but
 * not the CPU a piece of work needs, so this measure holds where timings drift. 0 where /proc is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ = 100 on Linux

export function childrenCpuMs(root = process.pid): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid … utime(14) stime(15).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      cpu.set(Number(d), (Number(f[11]) + Number(f[12])) * TICK_MS);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, ms] of cpu) {
    if (pid === root) continue;
    for (let p = parent.get(pid); p; p = parent.get(p)) {
      if (p === root) {
        total += ms;
        break;
      }
    }
  }
  return total;
}
