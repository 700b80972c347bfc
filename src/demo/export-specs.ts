/**
 * The specs the spec-export tests check (src/core/spec/export-*.test.ts): the first page of a dozen
 * demo styles and of the in-house API, fetched over real HTTP with an API key the exports must never
 * carry, and the spec each gives (the in-house one with the overrides a user would set).
 */
import { after, before } from 'node:test';
import { detect } from '../core/detect/index.ts';
import { realFetch as httpFetch } from '../core/crawl/testing/real-io.ts';
import type { Exchange } from '../core/exchange.ts';
import { specFromDetection } from '../core/spec/from-detection.ts';
import { applyOverrides } from '../core/spec/overrides.ts';
import type { PaginationSpec } from '../core/spec/types.ts';
import { styles } from './catalog.ts';
import { INHOUSE_PATH } from './inhouse.ts';
import { startDemoServer, type DemoServer } from './server.ts';

/** The value of the X-Api-Key header every first page is fetched with. */
export const SECRET_KEY = 'k-SECRET-123';

const STYLES = [
  'github',
  'drf',
  'offset-limit',
  'page-number',
  'vend',
  'slack',
  'stripe',
  'relay',
  'postgrest',
  'vanilla',
  'hal',
  'odata',
];

/**
 * For a test file: starts the demo before its tests (and stops it after) and fills, per style (and
 * 'inhouse'), the spec of its first page and that page; the maps are full when the tests run.
 */
export function exportSpecs() {
  const specs = new Map<string, PaginationSpec>();
  const firsts = new Map<string, Exchange>();
  let demo: DemoServer;
  before(async () => {
    demo = await startDemoServer();
    await fill(demo.origin, specs, firsts);
  });
  after(() => demo.close());
  return { specs, firsts };
}

async function fill(origin: string, specs: Map<string, PaginationSpec>, firsts: Map<string, Exchange>) {
  const pages = styles
    .filter((s) => STYLES.includes(s.style))
    .map((s) => [s.style, s.firstPage, s.request] as const);
  pages.push(['inhouse', INHOUSE_PATH + '?limit=20', undefined]);
  for (const [style, path, req] of pages) {
    const url = origin + path;
    const method = req?.method ?? 'GET';
    const headers = [
      ...Object.entries(req?.headers ?? {}).map(([name, value]) => ({ name, value })),
      { name: 'X-Api-Key', value: SECRET_KEY },
    ];
    const res = await httpFetch({ method, url, headers, body: req?.body });
    const exchange: Exchange = {
      request: { method, url, headers, postData: req?.body ? { text: req.body } : undefined },
      response: {
        status: res.status,
        headers: res.headers,
        mimeType: 'application/json',
        bodyText: res.bodyText,
      },
    };
    let spec = specFromDetection(exchange, detect(exchange));
    if (style === 'inhouse')
      spec = applyOverrides(spec, { cursor: 'meta.continuation', cursorParam: 'from' });
    specs.set(style, spec);
    firsts.set(style, exchange);
  }
}
