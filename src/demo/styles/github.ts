/**
 * GitHub REST (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api):
 * a root array, `page` / `per_page` (default 30, max 100 — larger values are served at 100), and an
 * absolute `Link` header with prev/next/last/first; first and prev are left out on page 1, next and last
 * on the last page, and there is no Link header at all when everything fits on one page.
 */
import { dataset } from '../data.ts';
import { absLink, json, linkHeader, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { b64, clampInt, pageCount } from '../params.ts';

const ISSUES = 157;
const PATH = '/repos/pagescope/demo/issues';

function issues(req: DemoRequest): DemoResponse {
  // Newest first, GitHub's default sort for issues.
  const rows = [...dataset('github-issues', ISSUES, 1_800_000_000)].reverse();
  const perPage = clampInt(req.query, 'per_page', 30, 1, 100, true);
  const page = clampInt(req.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER, true);
  const last = pageCount(ISSUES, perPage);
  const start = (page - 1) * perPage;
  const body = rows.slice(start, start + perPage).map((r) => ({
    id: r.id,
    node_id: `I_kwDO${b64(`issue:${r.id}`).replace(/=+$/, '')}`,
    number: r.seq + 1,
    title: r.name,
    state: r.seq % 4 === 0 ? 'closed' : 'open',
    comments: Math.floor(r.amount / 5),
    created_at: r.created_at.replace(/\.\d+Z$/, 'Z'),
    html_url: `https://github.com/pagescope/demo/issues/${r.seq + 1}`,
  }));
  const at = (p: number) => absLink(req, { page: p });
  const headers: Record<string, string> = {};
  const value =
    last > 1
      ? linkHeader({
          prev: page > 1 ? at(Math.min(page - 1, last)) : undefined,
          next: page < last ? at(page + 1) : undefined,
          last: page < last ? at(last) : undefined,
          first: page > 1 ? at(1) : undefined,
        })
      : undefined;
  if (value) headers.Link = value;
  return json(body, 200, headers);
}

export const github: DemoApi = {
  styles: [
    {
      style: 'github',
      title: 'GitHub REST — Link header (prev/next/last/first), per_page max 100',
      firstPage: `${PATH}?per_page=30`,
      totalRecords: ISSUES,
      pageSize: 30,
      kind: 'link',
      idField: 'id',
      doc: 'https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api',
    },
  ],
  routes: [{ path: PATH, handle: issues }],
};
