/**
 * Where `pagescope spec` and `export-config` get their spec: a URL (its first page fetched and
 * detected), a HAR file (the first paginated JSON response, or --entry N), or --spec FILE; then the
 * override flags.
 */
import { resolve } from 'node:path';
import { detect, type Detection } from '../core/detect/index.ts';
import { isJsonMime, looksLikeJson, type Exchange } from '../core/exchange.ts';
import { specFromDetection, type PaginationSpec } from '../core/spec/index.ts';
import { intOption, UsageError, type ParsedArgs } from './args.ts';
import { fetchStart, redirectNote } from '../core/crawl/start-page.ts';
import { withExactIntegers } from '../core/exact-integers.ts';
import { systemClock } from '../core/system-clock.ts';
import { readHar } from './har.ts';
import { createNodeFetch } from './http.ts';
import type { CliIo } from './io.ts';
import { requestFromArgs } from './request-flags.ts';
import { loadSpecFile, overridesFromArgs, withOverrides } from './spec-flags.ts';

export type SpecSource = { ok: true; spec: PaginationSpec; notes: string[] } | { ok: false; message: string };

const isJsonResponse = (x: Exchange) =>
  x.response.status >= 200 &&
  x.response.status < 300 &&
  (isJsonMime(x.response.mimeType) || looksLikeJson(x.response.bodyText));

/** The exchange of a HAR file to make the spec from: `--entry N`, else the first paginated JSON response. */
function pickEntry(exchanges: Exchange[], entry: number | undefined, path: string): Exchange {
  if (entry !== undefined) {
    const x = exchanges.find((e) => e.id === String(entry));
    if (!x) throw new UsageError(`${path} has no entry ${entry} (it has ${exchanges.length})`);
    return x;
  }
  const json = exchanges.filter(isJsonResponse);
  const paginated = json.find((x) => detect(x));
  const x = paginated ?? json[0];
  if (!x) throw new UsageError(`${path} holds no JSON response`);
  return x;
}

/** The spec the arguments name, overrides applied. */
export async function specFromArgs(args: ParsedArgs, io: CliIo): Promise<SpecSource> {
  const notes: string[] = [];
  const overrides = overridesFromArgs(args);
  const target = args.positionals[0];
  if (args.positionals.length > 1) throw new UsageError('give one URL or HAR file');
  if (args.values['--spec'] !== undefined) {
    if (target) throw new UsageError('give a URL, a HAR file or --spec FILE, not two of them');
    return {
      ok: true,
      spec: withOverrides(await loadSpecFile(resolve(io.cwd, args.values['--spec'])), overrides),
      notes,
    };
  }
  const asked = requestFromArgs(args, target);
  if (!asked.url) throw new UsageError('give a URL, a HAR file or --spec FILE');
  let exchange: Exchange;
  let detection: Detection | null;
  if (/^https?:\/\//i.test(asked.url)) {
    const timeoutMs = intOption(args, '--timeout', 30_000, 1)!;
    const http = createNodeFetch();
    try {
      const start = await fetchStart(
        withExactIntegers(http),
        {
          method: asked.method ?? 'GET',
          url: asked.url,
          headers: asked.headers ?? [],
          ...(asked.body !== undefined ? { body: asked.body } : {}),
        },
        { clock: systemClock, timeoutMs },
      );
      if (!start.ok) return { ok: false, message: start.message };
      const note = redirectNote(start, asked.url);
      if (note) notes.push(note);
      if (!start.detection)
        notes.push(`no pagination detected (${start.why}); the spec has next: none until you say how`);
      exchange = start.exchange;
      detection = start.detection;
    } finally {
      http.close();
    }
  } else {
    const path = resolve(io.cwd, asked.url);
    const har = await readHar(path);
    if (!har.ok) return { ok: false, message: har.reason };
    exchange = pickEntry(har.exchanges, intOption(args, '--entry', undefined, 0), asked.url);
    notes.push(`spec of ${exchange.request.method} ${exchange.request.url} (entry ${exchange.id})`);
    detection = detect(exchange);
  }
  return { ok: true, spec: withOverrides(specFromDetection(exchange, detection), overrides), notes };
}
