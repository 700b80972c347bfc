// Every bug in more than one pagination style: the intended rule fires with evidence and a fix, and the
// only other findings are ones that are genuinely true of that chain. Every style clean → no findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from './fixtures/api.ts';
import { cursorApi, cursorStyles, google, linkCursor, plainCursor, zendesk, type CursorBugs, type CursorStyle } from './fixtures/cursor-styles.ts';
import { findingsOf, summary } from './fixtures/helpers.ts';
import { pageUrl, startOf } from './fixtures/matrix.ts';
import { drf, github, gitlab, hal, jsonApi, numbered, numberedStyles, wordpress, type NumberedBugs, type NumberedStyle } from './fixtures/styles.ts';
import type { Finding } from './types.ts';

const recs = api.records(23);
const newestFirst = api.records(20).reverse();
/** A record arrives at the top after the first page was read. */
const growing = (call: number) => (call === 0 ? newestFirst : [...api.records(1, 21), ...newestFirst]);
const scrambled = api.records(20).map((r, i) => ({ ...r, id: ((i * 7) % 20) + 100, created_at: new Date(Date.UTC(2024, 0, 1, 0, 0, (i * 7) % 20)).toISOString() }));

/** A message pattern with 1-based page numbers written in the style's own numbering (HAL counts from 0). */
const named = (s: NumberedStyle, text: string) => new RegExp(text.replace(/page (\d+)/g, (_, n) => `page ${Number(n) - 1 + s.base}`));

type Case = { bug: string; rule: string; severity?: Finding['severity']; also?: string[]; message?: RegExp; run: () => Finding[] };

function num(style: NumberedStyle, bugs: NumberedBugs, opts: { data?: api.Rec[]; size?: number; query?: Record<string, string>; probe?: number } = {}) {
  return () => {
    const start = startOf(style, opts.size ?? 5, opts.query);
    const h = numbered(style, opts.data ?? recs, bugs);
    return findingsOf(start, h, opts.probe ? [pageUrl(style, start, opts.probe)] : []);
  };
}
function cur(style: CursorStyle, bugs: CursorBugs, opts: { data?: api.Rec[]; query?: Record<string, string> } = {}) {
  return () => findingsOf(startOf(style, 5, opts.query), cursorApi(style, opts.data ?? recs, bugs));
}

