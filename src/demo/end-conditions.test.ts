/** Each style ends the way its API docs say, and shows the doc's quirks (checked on a full reference walk). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { StyleInfo } from './http.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import { parseLink, walkStyle, type WalkResult } from './walkers.ts';

let server: DemoServer;
let styles: StyleInfo[];
before(async () => {
  server = await startDemoServer();
  styles = await (await fetch(`${server.origin}/api/styles.json`)).json();
});
after(() => server.close());

const walk = (name: string): Promise<WalkResult> =>
  walkStyle(
    server.origin,
    styles.find((s) => s.style === name)!,
  );

test('vanilla: relative Paging-* headers, a short page and an empty page that still has Paging-Next', async () => {
  const { pages } = await walk('vanilla');
  assert.equal(pages[0].headers.get('paging-prev'), null);
  for (const p of pages) assert.match(p.headers.get('paging-first')!, /^\/api\/v2\/discussions\?/);
  const lengths = pages.map((p) => p.body.length);
  assert.ok(
    lengths.includes(0) && lengths.indexOf(0) < lengths.length - 1,
    `empty page mid-chain: ${lengths}`,
  );
  assert.ok(pages[lengths.indexOf(0)].headers.get('paging-next'));
  assert.ok(
    lengths.slice(0, -1).some((n) => n > 0 && n < 30),
    'a short page before the end',
  );
  assert.equal(pages.at(-1)!.headers.get('paging-next'), null);
  const more = await walk('vanilla-more');
  assert.ok(more.pages.every((p) => p.headers.get('paging-last') === null && p.headers.get('paging-first')));
});

test('vend: pagination object; vend-2 ends with an empty data collection and increasing, gapped versions', async () => {
  const v = await walk('vend');
  assert.deepEqual(v.pages[0].body.pagination, { results: 437, page: 1, page_size: 100, pages: 5 });
  const v2 = await walk('vend-2');
  assert.deepEqual(v2.pages.at(-1)!.body, { data: [] });
  const versions = v2.records.map((r) => r.version);
  assert.ok(versions.every((x, i) => i === 0 || x > versions[i - 1]));
  assert.ok(versions.some((x, i) => i > 0 && x - versions[i - 1] > 1));
});

test('laravel: seed 002 meta and absolute links; cursor variant ends with next_cursor null', async () => {
  const { pages } = await walk('laravel');
  const m = pages[1].body.meta;
  assert.deepEqual([m.total, m.from, m.to, m.perPage, m.currentPage, m.lastPage], [35, 11, 20, 10, 2, 4]);
  assert.match(JSON.parse(Buffer.from(m.cursor, 'base64url').toString()).id.toString(), /^\d+$/);
  assert.match(
    pages[1].body.links.next,
    /^http:\/\/127\.0\.0\.1:\d+\/api\/v2\/resources\?cursor=ey[\w-]+&page=3$/,
  );
  assert.equal(pages.at(-1)!.body.links.next, null);
  const c = await walk('laravel-cursor');
  assert.equal(c.pages[0].body.meta.prev_cursor, null);
  assert.equal(c.pages.at(-1)!.body.meta.next_cursor, null);
  assert.ok(c.pages[1].body.links.next.includes('?cursor=ey'));
});

test('page-number, uservoice (page and cursor), github, gitlab, json-server headers and flags', async () => {
  const pn = await walk('page-number');
  assert.equal(pn.pages[0].body.hasPreviousPage, false);
  assert.equal(pn.pages.at(-1)!.body.hasNextPage, false);
  const uv = await walk('uservoice');
  assert.equal(uv.pages[0].headers.get('link'), '</api/v2/admin/suggestions?page=2&per_page=20>; rel=next');
  assert.equal(uv.pages.at(-1)!.headers.get('link'), null);
  const uc = await walk('uservoice-cursor');
  assert.ok(uc.pages.every((p) => p.body.pagination.page === 1));
  assert.ok(!('cursor' in uc.pages.at(-1)!.body.pagination));
  assert.match(
    uc.pages[0].headers.get('link')!,
    /^<\/api\/v2\/admin\/suggestions\?cursor=[\w%]+&sort=-supporters_count>; rel=next$/,
  );
  const gh = await walk('github');
  assert.deepEqual(Object.keys(parseLink(gh.pages[0].headers.get('link'))), ['next', 'last']);
  assert.deepEqual(Object.keys(parseLink(gh.pages.at(-1)!.headers.get('link'))), ['prev', 'first']);
  const gl = await walk('gitlab');
  assert.equal(gl.pages[0].headers.get('x-prev-page'), '');
  assert.equal(gl.pages.at(-1)!.headers.get('x-next-page'), '');
  assert.equal(gl.pages[0].headers.get('x-total-pages'), '9');
  const js = await walk('json-server');
  assert.equal(js.pages[0].headers.get('x-total-count'), '97');
});

test('cursor styles end as documented: stripe, slack, google, relay, zendesk', async () => {
  assert.equal((await walk('stripe')).pages.at(-1)!.body.has_more, false);
  assert.equal((await walk('slack')).pages.at(-1)!.body.response_metadata.next_cursor, '');
  assert.ok(!('nextPageToken' in (await walk('google')).pages.at(-1)!.body));
  assert.equal((await walk('relay')).pages.at(-1)!.body.data.repository.issues.pageInfo.hasNextPage, false);
  const z = await walk('zendesk');
  assert.deepEqual([z.pages.at(-1)!.body.meta.has_more, z.pages.at(-1)!.body.links.next], [false, null]);
  assert.match(z.pages[0].body.links.next, /\?page\[size\]=100&page\[after\]=/);
});

test('link-in-body styles: json-api, hal (0-based), odata, drf', async () => {
  const ja = await walk('json-api');
  assert.equal(ja.pages.at(-1)!.body.links.next, null);
  assert.equal(ja.pages[0].body.meta.total, 98);
  const hal = await walk('hal');
  assert.equal(hal.pages[0].body.page.number, 0);
  assert.ok(!('next' in hal.pages.at(-1)!.body._links));
  const od = await walk('odata');
  assert.equal(od.pages[0].body['@odata.count'], 77);
  assert.match(od.pages[0].body['@odata.nextLink'], /\$skiptoken=/);
  assert.ok(!('@odata.nextLink' in od.pages.at(-1)!.body));
  const drf = await walk('drf');
  assert.equal(new URL(drf.pages[1].body.previous).searchParams.has('page'), false, 'DRF drops page=1');
  assert.equal(drf.pages.at(-1)!.body.next, null);
});

test('wordpress 400 past the end; postgrest Content-Range, 206 and 416', async () => {
  const wp = await walk('wordpress');
  assert.equal(wp.pages[0].headers.get('x-wp-totalpages'), '6');
  const past = await fetch(`${server.origin}/wp-json/wp/v2/posts?page=7`);
  assert.equal(past.status, 400);
  assert.equal((await past.json()).code, 'rest_post_invalid_page_number');
  const pg = await walk('postgrest');
  assert.equal(pg.pages[0].status, 206);
  assert.equal(pg.pages[0].headers.get('content-range'), '0-24/237');
  const noCount = await fetch(`${server.origin}/rest/v1/todos?limit=25`);
  assert.deepEqual([noCount.status, noCount.headers.get('content-range')], [200, '0-24/*']);
  const ranged = await fetch(`${server.origin}/rest/v1/todos`, { headers: { Range: '10-19' } });
  assert.equal(ranged.headers.get('content-range'), '10-19/*');
  const beyond = await fetch(`${server.origin}/rest/v1/todos?offset=300`, {
    headers: { Prefer: 'count=exact' },
  });
  assert.equal(beyond.status, 416);
  assert.equal((await beyond.json()).code, 'PGRST103');
});
