/**
 * pageNumber / pageSize with hasPreviousPage / hasNextPage flags (seed 003: a .NET-style "standard paging
 * object"; pageSize at most 50). No total is given, so a client walks until hasNextPage is false.
 * Validation failures answer like ASP.NET Core does: 400 with a ProblemDetails body.
 */
import { dataset, uuidFor } from '../data.ts';
import { json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { readInt } from '../params.ts';

const CUSTOMERS = 123;
const MAX = 50;

function problem(field: string, raw: string): DemoResponse {
  return json(
    {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { [field]: [`The value '${raw}' is not valid.`] },
    },
    400,
    {},
  );
}

function customers(req: DemoRequest): DemoResponse {
  const n = readInt(req.query, 'pageNumber', 1, 1);
  if (!n.ok) return problem('pageNumber', n.raw);
  const s = readInt(req.query, 'pageSize', 20, 1);
  if (!s.ok && s.reason !== 'too-large') return problem('pageSize', s.raw);
  // "Maximum is 50": larger requests are served at 50 and the body says so.
  const pageSize = s.ok ? Math.min(s.value, MAX) : MAX;
  const rows = dataset('page-number-customers', CUSTOMERS, 700);
  const start = (n.value - 1) * pageSize;
  const items = rows.slice(start, start + pageSize).map((r) => ({
    id: uuidFor('customer', r.id),
    name: r.name,
    createdAt: r.created_at,
    ordersCount: Math.floor(r.amount / 4),
  }));
  return json({
    items,
    pageNumber: n.value,
    pageSize,
    hasPreviousPage: n.value > 1,
    hasNextPage: start + pageSize < CUSTOMERS,
  });
}

export const pageNumber: DemoApi = {
  styles: [
    {
      style: 'page-number',
      title: 'pageNumber/pageSize with hasPreviousPage/hasNextPage (seed 003, max pageSize 50)',
      firstPage: '/api/v1/customers?pageNumber=1&pageSize=20',
      totalRecords: CUSTOMERS,
      pageSize: 20,
      kind: 'page',
      idField: 'id',
      doc: 'seed 003 (pageNumber, pageSize — maximum 50, hasPreviousPage, hasNextPage)',
    },
  ],
  routes: [{ path: '/api/v1/customers', handle: customers }],
};
