/**
 * OData v4 server-driven paging (https://docs.oasis-open.org/odata/odata/v4.01/odata-v4.01-part1-protocol.html
 * §11.2.6.7 and §11.2.5.3–4): results in `value`, `@odata.count` when `$count=true`, and an absolute
 * `@odata.nextLink` carrying an opaque `$skiptoken` while more results remain. The server pages at 20 (or at
 * `Prefer: odata.maxpagesize=N`); `$top` / `$skip` limit the whole result as the client asked.
 */
import { dataset } from '../data.ts';
import { absLink, header, json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { b64url, readInt, unb64 } from '../params.ts';

const PRODUCTS = 77;
const PATH = '/odata/Products';
const SERVER_PAGE = 20;

function odataError(message: string): DemoResponse {
  return json({ error: { code: 'BadRequest', message } }, 400, { 'OData-Version': '4.0' });
}

function products(req: DemoRequest): DemoResponse {
  const top = readInt(req.query, '$top', PRODUCTS, 0);
  if (!top.ok)
    return odataError(
      `Invalid value '${top.raw}' for $top query option found. The $top query option requires a non-negative integer value.`,
    );
  const skip = readInt(req.query, '$skip', 0, 0);
  if (!skip.ok)
    return odataError(
      `Invalid value '${skip.raw}' for $skip query option found. The $skip query option requires a non-negative integer value.`,
    );
  let position = skip.value;
  const token = req.query.get('$skiptoken');
  if (token !== null) {
    const m = /^pos:(\d+)$/.exec(unb64(token) ?? '');
    if (!m) return odataError(`The $skiptoken '${token}' is not valid.`);
    position = Number(m[1]);
  }
  const pref = /odata\.maxpagesize=(\d+)/.exec(header(req, 'prefer') ?? '');
  const pageSize = pref ? Math.max(1, Math.min(Number(pref[1]), 1000)) : SERVER_PAGE;
  const end = Math.min(PRODUCTS, skip.value + top.value);
  const stop = Math.min(end, position + pageSize);
  const value = dataset('odata-products', PRODUCTS, 0)
    .slice(position, Math.max(position, stop))
    .map((r) => ({ ID: r.id, Name: r.name, ReleaseDate: r.created_at, Price: r.amount }));
  const body: Record<string, unknown> = {
    '@odata.context': `${req.origin}${req.prefix}/odata/$metadata#Products`,
  };
  if (req.query.get('$count') === 'true')
    body['@odata.count'] = Math.max(0, Math.min(PRODUCTS - skip.value, top.value));
  body.value = value;
  if (stop < end) body['@odata.nextLink'] = absLink(req, { $skiptoken: b64url(`pos:${stop}`) });
  const headers: Record<string, string> = { 'OData-Version': '4.0' };
  if (pref) headers['Preference-Applied'] = `odata.maxpagesize=${pageSize}`;
  return json(body, 200, headers);
}

export const odata: DemoApi = {
  styles: [
    {
      style: 'odata',
      title: 'OData v4 — value[], @odata.nextLink with $skiptoken, @odata.count',
      firstPage: `${PATH}?$count=true`,
      totalRecords: PRODUCTS,
      pageSize: SERVER_PAGE,
      kind: 'link',
      idField: 'ID',
      doc: 'https://docs.oasis-open.org/odata/odata/v4.01/odata-v4.01-part1-protocol.html#sec_ServerDrivenPaging',
    },
  ],
  routes: [{ path: PATH, handle: products }],
};
