// Edited pagination rules in the panel's store: an edit re-reads every captured item of the endpoint
// (so the chain and the crawl follow), new arrivals too; reset returns to detection; edits are
// remembered across sessions; a contradiction is refused with its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signal } from '@preact/signals';
import { detectWithReason } from '../../../core/detect/index.ts';
import type { Exchange } from '../../../core/exchange.ts';
import type { CapturedItem } from './captured-item.ts';
import { createSpecEditsState, endpointKey } from './spec-edits.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

function item(id: string, from?: string): CapturedItem {
  const url = `https://api.example.com/inhouse/events?limit=2${from ? `&from=${from}` : ''}`;
  const exchange: Exchange = {
    request: { method: 'GET', url, headers: [] },
    response: {
      status: 200,
      headers: [],
      mimeType: 'application/json',
      bodyText: JSON.stringify({ items: [{ eventId: 'a' }, { eventId: 'b' }], meta: { continuation: 'T2' } }),
    },
  };
  const o = detectWithReason(exchange);
  return {
    id,
    exchange,
    detection: o.ok ? o.detection : null,
    notPaginated: o.ok ? undefined : o.reason,
    source: 'live',
    search: url,
    paginated: o.ok,
  };
}

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

const noServices = {
  clipboard: { writeText: async () => {} },
  download: { save: () => {} },
};

test('an edit re-reads the endpoint, reaches new arrivals, is remembered, and reset undoes it', async () => {
  const storage = memoryStorage();
  const items = signal<readonly CapturedItem[]>([item('1')]);
  const specs = createSpecEditsState(items, noServices, () => {}, storage);
  const detected = items.value[0].detection;
  assert.notEqual(detected?.style, 'spec');
  assert.equal(specs.actions.set(items.value[0], { cursor: 'meta.continuation', cursorParam: 'from' }), null);
  const d = items.value[0].detection!;
  assert.equal(d.style, 'spec');
  assert.equal(d.next?.url, 'https://api.example.com/inhouse/events?limit=2&from=T2');
  assert.deepEqual(d.spec?.next, {
    type: 'cursor',
    from: { in: 'body', path: 'meta.continuation' },
    param: 'from',
    in: 'query',
  });
  // a later request of the same endpoint arrives: read by the edit too
  items.value = [...items.value, item('2', 'T2')];
  await tick();
  assert.equal(items.value[1].detection?.style, 'spec');
  // remembered: a new session (same storage) reads the captured endpoint by the edit
  const again = signal<readonly CapturedItem[]>([item('9')]);
  const specs2 = createSpecEditsState(again, noServices, () => {}, storage);
  await tick();
  assert.equal(again.value[0].detection?.style, 'spec');
  assert.deepEqual(specs2.overridesOf(again.value[0]), { cursor: 'meta.continuation', cursorParam: 'from' });
  specs.actions.reset(items.value[0]);
  assert.deepEqual(items.value[0].detection, detected);
  assert.equal(items.value[1].detection?.style, detected?.style);
  assert.equal(specs.overridesOf(items.value[0]), undefined);
  specs.dispose();
  specs2.dispose();
});

test('a contradiction is refused with its reason and nothing changes; exports read the edited spec', async () => {
  const items = signal<readonly CapturedItem[]>([item('1')]);
  let copied = '';
  const specs = createSpecEditsState(
    items,
    { clipboard: { writeText: async (t: string) => void (copied = t) }, download: { save: () => {} } },
    () => {},
    memoryStorage(),
  );
  const before = items.value[0];
  assert.match(specs.actions.set(before, { nextLink: true, cursor: 'x' }) ?? '', /each set the next rule/);
  assert.equal(items.value[0], before);
  specs.actions.set(before, { cursor: 'meta.continuation', cursorParam: 'from' });
  await specs.actions.copy(items.value[0], 'dlt');
  assert.match(copied, /"cursor_path": "meta\.continuation"/);
  assert.match(specs.actions.exportText(items.value[0], 'airbyte'), /field_name: "from"/);
  assert.match(specs.actions.exportText(items.value[0], 'pagescope'), /--cursor-param from/);
  assert.equal(JSON.parse(specs.actions.exportText(items.value[0], 'spec')).next.param, 'from');
  assert.equal(endpointKey(before.exchange), 'GET https://api.example.com/inhouse/events');
  specs.dispose();
});
