/**
 * Sizes for the Requests view's split: how wide the request list may be beside the detail, where
 * it starts, and how the splitter's keys move it. Pure, so the numbers are unit-tested; the
 * component only measures and renders. Keys follow the WAI-ARIA window splitter pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/).
 */

/** Narrowest the request list gets beside the detail (status, path and pagination stay readable). @default 200 */
export const MIN_LIST = 200;

/** Narrowest the detail pane gets (its tab bar and a JSON tree row). @default 280 */
export const MIN_DETAIL = 280;

/** The splitter's own width between the two sides (a 1px line; its grab area overlaps them). @default 1 */
export const SPLITTER_WIDTH = 1;

/** Pixels an arrow key moves the splitter; with Shift, `BIG_STEP`. @default 10 */
export const STEP = 10;

/** @default 50 */
export const BIG_STEP = 50;

export type Bounds = { min: number; max: number };

/** The list widths that leave the detail at least MIN_DETAIL in a view `container` px wide. */
export function listWidthBounds(container: number): Bounds {
  return { min: MIN_LIST, max: Math.max(MIN_LIST, Math.floor(container) - SPLITTER_WIDTH - MIN_DETAIL) };
}

/** `width` kept within the bounds, in whole pixels. */
export function clampListWidth(width: number, container: number): number {
  const { min, max } = listWidthBounds(container);
  return Math.round(Math.min(max, Math.max(min, width)));
}

/** Before the user drags: 38% of the view, 260–520 px, as the list had before it could be resized. */
export function defaultListWidth(container: number): number {
  return clampListWidth(Math.min(520, Math.max(260, container * 0.38)), container);
}

/** The width a key on the focused splitter leads to, or null when the splitter ignores the key. */
export function splitterKeyWidth(key: string, shift: boolean, width: number, bounds: Bounds): number | null {
  const step = shift ? BIG_STEP : STEP;
  const next =
    key === 'ArrowLeft'
      ? width - step
      : key === 'ArrowRight'
        ? width + step
        : key === 'Home'
          ? bounds.min
          : key === 'End'
            ? bounds.max
            : null;
  return next == null ? null : Math.min(bounds.max, Math.max(bounds.min, next));
}

/** A remembered width read back: a sane whole number of pixels, or null (use the default). */
export function parseStoredWidth(text: string | null | undefined): number | null {
  if (!text || !/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= MIN_LIST ? n : null;
}
