/** A small argv parser: flags with values, repeatable flags, booleans and positionals. */
export type ArgSpec = {
  /** Flags that take a value, e.g. `--out`, `-H`. Aliases map short to long. */
  values?: string[];
  /** Flags that may repeat (collected into arrays), a subset of `values`. */
  repeat?: string[];
  booleans?: string[];
  aliases?: Record<string, string>;
};

export type ParsedArgs = {
  positionals: string[];
  values: Record<string, string>;
  lists: Record<string, string[]>;
  flags: Set<string>;
};

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: {}, lists: {}, flags: new Set() };
  const values = new Set(spec.values ?? []);
  const repeat = new Set(spec.repeat ?? []);
  const booleans = new Set(spec.booleans ?? []);
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      out.positionals.push(a);
      continue;
    }
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const name = spec.aliases?.[a] ?? a;
    if (booleans.has(name)) {
      out.flags.add(name);
    } else if (values.has(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      if (repeat.has(name)) (out.lists[name] ??= []).push(v);
      else out.values[name] = v;
    } else {
      throw new UsageError(`unknown option ${a}`);
    }
  }
  return out;
}

/** A positive integer option, or the default; a bad value is a usage error. */
export function intOption(
  args: ParsedArgs,
  name: string,
  dflt: number | undefined,
  min = 0,
): number | undefined {
  const v = args.values[name];
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new UsageError(`${name} takes a whole number ≥ ${min}, not ${JSON.stringify(v)}`);
  return Number(v);
}
