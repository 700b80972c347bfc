// The panel's diagnose pages and the HAR path's (`diagnose FILE.har`) are one thing: for the same
// exchanges (the captured pages of one chain), the Chain tab diagnoses exactly the pages core builds
// from a HAR, in the same order, over every pagination style and bug case the diagnostics know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signal } from '@preact/signals';
import { detect } from '../../../core/detect/index.ts';
import { diagnoseExchanges } from '../../../core/diagnose/index.ts';
import * as api from '../../../core/diagnose/fixtures/api.ts';
import { bugCases, cur, num } from '../../../core/diagnose/fixtures/bug-cases.ts';
import { cursorStyles } from '../../../core/diagnose/fixtures/cursor-styles.ts';
import { numberedStyles } from '../../../core/diagnose/fixtures/styles.ts';
import { createCaptureState } from './capture-state.ts';
import type { CapturedItem } from './captured-item.ts';
import { createChainState } from './chain-state.ts';

type Make = () => { start: string; handler: api.Handler; extra: string[] };

const cases: { name: string; make: Make }[] = [
  ...bugCases.map((c) => ({ name: `${c.style}: ${c.bug}`, make: c.make })),
  ...numberedStyles.map((s) => ({
    name: `${s.name}: clean`,
    make: num(s, {}, { query: { state: 'open' } }),
  })),
  ...cursorStyles.map((s) => ({ name: `${s.name}: clean`, make: cur(s, {}) })),
];

test('the Chain tab diagnoses the same pages as diagnose FILE.har, for every style and bug case', () => {
  let compared = 0;
  for (const { name, make } of cases) {
    const { start, handler, extra } = make();
    // The panel keeps a chain of detected pages (an undetected end or error page joins no chain there).
    const captured = [...api.walk(start, handler), ...extra.map((u) => api.respond(u, handler))]
      .filter((ex) => detect(ex))
      .reverse(); // captured out of order: both roads must order them the same way
    const capture = createCaptureState({ schedule: () => {} });
    capture.add(captured);
    const selected = signal<CapturedItem | undefined>(undefined);
    const state = createChainState(capture.items, selected);
    assert.ok(state.groups.value.size > 0, `${name}: the panel found a chain`);
    // Each chain the panel groups (one endpoint's captured pages), its exchanges as a HAR would hold them.
    for (const [key, group] of state.groups.value) {
      selected.value = group[0];
      const har = diagnoseExchanges(group.map((it) => it.exchange));
      assert.equal(har.length, 1, `${name}: one chain ${key}`);
      assert.deepEqual(
        state.diagnostics.value!.pages,
        har[0].pages,
        `${name}: the same pages in the same order`,
      );
      assert.deepEqual(
        state.chain.value!.nodes.map((n) => n.id),
        har[0].chain.nodes.map((n) => n.id),
        `${name}: the same chain`,
      );
      compared++;
    }
  }
  assert.ok(compared >= cases.length, `${compared} chains compared`);
});