const cases: (Case & { style: string })[] = [
  // "offset pagination over data that shifts (an insert between reads) → the same id on two pages"
  ...[github, jsonApi].map((s) => ({ style: s.name, bug: 'insert between reads', rule: 'duplicate-records', severity: 'error' as const, also: ['inconsistent-totals'], message: /id 16 on/, run: num(s, { data: growing }) })),
  { style: plainCursor.name, bug: 'insert between reads under an offset-in-a-cursor', rule: 'duplicate-records', severity: 'error', message: /id 16 on/, run: cur(plainCursor, { data: growing }) },
  // "total says N but pages deliver fewer"
  ...[gitlab, drf, hal].map((s) => ({ style: s.name, bug: 'total 25, 23 served', rule: 'missing-records', severity: 'error' as const, message: /25 records.*23 unique/, run: num(s, { total: 25 }) })),
  // "totalPages × pageSize inconsistent with total": the client asks for empty pages 6 and 7.
  ...[gitlab, hal, wordpress].map((s) => ({ style: s.name, bug: '23 records in 7 pages of 5', rule: 'inconsistent-totals', also: ['next-on-last-page'], message: /23 records in 7 pages of 5/, run: num(s, { totalPages: 7 }) })),
  // "next link on the last page"
  ...[gitlab, drf, jsonApi, hal].map((s) => ({ style: s.name, bug: 'next on the last page', rule: 'next-on-last-page', run: num(s, { nextOnLast: true }) })),
  { style: github.name, bug: 'next on the last (short) page, no totals', rule: 'next-on-last-page', run: num(github, { nextOnLast: true }) },
  // "empty page with has_more true"
  ...[zendesk, plainCursor, google].map((s) => ({ style: s.name, bug: 'more on the empty page', rule: 'next-on-last-page', message: /empty/, run: cur(s, { moreAlways: true }) })),
  // "pages past the end return the last page again"
  ...[github, drf, jsonApi, hal].map((s) => ({ style: s.name, bug: 'past the end clamps', rule: 'repeated-last-page', message: named(s, 'page 6 returns exactly the records of page 5'), run: num(s, { clamp: true }, { probe: 6 }) })),
  // "cursor cycle"
  ...[linkCursor, google, zendesk].map((s) => ({ style: s.name, bug: 'cursor cycle', rule: 'cursor-cycle', severity: 'error' as const, run: cur(s, { cycleAt: 15 }) })),
  // "next pointing backwards"
  ...[github, hal, jsonApi, drf].map((s) => ({ style: s.name, bug: 'next 3 → 1', rule: 'link-cycle', severity: 'error' as const, message: named(s, 'page 3 leads back to page 1'), run: num(s, { nextOverride: { on: 3, to: 1 } }) })),
  // "prev of next ≠ self"
  ...[github, jsonApi, hal, gitlab].map((s) => ({ style: s.name, bug: 'prev of page 3 is page 1', rule: 'link-cycle', severity: 'warning' as const, message: named(s, 'prev link of page 3 points to page 1'), run: num(s, { prevOverride: { on: 3, to: 1 } }) })),
  // "page size not honoured / changing mid-chain"
  ...[github, jsonApi].map((s) => ({ style: s.name, bug: 'asked 10, served 5', rule: 'page-size', severity: 'info' as const, run: num(s, { cap: 5 }, { size: 10 }) })),
  ...[drf, gitlab].map((s) => ({ style: s.name, bug: 'size 5 → 4 from page 3', rule: 'page-size', severity: 'warning' as const, also: ['duplicate-records', 'inconsistent-totals'], run: num(s, { sizeFrom: { from: 3, size: 4 } }) })),
  // "unstable ordering"
  ...[github, drf].map((s) => ({ style: s.name, bug: 'sorted per page only', rule: 'unstable-order', run: num(s, { sortEachPage: 'created_at' }, { data: scrambled, query: { sort: 'created_at' } }) })),
  { style: zendesk.name, bug: 'sorted per page only', rule: 'unstable-order', run: cur(zendesk, { sortEachPage: 'created_at' }, { data: scrambled, query: { sort: 'created_at' } }) },
  // "links dropping query filters"
  ...[github, gitlab, drf, hal].map((s) => ({ style: s.name, bug: 'next drops state=open', rule: 'link-hygiene', severity: 'error' as const, message: /drops state=open/, run: num(s, { dropInNext: ['state'] }, { query: { state: 'open' } }) })),
  // "mixed relative and absolute links"
  ...[github, jsonApi, hal, drf].map((s) => ({ style: s.name, bug: 'relative links on odd pages', rule: 'link-hygiene', severity: 'warning' as const, message: /mixes absolute links/, run: num(s, { relativeOn: (p) => p % 2 === 1 }) })),
];

for (const c of cases) {
  test(`${c.style}: ${c.bug} → ${c.rule}${c.also?.length ? ` (+ ${c.also.join(', ')} allowed)` : ''}`, () => {
    const findings = c.run();
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
    assert.deepEqual(summary(num(s, {}, { query: { state: 'open' }, probe: 6 })()), []);
  });
  test(`${s.name}: clean, exact multiple of the page size → no findings`, () => {
    assert.deepEqual(summary(num(s, {}, { data: api.records(20) })()), []);
  });
}
for (const s of cursorStyles) {
  test(`${s.name}: clean → no findings`, () => {
    assert.deepEqual(summary(cur(s, {}, { query: { state: 'open' } })()), []);
    assert.deepEqual(summary(cur(s, {}, { data: api.records(20) })()), []);
  });
}
