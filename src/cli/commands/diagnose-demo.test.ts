// pagescope diagnose against the demo API: every buggy chain of /buggy/catalog.json is caught by its
// rule, and every clean style of /api/styles.json yields no finding at all.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../run-in-process.ts';
import { startDemoServer } from '../../demo/server.ts';

const demo = await startDemoServer({});
after(() => demo.close());

type Report = { chains: { findings: { rule: string; severity: string; message: string }[] }[] };

async function diagnoseJson(path: string): Promise<{ code: number; report?: Report; err: string }> {
  const { code, out, err } = await runCli([
    'diagnose',
    new URL(path, demo.origin).href,
    '--json',
    '--max-pages',
    '60',
  ]);
  return { code, report: out ? (JSON.parse(out) as Report) : undefined, err };
}

/** The rule that must catch each demo bug. */
const expected: Record<string, string> = {
  'duplicates-shifting-offset': 'duplicate-records',
  'missing-records': 'missing-records',
  'page-size-changes': 'page-size',
  'totals-inconsistent': 'inconsistent-totals',
  'total-changes': 'inconsistent-totals',
  'past-end-repeats': 'repeated-last-page',
  'chain-ends-early': 'missing-records',
  'next-on-last-page': 'next-on-last-page',
  'empty-page-has-more': 'next-on-last-page',
  'cursor-cycle': 'cursor-cycle',
  'next-backwards': 'link-cycle',
  'links-drop-filter': 'link-hygiene',
  'mixed-links': 'link-hygiene',
  'unstable-ordering': 'unstable-order',
};

/**
 * Other findings each chain may also get because they are true of it; anything else is collateral
 * (one bug reported as several) and fails the test.
 */
const alsoTrue: Record<string, string[]> = {
  // The list grows between reads: the total really changes.
  'duplicates-shifting-offset': ['inconsistent-totals'],
  // Offsets recomputed at the new size really repeat four records, and last_page really moves.
  'page-size-changes': ['duplicate-records', 'inconsistent-totals'],
  // total_pages 7 makes pages 6–7 exist: they are empty and still say there is more.
  'totals-inconsistent': ['next-on-last-page'],
};

const catalog = (await (await fetch(`${demo.origin}/buggy/catalog.json`)).json()) as {
  bug: string;
  firstPage: string;
}[];
const styles = (await (await fetch(`${demo.origin}/api/styles.json`)).json()) as {
  style: string;
  firstPage: string;
}[];

test('the demo lists buggy chains and clean styles', () => {
  assert.ok(catalog.length >= 10);
  assert.ok(styles.length >= 10);
});

for (const { bug, firstPage } of catalog) {
  test(`demo bug ${bug} → ${expected[bug] ?? '(no rule mapped)'}`, async () => {
    const rule = expected[bug];
    assert.ok(rule, `map the new demo bug ${bug} to the rule that should catch it`);
    const r = await diagnoseJson(firstPage);
    const findings = r.report?.chains.flatMap((c) => c.findings) ?? [];
    assert.ok(
      findings.some((f) => f.rule === rule),
      `${bug}: ${r.err}${findings.map((f) => `${f.rule}: ${f.message}`).join('\n')}`,
    );
    const collateral = findings.filter((f) => f.rule !== rule && !(alsoTrue[bug] ?? []).includes(f.rule));
    assert.deepEqual(
      collateral.map((f) => `${f.rule}: ${f.message}`),
      [],
      `${bug}: only its own bug`,
    );
    assert.equal(r.code, findings.some((f) => f.severity === 'error') ? 1 : 0);
  });
}

// Seed 002's Laravel links carry a fresh cursor beside the page number: page numbers cannot
// reproduce them, the crawl follows the links, and an info finding says so (no problem).
const infoOnly: Record<string, string> = { laravel: 'links-over-numbers/info' };

for (const { style, firstPage } of styles) {
  test(`demo style ${style} (${firstPage.slice(0, 60)}) → no findings`, async () => {
    const r = await diagnoseJson(firstPage);
    assert.equal(r.code, 0, r.err);
    const all = r.report?.chains.flatMap((c) => c.findings) ?? [];
    const info = infoOnly[style];
    if (info)
      assert.deepEqual(
        all.map((f) => `${f.rule}/${f.severity}`),
        [info],
      );
    else
      assert.deepEqual(
        all.map((f) => `${f.rule}: ${f.message}`),
        [],
      );
  });
}
