// The bug × style tables again (bug-cases.ts, public-api-bug-cases.ts), this time the way `pagescope diagnose
// URL` sees them: the crawl engine follows the chain (with its loop guards) and probes one page past
// the end of numbered chains.
// Same expectations as from captured exchanges: the intended rule, and no collateral findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../../core/diagnose/index.ts';
import type { Handler } from '../../core/diagnose/fixtures/api.ts';
import { bugCases, cur, num } from '../../core/diagnose/fixtures/bug-cases.ts';
import { cleanCases, newShapeCases, subtleCases } from '../../core/diagnose/fixtures/public-api-bug-cases.ts';
import { cursorStyles } from '../../core/diagnose/fixtures/cursor-styles.ts';
import { summary } from '../../core/diagnose/fixtures/helpers.ts';
import { numberedStyles } from '../../core/diagnose/fixtures/styles.ts';
import type { Finding } from '../../core/diagnose/types.ts';
import type { HttpFetch } from '../../core/ports.ts';
import { pagesFromUrl } from '../diagnose-url.ts';

function fetchOf(handler: Handler): HttpFetch {
  return async (req) => {
    const reply = handler(new URL(req.url));
    const headers = Object.entries({ 'Content-Type': 'application/json', ...(reply.headers ?? {}) }).map(
      ([name, value]) => ({ name, value }),
    );
    return {
      status: reply.status ?? 200,
      statusText: 'OK',
      url: req.url,
      headers,
      bodyText: JSON.stringify(reply.body),
    };
  };
}

async function viaUrl(make: () => { start: string; handler: Handler }): Promise<Finding[]> {
  const { start, handler } = make();
  const got = await pagesFromUrl(fetchOf(handler), { method: 'GET', url: start, headers: [] }, 40, 5000);
  // A single page without pagination fields is "not paginated": nothing to diagnose, no finding.
  if (!got.ok && got.notPaginated) return [];
  assert.ok(got.ok, got.ok ? '' : got.message);
  return diagnose(got.pages);
}

for (const c of [...bugCases, ...newShapeCases, ...subtleCases]) {
  test(`diagnose URL, ${c.style}: ${c.bug} → ${c.rule}`, async () => {
    const findings = await viaUrl(c.make);
    const f = findings.find((x) => x.rule === c.rule && (!c.severity || x.severity === c.severity));
    assert.ok(f, `no ${c.rule}:\n${summary(findings).join('\n')}`);
    if (c.message) assert.match(f.message, c.message);
    const extra = findings.filter((x) => x.rule !== c.rule && !c.also?.includes(x.rule));
    assert.deepEqual(summary(extra), [], 'no collateral findings');
  });
}

for (const s of numberedStyles) {
  test(`diagnose URL, ${s.name}: clean (probe past the end included) → no findings`, async () => {
    assert.deepEqual(summary(await viaUrl(num(s, {}, { query: { state: 'open' } }))), []);
  });
}
for (const s of cursorStyles) {
  test(`diagnose URL, ${s.name}: clean → no findings`, async () => {
    assert.deepEqual(summary(await viaUrl(cur(s, {}))), []);
  });
}
for (const c of cleanCases) {
  test(`diagnose URL, ${c.style}: clean, ${c.what} → no findings`, async () => {
    assert.deepEqual(summary(await viaUrl(c.make)), []);
  });
}
