/**
 * The commands' argv parsing, on Node's own `util.parseArgs` (strict, positionals allowed): flags
 * with values, repeatable flags, booleans, aliases (curl's `-d`, `--data`, `--data-raw` are one
 * flag), `--flag=value`, `-Hvalue` and `--`. Repeated and aliased flags keep their command-line order.
 */
import { parseArgs as nodeParseArgs } from 'node:util';

export type ArgSpec = {
  /** Flags that take a value, e.g. `--out`, `-H`. Aliases map other spellings to these. */
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

type NodeOption = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };

/** util.parseArgs' options for `spec`, and each option key's flag name in `spec`. */
function nodeOptions(spec: ArgSpec): { options: Record<string, NodeOption>; flagOf: Map<string, string> } {
  const options: Record<string, NodeOption> = {};
  const flagOf = new Map<string, string>();
  const repeat = new Set(spec.repeat ?? []);
  const add = (flag: string, type: NodeOption['type']) => {
    const spellings = [
      flag,
      ...Object.entries(spec.aliases ?? {})
        .filter(([, to]) => to === flag)
        .map(([from]) => from),
    ];
    const longs = spellings.filter((s) => s.startsWith('--')).map((s) => s.slice(2));
    const shorts = spellings.filter((s) => /^-[^-]$/.test(s)).map((s) => s.slice(1));
    const multiple = repeat.has(flag) || undefined;
    for (const key of longs) {
      options[key] = { type, ...(multiple && { multiple }) };
      flagOf.set(key, flag);
    }
    for (const [i, short] of shorts.entries()) {
      // The first short spelling rides on the first long one (-H on --header); any other stands alone.
      if (i === 0 && longs.length) options[longs[0]].short = short;
      else {
        options[short] = { type, ...(multiple && { multiple }) };
        flagOf.set(short, flag);
      }
    }
  };
  for (const flag of spec.values ?? []) add(flag, 'string');
  for (const flag of spec.booleans ?? []) add(flag, 'boolean');
  return { options, flagOf };
}

/**
 * Parses `argv` by `spec`. Values of repeatable flags go to `lists` in order; other flags' last
 * value to `values`; booleans to `flags`; keys are the flag names `spec` uses (`-H`, `--out`).
 * An unknown option, a missing value or a value given to a boolean is a UsageError naming the flag.
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const { options, flagOf } = nodeOptions(spec);
  let tokens;
  try {
    ({ tokens } = nodeParseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
      tokens: true,
    }));
  } catch (e) {
    if (!String((e as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_')) throw e;
    throw new UsageError(explain(argv, options, (e as Error).message));
  }
  const out: ParsedArgs = { positionals: [], values: {}, lists: {}, flags: new Set() };
  const repeat = new Set(spec.repeat ?? []);
  for (const t of tokens) {
    if (t.kind === 'positional') out.positionals.push(t.value);
    else if (t.kind === 'option') {
      const flag = flagOf.get(t.name) ?? `-${t.name}`;
      if (t.value === undefined) out.flags.add(flag);
      else if (repeat.has(flag)) (out.lists[flag] ??= []).push(t.value);
      else out.values[flag] = t.value;
    }
  }
  return out;
}

/** A plain message for a strict parse's failure: which flag and what is wrong with it. */
function explain(argv: readonly string[], options: Record<string, NodeOption>, fallback: string): string {
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const o = options[t.name] as NodeOption | undefined;
    if (!o) return `unknown option ${t.rawName}`;
    if (o.type === 'boolean' && t.value !== undefined) return `${t.rawName} takes no value`;
    if (o.type === 'string' && t.value === undefined) return `${t.rawName} needs a value`;
    if (o.type === 'string' && !t.inlineValue && /^-./.test(t.value ?? ''))
      return `${t.rawName} needs a value (for one starting with '-', write --${t.name}=${t.value})`;
  }
  return fallback.split('\n')[0];
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
