// Every bug in more than one pagination style, diagnosed from captured exchanges: the intended rule
// fires with evidence and a fix, and the only other findings are ones genuinely true of that chain.
// Every style clean → no findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from './fixtures/api.ts';
import { bugCases, cur, num } from './fixtures/bug-cases.ts';
import { cursorStyles } from './fixtures/cursor-styles.ts';
import { findingsOf, summary } from './fixtures/helpers.ts';
import { numberedStyles } from './fixtures/styles.ts';
import type { Finding } from './types.ts';

const run = (make: () => { start: string; handler: api.Handler; extra: string[] }): Finding[] => {
  const { start, handler, extra } = make();
  return findingsOf(start, handler, extra);
};

for (const c of bugCases) {
  test(`${c.style}: ${c.bug} → ${c.rule}${c.also?.length ? ` (+ ${c.also.join(', ')} allowed)` : ''}`, () => {
    const findings = run(c.make);
    const f = findings.find((x) => x.rule === c.rule && (!c.severity || x.severity === c.severity));
    assert.ok(f, `no ${c.rule}:\n${summary(findings).join('\n')}`);
    if (c.message) assert.match(f.message, c.message);
    assert.ok(f.fix.length > 20 && f.evidence.pages?.length, 'a finding names its pages and a fix');
    const extra = findings.filter((x) => x.rule !== c.rule && !c.also?.includes(x.rule));
    assert.deepEqual(summary(extra), [], 'no collateral findings');
  });
}

for (const s of numberedStyles) {
  test(`${s.name}: clean, with a filter and a probe past the end → no findings`, () => {
    assert.deepEqual(summary(run(num(s, {}, { query: { state: 'open' }, probe: 6 }))), []);
  });
  test(`${s.name}: clean, exact multiple of the page size → no findings`, () => {
    assert.deepEqual(summary(run(num(s, {}, { data: api.records(20) }))), []);
  });
}
for (const s of cursorStyles) {
  test(`${s.name}: clean → no findings`, () => {
    assert.deepEqual(summary(run(cur(s, {}, { query: { state: 'open' } }))), []);
    assert.deepEqual(summary(run(cur(s, {}, { data: api.records(20) }))), []);
  });
}
