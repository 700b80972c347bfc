/**
 * Remembers the request list's width beside the detail (the splitter position) across DevTools
 * sessions, in the panel's localStorage, as DevTools remembers its own split widgets.
 */
import { effect, type Signal } from '@preact/signals';
import { parseStoredWidth } from '../lib/split-size.ts';

/** The one key under which the width is kept. */
export const LIST_WIDTH_KEY = 'pagescope.listWidth';

export type PrefStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Loads the stored width into `width`, then writes every change back (null: forget it, back to
 * the default). Storage errors (disabled, full) only mean the width is not remembered. Returns
 * the effect's dispose.
 */
export function persistListWidth(width: Signal<number | null>, storage: PrefStorage): () => void {
  try {
    width.value = parseStoredWidth(storage.getItem(LIST_WIDTH_KEY));
  } catch {
    // No storage: the default width, not remembered.
  }
  return effect(() => {
    const w = width.value;
    try {
      if (w == null) storage.removeItem(LIST_WIDTH_KEY);
      else storage.setItem(LIST_WIDTH_KEY, String(Math.round(w)));
    } catch {
      // As above.
    }
  });
}
