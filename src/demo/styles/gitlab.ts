/**
 * GitLab REST v4 offset pagination (https://docs.gitlab.com/api/rest/#pagination): `page` / `per_page`
 * (default 20, max 100), headers X-Page, X-Per-Page, X-Total, X-Total-Pages, X-Next-Page and
 * X-Prev-Page (empty on the last / first page) plus an absolute Link with prev/next/first/last.
 */
import { dataset } from '../data.ts';
import { absLink, json, linkHeader, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { clampInt, pageCount, readInt } from '../params.ts';

const ISSUES = 167;
const PATH = '/api/v4/projects/42/issues';

function issues(req: DemoRequest): DemoResponse {
  // Grape validates `page` as an Integer (400 "page is invalid"); per_page over 100 is capped.
  const p = readInt(req.query, 'page', 1, 1);
  if (!p.ok)
    return json(
      { error: p.reason === 'not-an-integer' ? 'page is invalid' : 'page does not have a valid value' },
      400,
    );
  const perPage = clampInt(req.query, 'per_page', 20, 1, 100, true);
  const page = p.value;
  const rows = dataset('gitlab-issues', ISSUES, 90_000);
  const totalPages = pageCount(ISSUES, perPage);
  const start = (page - 1) * perPage;
  const body = rows.slice(start, start + perPage).map((r) => ({
    id: r.id,
    iid: r.seq + 1,
    project_id: 42,
    title: r.name,
    state: r.seq % 3 === 0 ? 'closed' : 'opened',
    created_at: r.created_at,
    weight: Math.floor(r.amount / 1000),
    web_url: `https://gitlab.example.com/pagescope/demo/-/issues/${r.seq + 1}`,
  }));
  const at = (n: number) => absLink(req, { page: n, per_page: perPage });
  const next = page < totalPages ? page + 1 : undefined;
  const prev = page > 1 ? Math.min(page - 1, totalPages) : undefined;
  const headers: Record<string, string> = {
    'X-Page': String(page),
    'X-Per-Page': String(perPage),
    'X-Total': String(ISSUES),
    'X-Total-Pages': String(totalPages),
    'X-Next-Page': next ? String(next) : '',
    'X-Prev-Page': prev ? String(prev) : '',
  };
  headers.Link = linkHeader({
    prev: prev ? at(prev) : undefined,
    next: next ? at(next) : undefined,
    first: at(1),
    last: at(totalPages),
  })!;
  return json(body, 200, headers);
}

export const gitlab: DemoApi = {
  styles: [
    {
      style: 'gitlab',
      title: 'GitLab v4 — X-Total / X-Total-Pages / X-Next-Page headers + Link',
      firstPage: `${PATH}?page=1&per_page=20`,
      totalRecords: ISSUES,
      pageSize: 20,
      kind: 'page',
      idField: 'id',
      doc: 'https://docs.gitlab.com/api/rest/#pagination',
    },
  ],
  routes: [{ path: PATH, handle: issues }],
};
