/**
 * The panel state over fake services for its unit tests: exchanges pushed live or backfilled,
 * navigations by hand, a fake detector that counts its calls, and what was copied and downloaded.
 */
import type { DetectOutcome, Detection } from '../../../core/detect/types.ts';
import type { Exchange } from '../../../core/exchange.ts';
import type { PanelServices } from '../services/panel-services.ts';
import { createPanelState } from '../state/panel-state.ts';

/** A GET exchange of `url` answered 200 with `body` (JSON unless a string). */
export function ex(url: string, body: unknown = { items: [1, 2] }, mimeType = 'application/json'): Exchange {
  return {
    request: { method: 'GET', url, headers: [] },
    response: {
      status: 200,
      headers: [],
      mimeType,
      bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    },
  };
}

/** A fake detector: pages when the URL says page=, and counts its calls. */
export function fakeDetect() {
  const calls: string[] = [];
  const detect = (e: Exchange): DetectOutcome => {
    calls.push(e.request.url);
    if (!/page=/.test(e.request.url)) return { ok: false, reason: 'no pagination found' };
    const detection: Detection = {
      kind: 'page',
      style: 'vanilla',
      confidence: 0.9,
      evidence: [],
      method: 'GET',
      url: e.request.url,
      position: {},
      links: {},
      params: {},
      recordsPath: ['items'],
      recordCount: 2,
    };
    return { ok: true, detection };
  };
  return { calls, detect };
}

/** The panel state, connected, over fake services whose backfill holds one page; flushes run by hand. */
export function createPanelHarness() {
  let navigated: (url: string) => void = () => {};
  let onEx: (e: Exchange) => void = () => {};
  const copied: string[] = [];
  const saved: { name: string; text: string }[] = [];
  const flushes: (() => void)[] = [];
  const services: PanelServices = {
    network: {
      onExchange: (cb) => ((onEx = cb), () => {}),
      onNavigated: (cb) => ((navigated = cb), () => {}),
      backfill: async () => [ex('http://a.test/early?page=1')],
    },
    themeName: () => 'dark',
    clipboard: { writeText: async (t) => void copied.push(t) },
    download: { save: (f) => void saved.push(f) },
  };
  const d = fakeDetect();
  const state = createPanelState(services, { detect: d.detect, schedule: (f) => void flushes.push(f) });
  const off = state.connect();
  return {
    state,
    off,
    copied,
    saved,
    calls: d.calls,
    live: (e: Exchange) => onEx(e),
    nav: (u: string) => navigated(u),
    runFlushes: () => flushes.splice(0).forEach((f) => f()),
  };
}
