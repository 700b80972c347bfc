/**
 * The `pagescope crawl` command line that reproduces a spec's crawl: the request, then override flags
 * stating every rule outright (so no detection guess can change the result). What a flag cannot say
 * is named in a comment, with `--spec FILE` as the exact form.
 */
import { shellQuote as quote } from '../shell-quote.ts';
import { secretKey } from './export-parts.ts';
import type { PaginationSpec, SpecOverrides, ValueSource } from './types.ts';

/** A word as is when plain, else quoted for POSIX shells (core's one shell quoting). */
const shellQuote = (s: string): string => quote(s, { bare: true });

/** The override fields that state `spec`'s rules, and what they cannot state. */
function overridesOf(spec: PaginationSpec): { overrides: SpecOverrides; unsaid: string[] } {
  const o: SpecOverrides = { records: spec.records };
  const unsaid: string[] = [];
  const n = spec.next;
  if (n.type === 'link-header') o.nextLink = true;
  else if (n.type === 'next-url') {
    if (n.from.in === 'header') o.nextHeader = n.from.name;
    else if (n.from.in === 'body') o.nextUrl = n.from.path;
    else unsaid.push('a next URL read from the last record');
  } else if (n.type === 'cursor') {
    if (n.from.in === 'body') o.cursor = n.from.path;
    else
      unsaid.push(
        `a cursor read from the ${n.from.in === 'header' ? `${n.from.name} header` : `last record's ${n.from.path}`}`,
      );
    o.cursorParam = n.param;
    o.cursorIn = n.in;
  } else if (n.type === 'page') {
    o.pageParam = n.param;
    o.pageStart = n.start;
    if (n.in === 'body') unsaid.push('a page number sent in the body');
  } else if (n.type === 'offset') {
    o.offsetParam = n.param;
    if (n.in === 'body') unsaid.push('an offset sent in the body');
  } else unsaid.push('a single page (no next rule)');
  if (spec.pageSize?.param && (n.type === 'offset' || n.type === 'page' || spec.pageSize.request))
    o.limitParam = spec.pageSize.param;
  if (spec.pageSize?.request !== undefined && n.type !== 'page') o.pageSize = spec.pageSize.request;
  if (spec.end.hasMore !== undefined) o.hasMore = spec.end.hasMore;
  const total = (s: ValueSource | undefined) =>
    !s
      ? undefined
      : s.in === 'header'
        ? `header:${s.name}`
        : s.in === 'body'
          ? s.path
          : (unsaid.push('a total read from a record'), undefined);
  o.total = total(spec.end.totalRecords);
  o.totalPages = total(spec.end.totalPages);
  if (!spec.end.emptyPage) unsaid.push('pages that may be empty mid-chain');
  if (spec.end.shortPage) unsaid.push('a short page as the end');
  if (o.cursorParam !== undefined && o.cursor === undefined) {
    delete o.cursorParam;
    delete o.cursorIn;
  }
  return { overrides: o, unsaid };
}

const FLAGS: [keyof SpecOverrides, string][] = [
  ['records', '--records'],
  ['nextLink', '--next-link'],
  ['nextUrl', '--next-url'],
  ['nextHeader', '--next-header'],
  ['cursor', '--cursor'],
  ['cursorParam', '--cursor-param'],
  ['cursorIn', '--cursor-in'],
  ['pageParam', '--page-param'],
  ['pageStart', '--page-start'],
  ['offsetParam', '--offset-param'],
  ['limitParam', '--limit-param'],
  ['pageSize', '--page-size'],
  ['hasMore', '--has-more'],
  ['total', '--total'],
  ['totalPages', '--total-pages'],
];

/** The override flags for `o`, in a fixed order. */
function overrideFlags(o: SpecOverrides): string[] {
  const out: string[] = [];
  for (const [k, flag] of FLAGS) {
    const v = o[k];
    if (v === undefined || v === false) continue;
    if (v === true) out.push(flag);
    else out.push(flag, shellQuote(String(v)));
  }
  return out;
}

/** The shell command, one option per line; secrets as environment variables, never values. */
export function exportCommand(spec: PaginationSpec, out = 'records.ndjson'): string {
  const { overrides, unsaid } = overridesOf(spec);
  const parts: string[][] = [['pagescope', 'crawl', shellQuote(spec.request.url)]];
  if (spec.request.method !== 'GET' && spec.request.body === undefined)
    parts.push(['-X', spec.request.method]);
  if (spec.request.body !== undefined) {
    if (spec.request.method !== 'POST') parts.push(['-X', spec.request.method]);
    parts.push(['-d', shellQuote(spec.request.body)]);
  }
  for (const h of spec.request.headers ?? []) parts.push(['-H', shellQuote(`${h.name}: ${h.value}`)]);
  for (const h of spec.request.supply ?? []) parts.push(['-H', `"${h}: $${secretKey(h).toUpperCase()}"`]);
  const flags = overrideFlags(overrides);
  for (let i = 0; i < flags.length; i++)
    parts.push(
      flags[i + 1] !== undefined && !flags[i + 1].startsWith('--') ? [flags[i], flags[++i]] : [flags[i]],
    );
  parts.push(['--out', shellQuote(out)]);
  const lines = [
    `# pagescope crawl for ${spec.request.method} ${spec.request.url.split('?')[0]}, exported by Pagescope.`,
    ...(spec.request.supply?.length
      ? [
          `# Set ${spec.request.supply.map((h) => '$' + secretKey(h).toUpperCase()).join(', ')} first: secrets are never written here.`,
        ]
      : []),
    ...unsaid.map(
      (t) =>
        `# NOTE: no flag says ${t}; save the spec and run \`pagescope crawl --spec FILE\` for the exact crawl.`,
    ),
    parts.map((p) => p.join(' ')).join(' \\\n  '),
    '',
  ];
  return lines.join('\n');
}
