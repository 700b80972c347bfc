/**
 * The detector for APIs that page through the RFC 8288 `Link` header (parsed by ../link.ts).
 * Docs: GitHub (`page`/`per_page`, docs.github.com "Using pagination in the REST API"), Shopify
 * (`page_info` cursor, shopify.dev "Paginating with REST"), Sentry (`cursor`, `results="false"` on the
 * next link at the end, docs.sentry.io/api/pagination), Django REST framework's LinkHeaderPagination,
 * GitLab, WordPress, Gitea, UserVoice (seed 004), json-server.
 * Fixtures: fixtures/headers-link.ts.
 */
import { pageLinks, parseLinkHeader } from '../link.ts';
import { inferParams } from './params.ts';
import type { Detector, Evidence } from './types.ts';

/** Pagination through the `Link` header. Kind follows the parameter that changes between links. */
export const linkHeader: Detector = {
  name: 'link-header',
  /** Pre-check: its own first guards, so the registry need not call it (precheck.ts). */
  headers: ['link'],
  detect(ctx) {
    const raw = ctx.headers('link');
    if (!raw.length) return null;
    const url = ctx.exchange.request.url;
    // Sentry marks each link `results="true"|"false"`: a next link without results is the end.
    const all = parseLinkHeader(raw);
    const sentry = all.some((l) => 'results' in l.params);
    const parsed = all.filter((l) => l.params.results !== 'false' || !l.rel.includes('next'));
    const links = pageLinks(parsed, url);
    if (!links.next && !links.prev && !links.last && !sentry) return null;
    const params = inferParams(url, links);
    const kind = params.cursor ? 'cursor' : params.page ? 'page' : params.offset ? 'offset' : 'link';
    const style = sentry
      ? 'sentry'
      : params.cursor === 'page_info'
        ? 'shopify'
        : ctx.header('x-github-request-id')
          ? 'github'
          : 'link-header';
    const evidence: Evidence[] = [];
    for (const rel of ['next', 'prev', 'first', 'last'] as const) {
      if (links[rel])
        evidence.push({
          where: 'header',
          path: 'Link',
          value: `rel="${rel}" ${links[rel]}`,
          note: `${rel} page`,
        });
    }
    if (sentry && !links.next)
      evidence.push({
        where: 'header',
        path: 'Link',
        value: 'rel="next"; results="false"',
        note: 'the last page',
      });
    return {
      kind,
      style,
      confidence: 0.8,
      evidence,
      links,
      params,
      // No rel="next" is the documented last-page signal (GitHub, Shopify, UserVoice).
      hasMore: !!links.next,
    };
  },
};
