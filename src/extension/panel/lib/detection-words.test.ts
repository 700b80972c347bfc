import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectionTooltip } from './detection-words.ts';

test('the tooltip says what generic and the confidence mean, and lists the evidence that decided it', () => {
  const t = detectionTooltip({
    style: 'generic',
    kind: 'cursor',
    confidence: 0.55,
    evidence: [
      { where: 'body', path: 'paging.next.after', value: 'abc', note: 'next cursor' },
      { where: 'body', path: 'results', value: '10 records' },
    ],
  });
  assert.match(t, /^generic: no documented API scheme matched; read from common pagination field names/);
  assert.match(t, /confidence 55%: how sure detection is that this response is one page of a paginated list/);
  assert.match(t, /generic readings start lower than any named scheme/);
  assert.match(
    t,
    /Decided by:\n {2}body paging\.next\.after = abc \(next cursor\)\n {2}body results = 10 records$/,
  );
});

test('a named style; long evidence is cut and counted', () => {
  const evidence = Array.from({ length: 9 }, (_, i) => ({
    where: 'header' as const,
    path: `X-${i}`,
    value: 'v'.repeat(200),
  }));
  const t = detectionTooltip({ style: 'stripe', kind: 'cursor', confidence: 0.95, evidence });
  assert.match(t, /^stripe: the cursor pagination scheme of the stripe API style\./);
  assert.match(t, /a named scheme with its own fields scores high/);
  assert.equal(t.split('\n').filter((l) => l.startsWith('  header')).length, 6);
  assert.match(t, /… 3 more in the Pagination tab$/);
  assert.ok(t.split('\n').every((l) => l.length < 300));
});
