/** Byte counts for people, in messages of the CLI and core alike. */

/** `256 MiB`, `1.5 KiB`, `12 bytes`. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) ((n /= 1024), i++);
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${units[i]}`;
}
