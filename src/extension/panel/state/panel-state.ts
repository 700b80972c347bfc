/**
 * The panel's one store: sub-stores of signals plus plain actions. Views read signals and call
 * actions; only this file talks to the injected services. Add a concern (crawl, datasets) as
 * another `createXState()` here and a field on the returned object.
 */
import { computed, signal } from '@preact/signals';
import { stringifyJson } from '../../../core/export/deep-json.ts';
import { parseJsonLossless } from '../../../core/export/lossless.ts';
import { extractRecords } from '../../../core/json.ts';
import { buildCurl } from '../lib/curl.ts';
import { isBodyTooLarge } from '../../../core/ports.ts';
import { DEFAULT_MAX_BODY } from '../../network.ts';
import { formatBytes } from '../lib/format.ts';
import { cliCommand } from '../lib/unanalysed.ts';
import { hostPattern, waitForAccess } from '../services/host-access.ts';
import { harFile, parseHar } from '../lib/har.ts';
import { linkCrawledPages } from '../services/chain-crawl-link.ts';
import { createCaptureState, type CaptureOptions } from './capture-state.ts';
import { createChainState } from './chain-state.ts';
import { createPanelCrawlState } from './crawl-state.ts';
import { createDatasetsState } from './datasets-state.ts';
import { createFilterState } from './filter-state.ts';
import { createFindState } from './find-state.ts';
import { createSelectionState } from './selection-state.ts';
import { createSpecEditsState } from './spec-edits.ts';
import type { CapturedItem } from './captured-item.ts';
import type { PanelServices, ThemeName } from '../services/panel-services.ts';

export type PanelState = ReturnType<typeof createPanelState>;
export type Notice = { kind: 'info' | 'error'; text: string };

