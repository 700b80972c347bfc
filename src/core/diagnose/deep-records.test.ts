// Records nested thousands of levels deep (past JSON.stringify's reach) are still compared: a page
// serving the same deep records again is caught, not skipped by a rule that threw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../detect/index.ts';
import { extractRecords } from '../json.ts';
import { diagnose } from './diagnose.ts';
import type { DiagnosePage } from './types.ts';

const deep = '{"a":'.repeat(5000) + '"x"' + '}'.repeat(5000);

function page(index: number, url: string, next: string | null): DiagnosePage {
  const bodyText = `{"results":[{"name":"n","tree":${deep}}],"next":${JSON.stringify(next)},"count":9}`;
  const ex = {
    request: { method: 'GET', url, headers: [] },
    response: { status: 200, headers: [], mimeType: 'application/json', bodyText },
  };
  const detection = detect(ex);
  assert.ok(detection);
  return {
    index,
    url,
    status: 200,
    detection,
    records: extractRecords(JSON.parse(bodyText), detection.recordsPath),
  };
}

test('a page repeating deep records without ids is caught', () => {
  assert.throws(() => JSON.stringify(JSON.parse(deep)), RangeError);
  const findings = diagnose([
    page(0, 'https://api.test/items?page=1', 'https://api.test/items?page=2'),
    page(1, 'https://api.test/items?page=2', 'https://api.test/items?page=3'),
  ]);
  assert.ok(
    findings.some((f) => /exactly the records of page 1|page 1/.test(f.message) && f.severity !== 'info'),
    findings.map((f) => `${f.rule}: ${f.message}`).join('\n'),
  );
});
