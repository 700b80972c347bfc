/**
 * What the panel's crawl will replay. A crawl sends the captured request again for every page, with
 * its body and the user's credentials, so only reads may go: GET and HEAD freely; POST only when the
 * request is a read the detector knows (a GraphQL query — not a mutation or subscription — or a
 * search/query endpoint) and the user confirmed it; never PUT, PATCH, DELETE or anything else.
 */

/** `ok`: crawl; `confirm`: a read-shaped POST, crawled once the user says so; `refuse`: never. */
export type ReplayVerdict =
  { verdict: 'ok' } | { verdict: 'confirm'; reason: string } | { verdict: 'refuse'; reason: string };

/** The request fields the policy reads (a captured request or a dataset's source). */
export type ReplayRequest = { method: string; url: string; body?: string };

/** Styles whose POST is a search or query by design (their docs): replaying it reads, never writes. */
const READ_POST_STYLES = new Set(['elasticsearch', 'algolia', 'notion', 'relay']);

/** A path segment naming a search or query endpoint: /search, /_search, /query, /v1/databases/x/query. */
const READ_PATH = /(^|\/)(_?search|_?query|graphql|find|lookup)(\/|$|\.json$)/i;

/** The GraphQL operation type of `query` text: the first keyword after comments, or 'query' for `{`. */
export function graphqlOperation(query: string): 'query' | 'mutation' | 'subscription' | undefined {
  const text = query.replace(/#[^\n\r]*/g, ' ').trim();
  if (text.startsWith('{')) return 'query';
  // A document may hold fragments and several operations; any write makes the whole request a write.
  const ops = [...text.matchAll(/(^|[\s}])(query|mutation|subscription)\b/g)].map((m) => m[2]);
  if (ops.includes('mutation')) return 'mutation';
  if (ops.includes('subscription')) return 'subscription';
  return ops.includes('query') ? 'query' : undefined;
}

function parseBody(body: string | undefined): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

const WRITES =
  'PUT, PATCH and DELETE change data on the server: replaying one for every page would repeat the change ' +
  '(with your credentials), so Pagescope never crawls them.';

/** The verdict for replaying `req` once per page; `style` is the detection's style, when there is one. */
export function replayVerdict(req: ReplayRequest, style?: string): ReplayVerdict {
  const method = (req.method || 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return { verdict: 'ok' };
  if (method !== 'POST')
    return {
      verdict: 'refuse',
      reason: `${method} is not crawled. ${WRITES} Only GET and HEAD, and POST reads you confirm, are replayed.`,
    };
  const body = parseBody(req.body);
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query === 'string') {
    const op = graphqlOperation(query);
    if (op === 'query')
      return {
        verdict: 'confirm',
        reason: 'This is a GraphQL query (a read): the crawl would send this POST once per page.',
      };
    if (op === 'mutation' || op === 'subscription')
      return {
        verdict: 'refuse',
        reason: `This POST is a GraphQL ${op}, which changes data or streams it: Pagescope only crawls GraphQL queries.`,
      };
  }
  let path = '';
  try {
    path = new URL(req.url).pathname;
  } catch {
    // an unparsable URL is no search endpoint
  }
  if ((style && READ_POST_STYLES.has(style)) || READ_PATH.test(path))
    return {
      verdict: 'confirm',
      reason: 'This POST looks like a search or query (a read): the crawl would send it once per page.',
    };
  return {
    verdict: 'refuse',
    reason:
      'This POST is not a read Pagescope recognises (a GraphQL query or a search/query endpoint); replaying it ' +
      'for every page could create or change data, so it is not crawled.',
  };
}
