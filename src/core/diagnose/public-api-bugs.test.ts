// The bug table over more pagination shapes (public-api-styles.ts) and the subtle variants of each bug
// (public-api-bug-cases.ts), diagnosed from captured exchanges: the intended rule fires with evidence and a
// fix, nothing else fires that is not true of the chain, and every clean counterpart stays silent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanCases, newShapeCases, subtleCases } from './fixtures/public-api-bug-cases.ts';
import { findingsOf, summary } from './fixtures/helpers.ts';

for (const c of [...newShapeCases, ...subtleCases]) {
  const name = `${c.style}: ${c.bug} → ${c.rule}${c.also?.length ? ` (+ ${c.also.join(', ')} allowed)` : ''}`;
  test(name, () => {
    const { start, handler, extra } = c.make();
    const findings = findingsOf(start, handler, extra);
    const f = findings.find((x) => x.rule === c.rule && (!c.severity || x.severity === c.severity));
    assert.ok(f, `no ${c.rule}:\n${summary(findings).join('\n')}`);
    if (c.message) assert.match(f.message, c.message);
    assert.ok(f.message.length > 30 && f.fix.length > 20, 'a plain sentence and a fix');
    assert.ok(f.evidence.pages?.length && f.evidence.urls?.length, 'evidence names pages and URLs');
    const extra2 = findings.filter((x) => x.rule !== c.rule && !c.also?.includes(x.rule));
    assert.deepEqual(summary(extra2), [], 'no collateral findings');
  });
}

for (const c of cleanCases) {
  test(`${c.style}: clean, ${c.what} → no findings`, () => {
    const { start, handler, extra } = c.make();
    assert.deepEqual(summary(findingsOf(start, handler, extra)), []);
  });
}

test('the tables cover every new shape and every subtle variant', () => {
  const styles = new Set(newShapeCases.map((c) => c.style));
  assert.ok(styles.size >= 20, `${styles.size} shapes`);
  assert.ok(newShapeCases.length + subtleCases.length >= 300);
});
