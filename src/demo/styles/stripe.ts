/**
 * Stripe list API (https://docs.stripe.com/api/pagination): `{object:'list', data, has_more, url}`,
 * newest first, `limit` 1–100 (default 10), and object-id cursors `starting_after` / `ending_before`.
 * Bad parameters are a 400 with `error.type = invalid_request_error` and the offending `param`.
 */
import { dataset, token62 } from '../data.ts';
import { json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { readInt } from '../params.ts';

const CUSTOMERS = 118;

function invalid(param: string, message: string, code = 'parameter_invalid_integer'): DemoResponse {
  return json({ error: { type: 'invalid_request_error', code, message, param } }, 400);
}

const rows = () =>
  [...dataset('stripe-customers', CUSTOMERS)].reverse().map((r) => ({
    id: `cus_${token62('stripe', r.id)}`,
    object: 'customer',
    name: r.name,
    email: `${r.name.toLowerCase().replace(/\W+/g, '.')}.${r.id}@example.com`,
    created: Math.floor(Date.parse(r.created_at) / 1000),
    balance: Math.round(r.amount * 100),
  }));

function customers(req: DemoRequest): DemoResponse {
  const limit = readInt(req.query, 'limit', 10, 1, 100);
  if (!limit.ok) {
    if (limit.reason === 'not-an-integer') return invalid('limit', `Invalid integer: ${limit.raw}`);
    return invalid(
      'limit',
      limit.reason === 'too-large'
        ? 'This value must be less than or equal to 100.'
        : 'This value must be greater than or equal to 1.',
    );
  }
  const all = rows();
  const after = req.query.get('starting_after');
  const before = req.query.get('ending_before');
  if (after && before)
    return invalid(
      'ending_before',
      'You may only specify one of these parameters: starting_after, ending_before.',
      'parameter_unknown',
    );
  let start = 0;
  let end = limit.value;
  const find = (id: string) => all.findIndex((c) => c.id === id);
  if (after) {
    const i = find(after);
    if (i < 0) return invalid('starting_after', `No such customer: '${after}'`, 'resource_missing');
    start = i + 1;
    end = start + limit.value;
  } else if (before) {
    const i = find(before);
    if (i < 0) return invalid('ending_before', `No such customer: '${before}'`, 'resource_missing');
    end = i;
    start = Math.max(0, end - limit.value);
  }
  const data = all.slice(start, end);
  // has_more looks in the direction of travel: older objects for starting_after, newer for ending_before.
  const hasMore = before ? start > 0 : end < all.length;
  return json({ object: 'list', data, has_more: hasMore, url: '/v1/customers' });
}

export const stripe: DemoApi = {
  styles: [
    {
      style: 'stripe',
      title: 'Stripe — {object:list, data, has_more}, starting_after cursor, limit max 100',
      firstPage: '/v1/customers?limit=10',
      totalRecords: CUSTOMERS,
      pageSize: 10,
      kind: 'cursor',
      idField: 'id',
      doc: 'https://docs.stripe.com/api/pagination',
    },
  ],
  routes: [{ path: '/v1/customers', handle: customers }],
};
