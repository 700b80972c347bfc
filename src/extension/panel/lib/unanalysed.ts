/**
 * Requests the panel lists but did not analyse: why, in words, and what the user can do about it
 * (analyse anyway, up to a limit; the CLI for bodies DevTools did not keep). Pure and unit-tested.
 */
import type { SkippedRequest } from '../../network.ts';
import { formatBytes } from './format.ts';
import { shellQuote } from './curl.ts';

export type UnanalysedReason = SkippedRequest['reason'];
export type Unanalysed = { reason: UnanalysedReason; size?: number };

/** The short label of the list's badge. */
export const UNANALYSED_LABEL: Record<UnanalysedReason, string> = {
  'not-json': 'not JSON',
  empty: 'empty',
  'no-content': 'no body',
  'too-large': 'too large',
};

/** What the panel analyses by itself, and the most "Analyse anyway" takes (see network.ts). */
export type AnalyseLimits = { autoLimit: number; maxBody: number };

export type UnanalysedAction = 'analyse' | 'fetch' | 'cli';

/** One sentence: why the request was not analysed. */
export function unanalysedWhy(
  u: Unanalysed,
  ex: { response: { mimeType: string; status: number; bodyText: string | null } },
  limits: AnalyseLimits,
): string {
  const size = u.size ? formatBytes(u.size) : undefined;
  switch (u.reason) {
    case 'not-json':
      return `Not analysed: not JSON (${ex.response.mimeType || 'no content type'}, and the body does not parse as JSON).`;
    case 'empty':
      return `Not analysed: the response has an empty body (status ${ex.response.status}).`;
    case 'no-content':
      return `Not analysed: body unavailable — DevTools kept no body for this response${size ? ` (${size}; Chrome keeps bodies up to about 10 MB)` : ''}. Fetch it with the CLI instead.`;
    case 'too-large':
      return `Not analysed: too large for the panel (${size ?? 'over the limit'}; the panel analyses bodies up to ${formatBytes(limits.autoLimit)} by itself).${ex.response.bodyText != null ? ` “Analyse anyway” reads it (up to ${formatBytes(limits.maxBody)}).` : ` Over ${formatBytes(limits.maxBody)}: use the CLI.`}`;
  }
}

/**
 * The actions offered: analyse anyway (a too-large body the panel kept), fetch and analyse (a GET
 * whose body DevTools did not keep, when the panel can fetch), the CLI (a body it cannot read).
 */
export function unanalysedActions(u: Unanalysed, bodyKept: boolean, canFetchGet = false): UnanalysedAction[] {
  if (u.reason === 'too-large') return bodyKept ? ['analyse', 'cli'] : ['cli'];
  if (u.reason === 'no-content') return canFetchGet ? ['fetch', 'cli'] : ['cli'];
  return [];
}

/**
 * The CLI command that reads the same URL outside the browser (no body size limit of DevTools).
 * Credentials are not copied: the user adds `-H` for what the API needs.
 */
export function cliCommand(request: { method: string; url: string }): string {
  const cmd = `npx pagescope crawl ${shellQuote(request.url)} --out records.ndjson`;
  return request.method.toUpperCase() === 'GET'
    ? cmd
    : `${cmd}   # the page was a ${request.method}: the CLI crawls GET`;
}
