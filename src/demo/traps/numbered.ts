/**
 * Numbered traps: Laravel-like pages (`current_page`, `last_page`, `total`, `next_page_url`) whose
 * next links say more than a page number does, so a crawler that builds `?page=N` from the totals
 * instead of following the API's links loses or duplicates records.
 * - snapshot: every next link carries `snapshot=<token>` (the consistency token of the listing taken
 *   at page 1). A page asked for without it is read from the live listing, where 3 new records have
 *   been added on top since (duplicates and a missing record); an unknown token is a 404.
 * - hop: page 3's next link moves to another path (`/traps/hop/archive/…`, as an API that hands a
 *   client to another shard or host); the old path serves stale records (ids from 9001) for page 4
 *   and a 404 past it.
 */
import { dataset } from '../data.ts';
import { encodeQuery, json, type DemoRequest, type DemoResponse, type Route } from '../http.ts';
import { clampInt, pageCount } from '../params.ts';
import type { TrapEntry } from './shared.ts';

const SNAPSHOT_TOTAL = 95;
const HOP_TOTAL = 64;
export const SNAPSHOT_TOKEN = 'snap-7f3a9c';
const SNAPSHOT_PATH = '/traps/snapshot/orders';
const HOP_PATH = '/traps/hop/orders';
const ARCHIVE_PATH = '/traps/hop/archive/orders';
/** The page whose next link leaves the first path. */
const HOP_AT = 3;

type Row = { id: number; name: string; amount: number };
const rows = (name: string, n: number, idStart = 1): Row[] =>
  dataset(name, n, idStart).map(({ id, name: label, amount }) => ({ id, name: label, amount }));

const frozen = rows('trap-snapshot', SNAPSHOT_TOTAL);
/** The live listing: three records created since the snapshot, on top (newest first). */
const live = [...rows('trap-snapshot-new', 3, 100_000), ...frozen];
const hopRows = rows('trap-hop', HOP_TOTAL);

function page(
  req: DemoRequest,
  data: Row[],
  total: number,
  n: number,
  size: number,
  nextUrl: string | null,
): DemoResponse {
  return json({
    current_page: n,
    data,
    last_page: pageCount(total, size),
    per_page: size,
    total,
    next_page_url: nextUrl,
    prev_page_url: null,
    path: req.origin + req.prefix + req.path,
  });
}

const url = (req: DemoRequest, path: string, params: [string, string][]) =>
  `${req.origin}${req.prefix}${path}?${encodeQuery(params)}`;

function snapshot(req: DemoRequest): DemoResponse {
  const n = clampInt(req.query, 'page', 1, 1, 10_000, true);
  const size = clampInt(req.query, 'per_page', 10, 1, 100, true);
  const token = req.query.get('snapshot');
  if (token !== null && token !== SNAPSHOT_TOKEN)
    return json({ error: 'snapshot_expired', message: `snapshot ${token} is unknown or expired` }, 404);
  // Page 1 takes the snapshot; any other page without the token reads the live listing.
  const data = token || n === 1 ? frozen : live;
  const last = pageCount(SNAPSHOT_TOTAL, size);
  const next =
    n < last
      ? url(req, SNAPSHOT_PATH, [
          ['page', String(n + 1)],
          ['per_page', String(size)],
          ['snapshot', SNAPSHOT_TOKEN],
        ])
      : null;
  return page(req, data.slice((n - 1) * size, n * size), SNAPSHOT_TOTAL, n, size, next);
}

function hop(archive: boolean) {
  return (req: DemoRequest): DemoResponse => {
    const n = clampInt(req.query, 'page', 1, 1, 10_000, true);
    const size = clampInt(req.query, 'per_page', 10, 1, 100, true);
    const last = pageCount(HOP_TOTAL, size);
    if (!archive && n > HOP_AT) {
      if (n > HOP_AT + 1)
        return json({ error: 'not_found', message: `page ${n} moved to ${ARCHIVE_PATH}` }, 404);
      // Stale copies left behind on the old shard: records nobody should harvest.
      return page(req, rows('trap-hop-stale', size, 9000), HOP_TOTAL, n, size, null);
    }
    if (archive && n <= HOP_AT)
      return json({ error: 'not_found', message: `pages up to ${HOP_AT} live on ${HOP_PATH}` }, 404);
    const path = archive || n >= HOP_AT ? ARCHIVE_PATH : HOP_PATH;
    const next =
      n < last
        ? url(req, path, [
            ['page', String(n + 1)],
            ['per_page', String(size)],
          ])
        : null;
    return page(req, hopRows.slice((n - 1) * size, n * size), HOP_TOTAL, n, size, next);
  };
}

export const numberedTraps: TrapEntry[] = [
  {
    trap: 'snapshot',
    title: 'next links carry a snapshot token; guessed ?page=N without it reads a shifted live listing',
    firstPage: `${SNAPSHOT_PATH}?page=1&per_page=10`,
    totalRecords: SNAPSHOT_TOTAL,
    idField: 'id',
  },
  {
    trap: 'hop',
    title: "page 3's next link moves to another path; the old path serves stale records, then 404",
    firstPage: `${HOP_PATH}?page=1&per_page=10`,
    totalRecords: HOP_TOTAL,
    idField: 'id',
  },
];

export const numberedRoutes: Route[] = [
  { path: SNAPSHOT_PATH, handle: snapshot },
  { path: HOP_PATH, handle: hop(false) },
  { path: ARCHIVE_PATH, handle: hop(true) },
];
