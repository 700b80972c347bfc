/**
 * The CLI's resume file: the engine's checkpoint plus where the output stands. Written atomically
 * (temp file + rename) after every page, so a crawl killed at any moment leaves either the old or
 * the new state, never half of one, with mode 0600. Only harmless header values are stored
 * (`isStorableHeader`): never credentials, nor a URL's user:password; the others by name only, so a
 * resume can remind the user to pass them again.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Checkpoint } from '../core/crawl/types.ts';
import type { Header } from '../core/exchange.ts';
import type { ExportFormat } from '../core/export/types.ts';

/**
 * Headers whose values a state file may keep: known to describe the request, never to authorise
 * it. Every other header is stored by name only (an allowlist, stricter than the credential rule).
 */
const STORABLE = new Set([
  'accept',
  'accept-language',
  'content-type',
  'user-agent',
  'origin',
  'referer',
  'x-requested-with',
  'cache-control',
  'pragma',
  'apollographql-client-name',
  'apollographql-client-version',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'graphql-client-name',
]);

/** True when a header's value may be written to a state file. */
export function isStorableHeader(name: string): boolean {
  return STORABLE.has(name.toLowerCase());
}

/** The options a resume keeps unless given again. */
export type CrawlOptionsSaved = {
  concurrency?: number;
  timeoutMs?: number;
  delayMs?: number;
  maxPages?: number;
  maxRecords?: number;
  retries?: number;
  maxBody?: number;
};

export type CrawlStateFile = {
  tool: 'pagescope-crawl';
  version: 1;
  startUrl: string;
  format: ExportFormat;
  /** Output file, or null for stdout. */
  out: string | null;
  /** The file records are appended to: the output itself, or CSV's NDJSON spool. Null for stdout. */
  recordFile: string | null;
  /**
   * Bytes of the record file (the output, or CSV's NDJSON spool) that hold complete pages, before
   * any trailer. A resume cuts the file back to this length. Null for stdout.
   */
  recordBytes: number | null;
  /** Records in the record file. */
  records: number;
  /**
   * CSV only: the column keys (`columnKey`) of the records within `recordBytes`, in order, so a
   * resume assembles the CSV in one read of the spool. Absent (a state written before): two reads.
   */
  columns?: string[];
  /** Names of the headers whose values are not stored (credentials and anything not known harmless). */
  headerNames: string[];
  /** Headers known to carry no secret (`isStorableHeader`: Accept, Content-Type, …), replayed by a resume. */
  headers?: Header[];
  /** The first request's method and body (a POST crawl resumes as one). Absent: GET. */
  request?: { method: string; body?: string };
  options?: CrawlOptionsSaved;
  checkpoint: Checkpoint;
  updatedAt: string;
};

/**
 * Writes the state atomically, readable by its owner only (0600). A failed write (a full disk)
 * leaves the previous state and no temp file behind.
 */
export async function saveCrawlState(path: string, state: CrawlStateFile): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(state), { mode: 0o600 });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
}

/** Reads and checks a state file; throws an Error with a one-line message when it is unusable. */
export async function loadCrawlState(path: string): Promise<CrawlStateFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(
      `cannot read state file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  let s: Partial<CrawlStateFile>;
  try {
    s = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not a pagescope state file (invalid JSON)`);
  }
  if (s?.tool !== 'pagescope-crawl' || s.version !== 1 || !s.checkpoint || typeof s.startUrl !== 'string') {
    throw new Error(`${path} is not a pagescope crawl state file`);
  }
  return s as CrawlStateFile;
}

export async function removeCrawlState(path: string): Promise<void> {
  await rm(path, { force: true });
}
