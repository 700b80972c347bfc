// The registry's own promises: never throw, say why not, and never call ordinary JSON paginated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Exchange } from '../exchange.ts';
import { detect, detectWithReason, MAX_BODY_CHARS } from './index.ts';
import type { Detector } from './types.ts';

function ex(
  body: string | null,
  opts: { url?: string; mime?: string; headers?: [string, string][]; bodySize?: number } = {},
): Exchange {
  return {
    request: { method: 'GET', url: opts.url ?? 'https://api.example.com/things?page=2', headers: [] },
    response: {
      status: 200,
      headers: (opts.headers ?? []).map(([name, value]) => ({ name, value })),
      mimeType: opts.mime ?? 'application/json',
      bodyText: body,
      bodySize: opts.bodySize,
    },
  };
}

test('bad input gives a reason, never a throw', () => {
  const cases: [Exchange, RegExp][] = [
    [ex('{"data": [1, 2,'), /invalid JSON/],
    [ex('<!doctype html><html><body>Not found</body></html>'), /not JSON despite application\/json/],
    [ex('<html></html>', { mime: 'text/html' }), /not JSON/],
    [ex(null), /no JSON body and no pagination headers/],
    [ex('[]', { url: 'not a url' }), /not an absolute URL/],
    [ex('{"id": 1}'), /no pagination found/],
  ];
  for (const [e, reason] of cases) {
    const r = detectWithReason(e);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, reason);
    assert.equal(detect(e), null);
  }
});

test('HTML under a JSON MIME type with pagination headers is still not detected', () => {
  assert.equal(
    detect(
      ex('<html>oops</html>', {
        headers: [
          ['X-Total-Count', '100'],
          ['Link', '</things?page=3>; rel=next'],
        ],
      }),
    ),
    null,
  );
});

test('a huge body is not parsed, but its headers still count', () => {
  const big = ' '.repeat(MAX_BODY_CHARS + 1);
  const d = detect(ex(big, { headers: [['Link', '</things?page=3>; rel="next"']] }));
  assert.equal(d?.next?.url, 'https://api.example.com/things?page=3');
  assert.equal(d?.recordCount, 0);
});

test('a 200 MB size claim on a small body changes nothing', () => {
  const d = detect(
    ex('[{"id":1}]', {
      bodySize: 200_000_000,
      headers: [
        ['Content-Length', '209715200'],
        ['X-WP-Total', '1'],
        ['X-WP-TotalPages', '1'],
      ],
    }),
  );
  assert.equal(d?.style, 'wordpress');
  assert.equal(d?.recordCount, 1);
});

test('a UTF-8 BOM and JSON sniffed under a wrong MIME type are fine', () => {
  const d = detect(
    ex('\ufeff[{"id":1}]', { mime: 'text/plain', headers: [['Paging-Next', '/things?page=3']] }),
  );
  assert.equal(d?.style, 'vanilla');
});

test('negatives: ordinary JSON is not paginated', () => {
  const bodies = [
    { id: 1, name: 'Alice', email: 'a@example.com' },
    [{ id: 1 }, { id: 2 }, { id: 3 }],
    { page: 'About us', content: 'We make things.' },
    { next: 'Bob', previous: 'Alice', team: 'blue' },
    { data: { id: '1', type: 'articles', attributes: { title: 'Hello' } } },
    [],
    'just a string',
    42,
  ];
  for (const b of bodies)
    assert.equal(
      detect(ex(JSON.stringify(b), { url: 'https://api.example.com/things' })),
      null,
      JSON.stringify(b),
    );
});

test('a throwing detector does not stop the others; the most confident wins and others fill gaps', () => {
  const boom: Detector = {
    name: 'boom',
    detect: () => {
      throw new Error('bug');
    },
  };
  const weak: Detector = {
    name: 'weak',
    detect: () => ({
      kind: 'page',
      style: 'weak',
      confidence: 0.3,
      evidence: [{ where: 'body', path: 'total', value: '40' }],
      totalRecords: 40,
    }),
  };
  const strong: Detector = {
    name: 'strong',
    detect: () => ({
      kind: 'page',
      style: 'strong',
      confidence: 0.9,
      evidence: [{ where: 'header', path: 'X', value: '1' }],
      pageSize: 10,
      params: { page: 'page' },
    }),
  };
  const r = detectWithReason(ex('[{"id":1}]'), [boom, weak, strong]);
  assert.ok(r.ok);
  if (!r.ok) return;
  const d = r.detection;
  assert.equal(d.style, 'strong');
  assert.equal(d.totalRecords, 40);
  assert.equal(d.totalPages, 4, 'derived from totalRecords / pageSize');
  assert.equal(d.position.page, 2);
  assert.equal(d.next?.url, 'https://api.example.com/things?page=3');
  assert.equal(d.evidence.length, 2);
  assert.deepEqual(d.recordsPath, []);
  assert.equal(d.recordCount, 1);
});
