// The public-API table (responses shaped after 33 public APIs' docs, src/core/detect/fixtures): the spec
// made from each response, written out and read back, reads that same response as detection does —
// the same records and the same next request (or none) — so a crawl from the spec goes where
// detection's would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../detect/index.ts';
import { exchangeOf } from '../detect/fixtures/body-fixture.ts';
import { publicPageFixtures } from '../detect/fixtures/public-apis-page.ts';
import { publicOffsetFixtures } from '../detect/fixtures/public-apis-offset.ts';
import { publicCursorFixtures } from '../detect/fixtures/public-apis-cursor.ts';
import { requestKey } from '../crawl/guards.ts';
import { extractRecords, parseJson } from '../json.ts';
import { detectionFromSpec } from './detection.ts';
import { specFromDetection } from './from-detection.ts';
import { parseSpec } from './validate.ts';

const fixtures = [...publicPageFixtures, ...publicOffsetFixtures, ...publicCursorFixtures];

test('for every public-API response, its spec reads the same records and the same next request as detection', () => {
  const bad: string[] = [];
  for (const f of fixtures) {
    const ex = exchangeOf(f);
    const d = detect(ex)!;
    const read = parseSpec(JSON.stringify(specFromDetection(ex, d)));
    if (!read.ok) {
      bad.push(`${f.name}: spec does not read back: ${read.errors.join('; ')}`);
      continue;
    }
    const s = detectionFromSpec(read.spec, ex);
    const body = parseJson(ex.response.bodyText);
    const json = body.ok ? body.value : undefined;
    const a = JSON.stringify(extractRecords(json, d.recordsPath));
    const b = JSON.stringify(extractRecords(json, s.recordsPath));
    if (a !== b)
      bad.push(`${f.name}: records differ (${d.recordsPath.join('.')} vs ${s.recordsPath.join('.')})`);
    const want = d.next ? requestKey(d.next) : 'none';
    const got = s.next ? requestKey(s.next) : 'none';
    if (want !== got) bad.push(`${f.name} [${read.spec.next.type}]: next ${got}\n    detection: ${want}`);
  }
  assert.deepEqual(bad, []);
  assert.ok(fixtures.length >= 60, `${fixtures.length} responses`);
});
