/**
 * Runs in a headless Chromium page (bundled by panel.bench.ts): the real panel App over the real
 * panel state, with fake services (no DevTools) and `?n=` captured requests added at once — Vanilla
 * pages of n/100 endpoints × 100 pages each, every one detected by core as in the panel. The Chain
 * tab of one 100-page chain is open while the filter is typed into, as a user inspecting a chain would.
 */
import '../src/extension/panel/panel.css';
import { render } from 'preact';
import type { Exchange } from '../src/core/exchange.ts';
import { App } from '../src/extension/panel/app.tsx';
import { createPanelState } from '../src/extension/panel/state/panel-state.ts';
import type { PanelServices } from '../src/extension/panel/services/panel-services.ts';

const n = Number(new URLSearchParams(location.search).get('n') ?? 10_000);
const PAGES = 100;

function exchange(i: number): Exchange {
  const endpoint = `https://api.example.com/v1/items-${Math.floor(i / PAGES)}`;
  const page = (i % PAGES) + 1;
  const body = JSON.stringify([
    { id: page * 2 - 1, name: `r${page}a` },
    { id: page * 2, name: `r${page}b` },
  ]);
  return {
    id: `x${i}`,
    request: { method: 'GET', url: `${endpoint}?page=${page}&limit=2`, headers: [] },
    response: {
      status: 200,
      mimeType: 'application/json',
      bodyText: body,
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Paging-First', value: `${endpoint}?page=1&limit=2` },
        { name: 'Paging-Next', value: `${endpoint}?page=${page + 1}&limit=2` },
      ],
    },
  };
}

const services: PanelServices = {
  themeName: () => 'default',
  clipboard: { writeText: async () => {} },
  download: { save: () => {} },
};
const state = createPanelState(services);
document.documentElement.dataset.theme = 'light';
const t0 = performance.now();
state.capture.add(Array.from({ length: n }, (_, i) => exchange(i)));
const addMs = performance.now() - t0;
state.connect();
render(<App state={state} />, document.getElementById('app')!);

/** Resolves after the next frame is painted: a task queued from rAF runs once that frame is out. */
const nextPaint = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(0);
    }),
  );

const q = (testid: string) => document.querySelector(`[data-testid=${testid}]`) as HTMLElement | null;

Object.assign(globalThis, {
  panelBench: {
    addMs,
    rows: () => document.querySelectorAll('[data-testid=request-row]').length,
    chainNodes: () => document.querySelectorAll('[data-testid=chain-node]').length,
    /** Opens the first request's Chain tab (its 100-page chain). */
    async openChain() {
      state.selection.detailTab.value = 'chain';
      state.selection.open(state.capture.items.value[0].id);
      await nextPaint();
      return !!q('chain-view');
    },
    /** One keystroke: the filter's value changes and `input` fires, as typing does; ms to the next paint. */
    async keystroke(text: string) {
      const input = q('request-filter') as HTMLInputElement;
      const start = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await nextPaint();
      return performance.now() - start;
    },
  },
});