export function createPanelState(services: PanelServices, options: CaptureOptions = {}) {
  const capture = createCaptureState(options);
  const filter = createFilterState();
  const visible = computed(() => capture.items.value.filter(filter.predicate.value));
  const selection = createSelectionState(visible, capture.byId);
  const datasets = createDatasetsState(services.crawl);
  const chain = createChainState(capture.items, selection.selected, datasets.list);
  const find = createFindState(capture.items, selection);
  const crawl = createPanelCrawlState(services.crawl, () => void datasets.actions.refresh());
  // Edited pagination rules: re-read every captured item of an edited endpoint (Pagination tab).
  const specs = createSpecEditsState(capture.items, services, (kind, text) => notify(kind, text));
  const ui = {
    /** Top-level view id (see app.tsx's view list). */
    view: signal('requests'),
    theme: signal<ThemeName>(services.themeName()),
    /** Last action's outcome (copied, imported, exported), or an error to show inline. */
    notice: signal<Notice | null>(null),
    /** True once earlier requests are loaded and live capture is listening (e2e waits on it). */
    ready: signal(false),
    /** Why the last HAR import failed; null after a good one. */
    importError: signal<string | null>(null),
    /** The request list's width in px beside the detail (the splitter); null: the default. */
    listWidth: signal<number | null>(null),
  };
  let importCount = 0;

  function notify(kind: Notice['kind'], text: string) {
    ui.notice.value = { kind, text };
  }

  async function copy(text: string, done: string) {
    try {
      await services.clipboard.writeText(text);
      notify('info', done);
    } catch (e) {
      notify('error', `Copy failed: ${(e as Error).message}`);
    }
  }

  const actions = {
    clear() {
      capture.clear();
      selection.select(null);
      selection.close();
    },
    /** Imports HAR text (from the file picker or a drop); a bad file sets `ui.importError`. */
    importHar(text: string, fileName = 'HAR') {
      const r = parseHar(text, `har${++importCount}`);
      if (!r.ok) {
        ui.importError.value = `${fileName}: ${r.reason}`;
        return;
      }
      ui.importError.value = null;
      const { kept, skipped } = capture.add(r.exchanges, 'har');
      notify(
        'info',
        `Imported ${kept} JSON ${kept === 1 ? 'response' : 'responses'} from ${fileName}${skipped ? ` (${skipped} not JSON: listed, not analysed)` : ''}`,
      );
    },
    /** Downloads the shown rows as HAR 1.2. */
    exportHar() {
      const rows = visible.value;
      services.download.save(harFile(rows.map((r) => r.exchange)));
      notify('info', `Exported ${rows.length} ${rows.length === 1 ? 'request' : 'requests'} as HAR`);
    },
    /** "Analyse anyway" for a request listed as too large; the outcome goes to the status bar. */
    analyse(item: CapturedItem) {
      const why = capture.analyse(item.id);
      if (why) notify('error', `Could not analyse: ${why}`);
      else notify('info', 'Analysed');
    },
    /**
     * "Fetch and analyse": the panel fetches a GET whose body DevTools did not keep (asking for host
     * access first, inside the click), then analyses it in place. Only GET: nothing is replayed that
     * could change data. Up to the panel's fetch body limit; past it, the CLI.
     */
    async fetchAndAnalyse(item: CapturedItem) {
      const s = services.crawl;
      const { request } = item.exchange;
      if (!s) return notify('error', 'Fetching needs the extension (no fetch in this page).');
      if (request.method.toUpperCase() !== 'GET')
        return notify('error', `Not fetched: only GET requests are repeated (this was a ${request.method}).`);
      notify('info', `Fetching ${request.url} …`);
      try {
        await waitForAccess(request.url, () =>
          s.requestHostPermission(hostPattern(request.url, s.portsInPatterns ?? true)),
        );
        const res = await s.createFetch(new URL(request.url).origin)({
          method: 'GET',
          url: request.url,
          headers: request.headers,
        });
        if (res.bodyText.length > DEFAULT_MAX_BODY)
          return notify(
            'error',
            `Not analysed: the body is over ${formatBytes(DEFAULT_MAX_BODY)}; use the CLI.`,
          );
        const response = {
          ...item.exchange.response,
          status: res.status,
          headers: res.headers,
          mimeType: res.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '',
          bodyText: res.bodyText,
          bodySize: res.bodyText.length,
        };
        const why = capture.analyse(item.id, { ...item.exchange, response });
        notify(why ? 'error' : 'info', why ? `Fetched, not analysed: ${why}` : 'Fetched and analysed');
      } catch (e) {
        notify(
          'error',
          isBodyTooLarge(e)
            ? 'Not analysed: the body is over the panel’s fetch limit; use the CLI.'
            : `Could not fetch: ${(e as Error).message}`,
        );
      }
    },
    copyCliCommand(item: CapturedItem) {
      return copy(cliCommand(item.exchange.request), 'Copied the CLI command');
    },
    copyCurl(item: CapturedItem) {
      return copy(buildCurl(item.exchange), 'Copied as cURL');
    },
    /**
     * Copies the records array at the detection's records path, as pretty JSON. Integers beyond
     * 2^53 are copied as strings of their exact digits, as the dataset exports write them.
     */
    copyRecords(item: CapturedItem) {
      const parsed = parseJsonLossless(item.exchange.response.bodyText);
      if (!parsed.ok) return Promise.resolve(notify('error', `No records: ${parsed.reason}`));
      const records = extractRecords(parsed.value, item.detection?.recordsPath ?? []);
      let text: string;
      try {
        text = JSON.stringify(records, null, 2);
      } catch {
        // Nested deeper than the native writer's stack (thousands of levels): the same JSON, compact.
        text = stringifyJson(records);
      }
      return copy(text, `Copied ${records.length} ${records.length === 1 ? 'record' : 'records'}`);
    },
  };

  /** Subscribes to the capture service and the theme; returns one unsubscribe for all of it. */
  function connect(): () => void {
    const offs: (() => void)[] = [];
    offs.push(linkCrawledPages(chain, crawl, services.crawl));
    const net = services.network;
    if (net) {
      offs.push(net.onExchange((ex) => capture.enqueue(ex)));
      offs.push(net.onNavigated(() => capture.navigated()));
      void net
        .backfill()
        .then(
          (list) => capture.add(list),
          (e) => notify('error', `Could not read earlier requests: ${(e as Error).message}`),
        )
        .finally(() => (ui.ready.value = true));
      if (net.onSkipped) offs.push(net.onSkipped((s) => capture.enqueueSkipped(s)));
      if (net.stats) {
        const stats = () => net.stats!();
        // The service counts the assets it passes over without an event each; a cheap poll keeps the count.
        const refresh = () => capture.setAssetCount(stats().skipped.asset ?? 0);
        const timer = setInterval(refresh, 1000);
        offs.push(() => clearInterval(timer));
      }
    } else ui.ready.value = true;
    if (services.onThemeChange) offs.push(services.onThemeChange((t) => (ui.theme.value = t)));
    return () => offs.forEach((off) => off());
  }

  return {
    services,
    capture,
    filter,
    selection,
    visible,
    ui,
    actions,
    connect,
    crawl,
    datasets,
    chain,
    find,
    specs,
  };
}
