/** The filter sub-store: what the toolbar's filter controls hold, compiled once per change. */
import { computed, signal } from '@preact/signals';
import { createRowFilter } from '../lib/request-filter.ts';

export function createFilterState() {
  const text = signal('');
  const invert = signal(false);
  const paginatedOnly = signal(false);
  const compiled = computed(() =>
    createRowFilter({ text: text.value, invert: invert.value, paginatedOnly: paginatedOnly.value }),
  );
  return {
    text,
    invert,
    paginatedOnly,
    /** The row predicate for the current controls. */
    predicate: computed(() => compiled.value.test),
    /** A bad `/regex/` explained, or null. */
    error: computed(() => compiled.value.error),
    reset() {
      text.value = '';
      invert.value = false;
      paginatedOnly.value = false;
    },
  };
}
