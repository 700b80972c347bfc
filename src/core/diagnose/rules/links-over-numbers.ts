/**
 * links-over-numbers (info): the crawl found that the API's next links and the page numbers its
 * totals imply name different pages (a snapshot token on the links, a page that lives elsewhere,
 * a size the server changed), and followed the links. Not a bug of the API — its links are the
 * contract — but worth knowing: a client that builds `?page=N` itself reads other pages than the
 * API offers. Read from what the crawl noted on the pages (`DiagnosePage.notes`).
 */
import type { Finding, Rule } from '../types.ts';

export const linksOverNumbers: Rule = {
  id: 'links-over-numbers',
  description: "the API's next links and its page numbers disagreed; the crawl followed the links (info)",
  check(ctx) {
    const out: Finding[] = [];
    for (const p of ctx.pages) {
      for (const note of p.page.notes ?? []) {
        if (!/links and page numbers disagreed/.test(note)) continue;
        out.push({
          rule: 'links-over-numbers',
          severity: 'info',
          message: `The API's next links and the page numbers disagreed (${note}). Pagescope followed the links; this is not an error of the API.`,
          evidence: { pages: [p.n], urls: [p.url] },
          fix: 'Nothing to fix in the API. Clients should follow its next links rather than build page numbers from the totals; if the links carry a token (a snapshot), say so in the docs.',
        });
      }
    }
    return out;
  },
};
