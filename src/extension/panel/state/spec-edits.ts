/**
 * Edited pagination rules, per endpoint (method + origin + path): the Pagination tab's Edit form
 * writes override fields here; every captured item of that endpoint is then read by the edited
 * spec — its detection, so the chain, the predictions, the diagnostics and a crawl all follow (a
 * spec detection carries its spec, and the crawl engine reads every page by it). Reset returns to
 * detection. Edits are remembered (localStorage) across panel sessions.
 */
import { batch, effect, signal, type Signal } from '@preact/signals';
import type { Detection } from '../../../core/detect/types.ts';
import type { Exchange } from '../../../core/exchange.ts';
import {
  applyOverrides,
  detectionFromSpec,
  exportAirbyte,
  exportCommand,
  exportDlt,
  noOverrides,
  resourceName,
  specFromDetection,
  type PaginationSpec,
  type SpecOverrides,
} from '../../../core/spec/index.ts';
import type { CapturedItem } from './captured-item.ts';
import type { PanelServices } from '../services/panel-services.ts';

const STORAGE_KEY = 'pagescope.specEdits.v1';

export type ExportTarget = 'dlt' | 'airbyte' | 'pagescope' | 'spec';
export const EXPORT_TARGETS: { id: ExportTarget; label: string; ext: string; mime: string }[] = [
  { id: 'dlt', label: 'dlt pipeline (Python)', ext: 'py', mime: 'text/x-python' },
  { id: 'airbyte', label: 'Airbyte manifest (YAML)', ext: 'yaml', mime: 'application/yaml' },
  { id: 'pagescope', label: 'pagescope crawl command', ext: 'sh', mime: 'text/x-shellscript' },
  { id: 'spec', label: 'Spec JSON', ext: 'json', mime: 'application/json' },
];

/** The endpoint an edit belongs to: method, origin and path (the query may change page to page). */
export function endpointKey(exchange: Pick<Exchange, 'request'>): string {
  const method = (exchange.request.method || 'GET').toUpperCase();
  try {
    const u = new URL(exchange.request.url);
    return `${method} ${u.origin}${u.pathname}`;
  } catch {
    return `${method} ${exchange.request.url}`;
  }
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function load(storage: Store | undefined): Record<string, SpecOverrides> {
  try {
    const v: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, SpecOverrides>) : {};
  } catch {
    return {};
  }
}

export function createSpecEditsState(
  items: Signal<readonly CapturedItem[]>,
  services: Pick<PanelServices, 'clipboard' | 'download'>,
  notify: (kind: 'info' | 'error', text: string) => void,
  storage: Store | undefined = globalThis.localStorage,
) {
  const edits = signal<Record<string, SpecOverrides>>(load(storage));
  /** What the detectors said about each exchange, before any edit. */
  const detected = new WeakMap<Exchange, { detection: Detection | null; notPaginated?: string }>();

  const original = (item: CapturedItem) => {
    let o = detected.get(item.exchange);
    if (!o) detected.set(item.exchange, (o = { detection: item.detection, notPaginated: item.notPaginated }));
    return o;
  };

  /** The spec detection would give `item` (its rules before any edit). */
  function detectedSpec(item: CapturedItem): PaginationSpec {
    return specFromDetection(item.exchange, original(item).detection);
  }

  /** The spec `item` is read by now: the detected one with the endpoint's edits applied. */
  function specOf(item: CapturedItem): PaginationSpec {
    const o = edits.value[endpointKey(item.exchange)];
    const base = detectedSpec(item);
    return o ? applyOverrides(base, o) : base;
  }

  /** The item as the endpoint's edits read it (or as detected, when none). */
  function reread(item: CapturedItem, all = edits.value): CapturedItem {
    const o = all[endpointKey(item.exchange)];
    const before = original(item);
    if (!o) {
      if (item.detection === before.detection) return item;
      return {
        ...item,
        detection: before.detection,
        notPaginated: before.notPaginated,
        paginated: !!before.detection,
      };
    }
    let spec: PaginationSpec;
    try {
      spec = applyOverrides(detectedSpec(item), o);
    } catch {
      return item; // a contradiction was refused when it was typed; an old stored one is ignored
    }
    if (item.detection?.spec && JSON.stringify(item.detection.spec) === JSON.stringify(spec)) return item;
    const detection = detectionFromSpec(spec, item.exchange);
    return { ...item, detection, notPaginated: undefined, paginated: true };
  }

  function rereadAll() {
    const list = items.value;
    let changed = false;
    const next = list.map((it) => {
      const r = reread(it);
      if (r !== it) changed = true;
      return r;
    });
    if (changed) items.value = next;
  }

  // New arrivals of an edited endpoint are read by the edits too.
  const stop = effect(() => {
    const list = items.value;
    const all = edits.value;
    if (!Object.keys(all).length && !list.some((it) => it.detection?.spec)) return;
    queueMicrotask(rereadAll);
  });

  function save(next: Record<string, SpecOverrides>) {
    batch(() => {
      edits.value = next;
    });
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // storage full or unavailable: the edit still applies for this session
    }
    rereadAll();
  }

  const actions = {
    /**
     * Sets the endpoint's override fields (replacing its earlier ones). A contradiction (two next
     * rules) is refused with its reason, and nothing changes.
     */
    set(item: CapturedItem, overrides: SpecOverrides): string | null {
      const clean = Object.fromEntries(
        Object.entries(overrides).filter(([, v]) => v !== undefined && v !== ''),
      ) as SpecOverrides;
      try {
        applyOverrides(detectedSpec(item), clean);
      } catch (e) {
        return (e as Error).message;
      }
      const next = { ...edits.value };
      if (noOverrides(clean)) delete next[endpointKey(item.exchange)];
      else next[endpointKey(item.exchange)] = clean;
      save(next);
      return null;
    },
    /** Back to what detection found, for the item's endpoint. */
    reset(item: CapturedItem) {
      const next = { ...edits.value };
      delete next[endpointKey(item.exchange)];
      save(next);
    },
    /** The export text for `target`. */
    exportText(item: CapturedItem, target: ExportTarget): string {
      const spec = specOf(item);
      if (target === 'dlt') return exportDlt(spec);
      if (target === 'airbyte') return exportAirbyte(spec);
      if (target === 'pagescope') return exportCommand(spec);
      return JSON.stringify(spec, null, 2) + '\n';
    },
    async copy(item: CapturedItem, target: ExportTarget) {
      const t = EXPORT_TARGETS.find((x) => x.id === target)!;
      try {
        await services.clipboard.writeText(actions.exportText(item, target));
        notify('info', `Copied the ${t.label}`);
      } catch (e) {
        notify('error', `Copy failed: ${(e as Error).message}`);
      }
    },
    download(item: CapturedItem, target: ExportTarget) {
      const t = EXPORT_TARGETS.find((x) => x.id === target)!;
      const name = `pagescope-${new URL(item.exchange.request.url).hostname}-${resourceName(specOf(item))}.${t.ext}`;
      services.download.save({ name, text: actions.exportText(item, target), mime: t.mime });
      notify('info', `Saved ${name}`);
    },
  };

  return {
    edits,
    /** The override fields of the item's endpoint, when edited. */
    overridesOf: (item: CapturedItem) => edits.value[endpointKey(item.exchange)],
    specOf,
    detectedSpec,
    actions,
    dispose: stop,
  };
}
