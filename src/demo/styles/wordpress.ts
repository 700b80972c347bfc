/**
 * WordPress REST API (https://developer.wordpress.org/rest-api/using-the-rest-api/pagination/):
 * root array, `page` / `per_page` (1–100, default 10), totals in X-WP-Total / X-WP-TotalPages, absolute
 * Link rel="prev"/"next". Out-of-range parameters are a 400 `rest_invalid_param`; a page past the end is
 * a 400 `rest_post_invalid_page_number`.
 */
import { dataset } from '../data.ts';
import { absLink, json, linkHeader, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { pageCount, readInt } from '../params.ts';

const POSTS = 53;
const PATH = '/wp-json/wp/v2/posts';

function invalidParam(name: string, message: string): DemoResponse {
  return json(
    {
      code: 'rest_invalid_param',
      message: `Invalid parameter(s): ${name}`,
      data: { status: 400, params: { [name]: message } },
    },
    400,
  );
}

function posts(req: DemoRequest): DemoResponse {
  const page = readInt(req.query, 'page', 1, 1);
  if (!page.ok)
    return invalidParam(
      'page',
      page.reason === 'not-an-integer'
        ? 'page is not of type integer.'
        : 'page must be greater than or equal to 1',
    );
  const per = readInt(req.query, 'per_page', 10, 1, 100);
  if (!per.ok)
    return invalidParam(
      'per_page',
      per.reason === 'not-an-integer'
        ? 'per_page is not of type integer.'
        : 'per_page must be between 1 (inclusive) and 100 (inclusive)',
    );
  const totalPages = pageCount(POSTS, per.value);
  if (page.value > totalPages) {
    return json(
      {
        code: 'rest_post_invalid_page_number',
        message: 'The page number requested is larger than the number of pages available.',
        data: { status: 400 },
      },
      400,
    );
  }
  // Newest first, like the default orderby=date&order=desc.
  const rows = [...dataset('wordpress-posts', POSTS, 10)].reverse();
  const start = (page.value - 1) * per.value;
  const body = rows.slice(start, start + per.value).map((r) => {
    const slug = r.name.toLowerCase().replace(/\W+/g, '-');
    return {
      id: r.id,
      date: r.created_at.slice(0, 19),
      date_gmt: r.created_at.slice(0, 19),
      slug,
      status: 'publish',
      type: 'post',
      link: `https://blog.example.com/${slug}/`,
      title: { rendered: r.name },
      author: 1 + (r.id % 4),
    };
  });
  const headers: Record<string, string> = {
    'X-WP-Total': String(POSTS),
    'X-WP-TotalPages': String(totalPages),
  };
  const value = linkHeader({
    prev: page.value > 1 ? absLink(req, { page: page.value - 1 }) : undefined,
    next: page.value < totalPages ? absLink(req, { page: page.value + 1 }) : undefined,
  });
  if (value) headers.Link = value;
  return json(body, 200, headers);
}

export const wordpress: DemoApi = {
  styles: [
    {
      style: 'wordpress',
      title: 'WordPress REST — X-WP-Total / X-WP-TotalPages, 400 past the last page',
      firstPage: `${PATH}?per_page=10`,
      totalRecords: POSTS,
      pageSize: 10,
      kind: 'page',
      idField: 'id',
      doc: 'https://developer.wordpress.org/rest-api/using-the-rest-api/pagination/',
    },
  ],
  routes: [{ path: PATH, handle: posts }],
};
