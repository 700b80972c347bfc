/**
 * The selection sub-store: which exchange is selected, whether the detail pane is open and on which
 * tab. Keyboard moves go through the shown (filtered) rows.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CapturedItem } from './captured-item.ts';

export type SelectionState = ReturnType<typeof createSelectionState>;

export function createSelectionState(
  visible: ReadonlySignal<readonly CapturedItem[]>,
  byId: ReadonlySignal<ReadonlyMap<string, CapturedItem>>,
) {
  const selectedId = signal<string | null>(null);
  const detailOpen = signal(false);
  /** Tab id in the detail pane; views register tabs by id (see components/detail-tabs.tsx). */
  const detailTab = signal('pagination');
  /** The selected item, even when the filter hides it; undefined once it is cleared away. */
  const selected = computed(() => (selectedId.value == null ? undefined : byId.value.get(selectedId.value)));
  /** Index among the shown rows, or -1. */
  const selectedIndex = computed(() => {
    const id = selectedId.value;
    return id == null ? -1 : visible.value.findIndex((it) => it.id === id);
  });

  function select(id: string | null) {
    selectedId.value = id;
  }

  return {
    selectedId,
    selected,
    selectedIndex,
    detailOpen,
    detailTab,
    select,
    /** Selects (optionally) and opens the detail pane. */
    open(id?: string) {
      if (id !== undefined) select(id);
      if (selectedId.value != null) detailOpen.value = true;
    },
    close() {
      detailOpen.value = false;
    },
    /** Moves the selection by `delta` shown rows (clamped); from nothing, starts at the first or last. */
    move(delta: number) {
      const rows = visible.value;
      if (!rows.length) return;
      const cur = selectedIndex.value;
      const next =
        cur < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, cur + delta));
      select(rows[next].id);
    },
    moveTo(index: number) {
      const rows = visible.value;
      if (rows.length) select(rows[Math.min(rows.length - 1, Math.max(0, index))].id);
    },
  };
}
