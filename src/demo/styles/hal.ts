/**
 * Spring Data REST / HAL (https://docs.spring.io/spring-data/rest/reference/paging-and-sorting.html):
 * records under `_embedded.people`, `_links{first,prev,self,next,last}` as `{href}` (absolute),
 * `page{size,totalElements,totalPages,number}` with a 0-based `number`. Like Spring's
 * PageableHandlerMethodArgumentResolver, unusable `page`/`size` fall back to defaults and `size` is capped.
 */
import { dataset } from '../data.ts';
import { absLink, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { clampInt, pageCount } from '../params.ts';

const PEOPLE = 211;
const PATH = '/people';

function people(req: DemoRequest): DemoResponse {
  const size = clampInt(req.query, 'size', 20, 1, 1000, true);
  const page = clampInt(req.query, 'page', 0, 0, Number.MAX_SAFE_INTEGER, true);
  const totalPages = pageCount(PEOPLE, size);
  const start = page * size;
  const self = (id: number) => ({ href: `${req.origin}${req.prefix}${PATH}/${id}` });
  const list = dataset('hal-people', PEOPLE, 1)
    .slice(start, start + size)
    .map((r) => {
      const [first, last] = r.name.split(' ');
      return {
        id: r.id,
        firstName: first,
        lastName: last,
        createdAt: r.created_at,
        age: 18 + (Math.floor(r.amount / 2) % 60),
        _links: { self: self(r.id), person: self(r.id) },
      };
    });
  const at = (n: number) => ({ href: absLink(req, { page: n, size }) });
  const links: Record<string, { href: string }> = {};
  if (totalPages > 1) links.first = at(0);
  if (page > 0) links.prev = at(Math.min(page - 1, totalPages - 1));
  links.self = at(page);
  if (page < totalPages - 1) links.next = at(page + 1);
  if (totalPages > 1) links.last = at(totalPages - 1);
  links.profile = { href: `${req.origin}${req.prefix}/profile/people` };
  return {
    status: 200,
    contentType: 'application/hal+json',
    body: {
      _embedded: { people: list },
      _links: links,
      page: { size, totalElements: PEOPLE, totalPages, number: page },
    },
  };
}

export const hal: DemoApi = {
  styles: [
    {
      style: 'hal',
      title: 'Spring Data REST (HAL) — _embedded, _links.next.href, page{number} 0-based',
      firstPage: `${PATH}?page=0&size=20`,
      totalRecords: PEOPLE,
      pageSize: 20,
      kind: 'link',
      idField: 'id',
      doc: 'https://docs.spring.io/spring-data/rest/reference/paging-and-sorting.html',
    },
  ],
  routes: [{ path: PATH, handle: people }],
};
