/**
 * Slack Web API cursor pagination (https://api.slack.com/apis/pagination): `cursor` + `limit`
 * (default 100, at most 1000), `response_metadata.next_cursor` holds the next cursor and is an empty
 * string on the last page. Slack reports errors as HTTP 200 with `ok:false` — so does this demo.
 */
import { dataset, token62 } from '../data.ts';
import { json, type DemoApi, type DemoRequest, type DemoResponse } from '../http.ts';
import { b64, clampInt, unb64 } from '../params.ts';

const CHANNELS = 243;

const channels = () =>
  dataset('slack-channels', CHANNELS).map((r) => ({
    id: `C0${token62('slack', r.id, 9).toUpperCase()}`,
    name: `${r.name.toLowerCase().replace(/\W+/g, '-')}-${r.seq}`,
    is_channel: true,
    is_archived: false,
    created: Math.floor(Date.parse(r.created_at) / 1000),
    num_members: Math.floor(r.amount / 20),
  }));

function conversationsList(req: DemoRequest): DemoResponse {
  const all = channels();
  const limit = clampInt(req.query, 'limit', 100, 1, 1000, true);
  let start = 0;
  const cursor = req.query.get('cursor');
  if (cursor) {
    // Cursors look like base64("channel:C0…"), the id of the first channel of the next page.
    const text = unb64(cursor);
    const id = text?.startsWith('channel:') ? text.slice(8) : undefined;
    start = id ? all.findIndex((c) => c.id === id) : -1;
    if (start < 0) return json({ ok: false, error: 'invalid_cursor' });
  }
  const page = all.slice(start, start + limit);
  const next = all[start + limit];
  return json({
    ok: true,
    channels: page,
    response_metadata: { next_cursor: next ? b64(`channel:${next.id}`) : '' },
  });
}

export const slack: DemoApi = {
  styles: [
    {
      style: 'slack',
      title: 'Slack — response_metadata.next_cursor, empty string at the end',
      firstPage: '/api/conversations.list?limit=100',
      totalRecords: CHANNELS,
      pageSize: 100,
      kind: 'cursor',
      idField: 'id',
      doc: 'https://api.slack.com/apis/pagination',
    },
  ],
  routes: [{ method: 'GET,POST', path: '/api/conversations.list', handle: conversationsList }],
};
