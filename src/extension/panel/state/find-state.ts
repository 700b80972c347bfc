/**
 * Find in responses (Ctrl+F): the query, its hits over every captured body (lib/response-search.ts),
 * the current hit, and jumping to it — select its request, open the Response tab, reveal the node in
 * the JSON tree. Searching waits for a short pause in typing (`schedule`), so a keystroke over
 * thousands of bodies costs one search, not one per character.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import {
  createParseCache,
  searchResponses,
  type SearchHit,
  type SearchResult,
} from '../lib/response-search.ts';
import type { SelectionState } from './selection-state.ts';
import type { CapturedItem } from './captured-item.ts';

/** Where the tree should go: the hit's path in the item's body; `seq` makes a repeat jump count. */
export type Reveal = { itemId: string; path: string[]; seq: number };

export type FindOptions = {
  /** Runs a search later; returns a cancel. @default setTimeout 150 ms */
  schedule?: (run: () => void) => () => void;
};

export function createFindState(
  items: ReadonlySignal<readonly CapturedItem[]>,
  selection: Pick<SelectionState, 'open' | 'detailTab'>,
  { schedule = (run) => clearTimeout.bind(null, setTimeout(run, 150)) }: FindOptions = {},
) {
  const open = signal(false);
  const query = signal('');
  const result = signal<SearchResult>({ ok: true, hits: [], requests: 0, truncated: false });
  /** Index of the current hit in `result.hits`, or -1. */
  const current = signal(-1);
  const reveal = signal<Reveal | null>(null);
  /** A typed query waits for its search (the count says so rather than "no hits"). */
  const searching = signal(false);
  const cache = createParseCache();
  let cancel: (() => void) | null = null;
  let seq = 0;

  const hits = computed<SearchHit[]>(() => (result.value.ok ? result.value.hits : []));
  const error = computed(() => (result.value.ok ? null : result.value.error));

  function run() {
    cancel = null;
    searching.value = false;
    result.value = searchResponses(items.value, query.value, {}, cache);
    current.value = -1;
  }

  function go(index: number) {
    const list = hits.value;
    if (!list.length) return;
    const i = ((index % list.length) + list.length) % list.length;
    current.value = i;
    const h = list[i];
    selection.open(h.itemId);
    selection.detailTab.value = 'response';
    reveal.value = { itemId: h.itemId, path: h.path, seq: ++seq };
  }

  return {
    open,
    query,
    result,
    hits,
    error,
    current,
    reveal,
    searching,
    actions: {
      show() {
        open.value = true;
      },
      hide() {
        open.value = false;
        cancel?.();
        cancel = null;
        searching.value = false;
      },
      /** Sets the query; the search runs after a pause in typing. */
      setQuery(text: string) {
        query.value = text;
        cancel?.();
        cancel = schedule(run);
        searching.value = true;
      },
      /** True while a typed query waits for its search. */
      pending: () => cancel !== null,
      /** Runs a pending search now (Enter before the pause ends), or searches again (new responses). */
      searchNow() {
        cancel?.();
        run();
      },
      next: () => go(current.value + 1),
      prev: () => go(current.value < 0 ? -1 : current.value - 1),
      go,
    },
  };
}
