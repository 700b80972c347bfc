/**
 * Vend (Lightspeed Retail X-Series) — seed 001, https://docs.vendhq.com/tutorials/guides/pagination.
 * API 0.x: numbered pages, `page` + `page_size` (200 at most), a `pagination` object that appears only
 * when the data set spans more than one page, records under the resource's name.
 * API 2.0: a `version` cursor — `after=<version.max>` until `data` comes back empty.
 */
import { dataset, prng, uuidFor } from '../data.ts';
import { json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { pageCount, readInt } from '../params.ts';

const DOC = 'https://docs.vendhq.com/tutorials/guides/pagination (seed 001)';
const PRODUCTS = 437;
const CUSTOMERS = 213;
const V2_PRODUCTS = 263;

function error(details: string): DemoResponse {
  return json({ status: 'error', error: 'Bad Request', details }, 400);
}

/** 0.x: page_size above 200 is cut to 200 (the doc's stated maximum), garbage is a 400. */
function legacyList(
  req: DemoRequest,
  key: 'products' | 'customers',
  total: number,
  map: (i: number) => object,
): DemoResponse {
  const page = readInt(req.query, 'page', 1, 1);
  if (!page.ok) return error('page must be a positive integer');
  const size = readInt(req.query, 'page_size', 100, 1);
  if (!size.ok && size.reason !== 'too-large') return error('page_size must be a positive integer');
  const pageSize = size.ok ? Math.min(size.value, 200) : 200;
  const start = (page.value - 1) * pageSize;
  const items = Array.from({ length: Math.max(0, Math.min(total, start + pageSize) - start) }, (_, i) =>
    map(start + i),
  );
  const pages = pageCount(total, pageSize);
  const body: Record<string, unknown> = {};
  if (pages > 1) body.pagination = { results: total, page: page.value, page_size: pageSize, pages };
  body[key] = items;
  return json(body);
}

function products(req: DemoRequest): DemoResponse {
  const rows = dataset('vend-products', PRODUCTS);
  return legacyList(req, 'products', PRODUCTS, (i) => {
    const r = rows[i];
    return {
      id: uuidFor('vend-product', r.id),
      handle: r.name.toLowerCase().replace(/\W+/g, '-'),
      sku: String(10000 + r.id),
      name: r.name,
      price: r.amount,
      updated_at: r.created_at.replace('T', ' ').slice(0, 19),
    };
  });
}

function customers(req: DemoRequest): DemoResponse {
  const rows = dataset('vend-customers', CUSTOMERS);
  return legacyList(req, 'customers', CUSTOMERS, (i) => {
    const r = rows[i];
    return {
      id: uuidFor('vend-customer', r.id),
      customer_code: `C${String(r.id).padStart(5, '0')}`,
      name: r.name,
      balance: r.amount,
      created_at: r.created_at.replace('T', ' ').slice(0, 19),
    };
  });
}

/** Global, monotonically increasing, never consecutive: the doc warns not to assume +1 steps. */
const versions = (() => {
  const rand = prng(1_001);
  let v = 11_234_566_790;
  return Array.from({ length: V2_PRODUCTS }, () => (v += 1 + Math.floor(rand() * 5_000)));
})();

function productsV2(req: DemoRequest): DemoResponse {
  const after = readInt(req.query, 'after', 0, 0);
  if (!after.ok)
    return json({ error: 'Bad Request', details: '"after" must be a non-negative integer version' }, 400);
  const size = readInt(req.query, 'page_size', 100, 1);
  if (!size.ok && size.reason !== 'too-large')
    return json({ error: 'Bad Request', details: '"page_size" must be a positive integer' }, 400);
  const pageSize = size.ok ? Math.min(size.value, 1000) : 1000;
  const rows = dataset('vend-products-2', V2_PRODUCTS);
  const first = versions.findIndex((v) => v > after.value);
  const idx =
    first < 0 ? [] : Array.from({ length: Math.min(pageSize, V2_PRODUCTS - first) }, (_, i) => first + i);
  const data = idx.map((i) => ({
    id: uuidFor('vend2-product', rows[i].id),
    name: rows[i].name,
    sku: String(20000 + rows[i].id),
    price_including_tax: rows[i].amount,
    created_at: rows[i].created_at,
    deleted_at: null,
    version: versions[i],
  }));
  // The doc: keep asking with after=version.max "until an empty collection is returned".
  if (!data.length) return json({ data: [] });
  return json({ data, version: { min: data[0].version, max: data[data.length - 1].version } });
}

export const vend: DemoApi = {
  styles: [
    {
      style: 'vend',
      title: 'Vend API 0.x — pagination{results,page,page_size,pages} + products',
      firstPage: '/api/products?page=1',
      totalRecords: PRODUCTS,
      pageSize: 100,
      kind: 'page',
      idField: 'id',
      doc: DOC,
    },
    {
      style: 'vend-customers',
      title: 'Vend API 0.x — customers',
      firstPage: '/api/customers?page=1&page_size=100',
      totalRecords: CUSTOMERS,
      pageSize: 100,
      kind: 'page',
      idField: 'id',
      doc: DOC,
    },
    {
      style: 'vend-2',
      title: 'Vend API 2.0 — version cursor (after=version.max until data is empty)',
      firstPage: '/api/2.0/products',
      totalRecords: V2_PRODUCTS,
      pageSize: 100,
      kind: 'cursor',
      idField: 'id',
      doc: DOC,
    },
  ],
  routes: [
    { path: '/api/products', handle: products },
    { path: '/api/customers', handle: customers },
    { path: '/api/2.0/products', handle: productsV2 },
  ],
};
