/**
 * The spec options shared by `spec`, `crawl`, `diagnose` and `export-config`: `--spec FILE` and the
 * override flags, each replacing one part of the detected spec (dotted paths, `.` for the root).
 */
import { readFile } from 'node:fs/promises';
import type { Detection } from '../core/detect/types.ts';
import type { Exchange, Header } from '../core/exchange.ts';
import type { ParseResult } from '../core/json.ts';
import {
  applyOverrides,
  detectionFromSpec,
  noOverrides,
  parseSpec,
  SpecOverrideError,
  specDetector,
  specFromDetection,
  type PaginationSpec,
  type SpecOverrides,
} from '../core/spec/index.ts';
import { UsageError, type ParsedArgs } from './args.ts';
import type { StartRequest } from '../core/crawl/start-page.ts';

/** The parser spec of the spec options, to merge into a command's own. */
export const SPEC_ARGS = {
  values: [
    '--spec',
    '--records',
    '--next-url',
    '--next-header',
    '--cursor',
    '--cursor-param',
    '--cursor-in',
    '--page-param',
    '--page-start',
    '--offset-param',
    '--limit-param',
    '--page-size',
    '--has-more',
    '--total',
    '--total-pages',
  ],
  booleans: ['--next-link'],
};

/** The help lines of the override flags. */
export const OVERRIDE_HELP = `pagination overrides (each replaces that part of the detected spec; PATH is dotted, '.' the root):
  --records PATH               where the records are
  --next-link                  next page from the Link header (rel="next")
  --next-url PATH              next page's URL at this body path
  --next-header NAME           next page's URL in this response header
  --cursor PATH                next cursor at this body path; --cursor-param NAME sends it back
                               (default cursor), --cursor-in query|body (body: NAME is a body path)
  --page-param NAME            page numbers in NAME, the first being --page-start N (default 1)
  --offset-param NAME          offsets in NAME, stepping by the page size; --limit-param NAME sizes pages
  --page-size N                ask for N records per page from page 2 on (cursor, offset, links; fewer requests)
  --has-more PATH              a boolean saying more pages follow
  --total PATH, --total-pages PATH   totals (body path, or header:NAME)
`;

/** The override fields the flags give (empty when none). Bad values are usage errors. */
export function overridesFromArgs(args: ParsedArgs): SpecOverrides {
  const v = args.values;
  const o: SpecOverrides = {};
  if (args.flags.has('--next-link')) o.nextLink = true;
  const map: [keyof SpecOverrides, string][] = [
    ['records', '--records'],
    ['nextUrl', '--next-url'],
    ['nextHeader', '--next-header'],
    ['cursor', '--cursor'],
    ['cursorParam', '--cursor-param'],
    ['pageParam', '--page-param'],
    ['offsetParam', '--offset-param'],
    ['limitParam', '--limit-param'],
    ['hasMore', '--has-more'],
    ['total', '--total'],
    ['totalPages', '--total-pages'],
  ];
  for (const [key, flag] of map) {
    const x = v[flag];
    if (x === undefined) continue;
    if (x.trim() === '' && key !== 'records') throw new UsageError(`${flag} needs a value`);
    (o as Record<string, unknown>)[key] = x;
  }
  if (v['--cursor-in'] !== undefined) {
    if (v['--cursor-in'] !== 'query' && v['--cursor-in'] !== 'body')
      throw new UsageError(`--cursor-in takes query or body, not ${JSON.stringify(v['--cursor-in'])}`);
    o.cursorIn = v['--cursor-in'];
  }
  if (v['--page-size'] !== undefined) {
    if (!/^\d{1,9}$/.test(v['--page-size']) || Number(v['--page-size']) < 1)
      throw new UsageError(`--page-size takes a whole number ≥ 1, not ${JSON.stringify(v['--page-size'])}`);
    o.pageSize = Number(v['--page-size']);
  }
  if (v['--page-start'] !== undefined) {
    if (!/^\d{1,9}$/.test(v['--page-start']))
      throw new UsageError(`--page-start takes a whole number ≥ 0, not ${JSON.stringify(v['--page-start'])}`);
    o.pageStart = Number(v['--page-start']);
  }
  return o;
}

/** True when neither --spec nor an override flag was given. */
export function noSpecArgs(args: ParsedArgs): boolean {
  return args.values['--spec'] === undefined && noOverrides(overridesFromArgs(args));
}

/** Reads and checks a spec file; every problem in one usage error. */
export async function loadSpecFile(path: string): Promise<PaginationSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read the spec ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  const r = parseSpec(text);
  if (!r.ok) throw new UsageError(`${path} is not a usable spec:\n  ${r.errors.join('\n  ')}`);
  return r.spec;
}

/** `spec` with the overrides applied; a contradiction is a usage error. */
export function withOverrides(spec: PaginationSpec, o: SpecOverrides): PaginationSpec {
  try {
    return applyOverrides(spec, o);
  } catch (e) {
    if (e instanceof SpecOverrideError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * The start request of a crawl from a spec: its method, URL and body, its non-secret headers and the
 * user's (-H, --curl), which win. A URL on the command line must be the spec's own.
 */
export function requestFromSpec(spec: PaginationSpec, asked: Partial<StartRequest>): StartRequest {
  if (asked.url !== undefined && asked.url !== spec.request.url)
    throw new UsageError(`the spec is for ${spec.request.url}; give no other URL`);
  const user = asked.headers ?? [];
  const given = new Set(user.map((h) => h.name.toLowerCase()));
  const headers: Header[] = [
    ...(spec.request.headers ?? []).filter((h) => !given.has(h.name.toLowerCase())),
    ...user,
  ];
  const req: StartRequest = { method: spec.request.method, url: spec.request.url, headers };
  if (spec.request.body !== undefined) req.body = spec.request.body;
  return req;
}

/** Secret headers the spec says the API needs that the user did not give. */
export function missingSecrets(spec: PaginationSpec, headers: readonly Header[]): string[] {
  return (spec.request.supply ?? []).filter(
    (n) => !headers.some((h) => h.name.toLowerCase() === n.toLowerCase()),
  );
}

export type SpecPlan = {
  spec: PaginationSpec;
  detection: Detection;
  detectPage: (exchange: Exchange, options?: { body?: ParseResult }) => Detection | null;
};

/**
 * How a crawl or diagnose reads its pages when the user gave a spec file or override flags: the
 * spec (the file, else the detected one, with the overrides applied), page 1's detection by it and
 * the per-page reader. Null when neither was given: detection decides, as before.
 */
export function specPlan(
  args: ParsedArgs,
  exchange: Exchange,
  detection: Detection | null,
  file?: PaginationSpec,
): SpecPlan | null {
  const o = overridesFromArgs(args);
  if (!file && noOverrides(o)) return null;
  const spec = withOverrides(file ?? specFromDetection(exchange, detection), o);
  return { spec, detection: detectionFromSpec(spec, exchange), detectPage: specDetector(spec) };
}
